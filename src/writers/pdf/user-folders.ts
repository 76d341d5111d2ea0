import { join } from 'node:path';
import { cacheFolder } from '../../io/cache-folder.js';

/** Where font files and font data are kept: `fonts/` in unionplan's cache folder (io/cache-folder.ts). */
export function fontCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const base = cacheFolder(env, platform);
  return base ? join(base, 'fonts') : undefined;
}
