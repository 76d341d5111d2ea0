import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's folders unionplan keeps things in between runs: the home folder, and the cache
 * folder, which holds the fonts' data (writers/pdf/user-folders.ts) and the compiled code of the
 * command line (io/code-cache.ts).
 */

/** The user's home folder, or `''` where there is none (a service account). */
export function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

/** The environment variable naming the cache folder (for shared or read-only homes). */
export const CACHE_DIR_ENV = 'UNIONPLAN_CACHE_DIR';

/**
 * unionplan's cache folder: UNIONPLAN_CACHE_DIR when set, else the platform's cache folder for
 * applications, under unionplan; undefined when there is neither.
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env[CACHE_DIR_ENV]?.trim();
  if (chosen) return chosen;
  // Without a home (a service account) the XDG or Windows variables may still name a folder.
  const home = safeHomedir();
  const xdg = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : '');
  const base =
    platform === 'win32'
      ? env.LOCALAPPDATA && join(env.LOCALAPPDATA, 'unionplan', 'Cache')
      : platform === 'darwin'
        ? home && join(home, 'Library', 'Caches', 'unionplan')
        : xdg && join(xdg, 'unionplan');
  return base || undefined;
}
