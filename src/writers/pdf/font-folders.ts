import { readdirSync, type Dirent } from 'node:fs';
import { delimiter, extname, join } from 'node:path';
import { indexedFaces } from './font-index.js';
import type { FaceInfo } from './sfnt.js';
import { safeHomedir } from '../../io/cache-folder.js';
import { sessionCache } from '../../session/session.js';

/**
 * Where fonts are looked for, and what each folder holds. Folders are read only when a PDF is
 * written or fonts are described, and each folder only once per process.
 */

/** A folder of fonts and why it is searched. */
export interface FontFolder {
  path: string;
  kind: 'option' | 'env' | 'system';
}

/** The environment variable with extra font folders (a path list, like PATH). */
export const FONT_DIR_ENV = 'UNIONPLAN_FONT_DIR';

/** The folders to search, in order: `--font-dir` folders, `UNIONPLAN_FONT_DIR`, the system's. */
export function fontFolders(fontDirs: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): FontFolder[] {
  const folders: FontFolder[] = [];
  const seen = new Set<string>();
  const add = (path: string, kind: FontFolder['kind']) => {
    if (path && !seen.has(path)) {
      seen.add(path);
      folders.push({ path, kind });
    }
  };
  for (const dir of fontDirs) add(dir, 'option');
  for (const dir of (env[FONT_DIR_ENV] ?? '').split(delimiter)) add(dir.trim(), 'env');
  for (const dir of systemFontFolders(env)) add(dir, 'system');
  return folders;
}

/** The font folders of this operating system. */
export function systemFontFolders(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const home = safeHomedir();
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? (home ? join(home, 'AppData', 'Local') : '');
    return [join(windir, 'Fonts'), local ? join(local, 'Microsoft', 'Windows', 'Fonts') : ''].filter(Boolean);
  }
  if (platform === 'darwin') {
    return ['/Library/Fonts', '/System/Library/Fonts', home ? join(home, 'Library', 'Fonts') : ''].filter(Boolean);
  }
  const dataHome = env.XDG_DATA_HOME ?? (home ? join(home, '.local', 'share') : '');
  return ['/usr/share/fonts', '/usr/local/share/fonts', home ? join(home, '.fonts') : '', dataHome ? join(dataHome, 'fonts') : ''].filter(
    Boolean,
  );
}

const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.otc']);
const MAX_DEPTH = 6;
const cache = sessionCache<string, FaceInfo[]>('font-folder-faces', 64);

/**
 * Every face in the font files under a folder (searched to a few levels deep): cached for the
 * session, and between runs by the font index (unchanged files are not read again).
 */
export function facesIn(folder: string): FaceInfo[] {
  let faces = cache.get(folder);
  if (!faces) {
    const files: string[] = [];
    collect(folder, 0, files);
    faces = indexedFaces(folder, files);
    cache.set(folder, faces);
  }
  return faces;
}

/** The font files under `dir`, in name order. */
function collect(dir: string, depth: number, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) collect(path, depth + 1, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && FONT_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      out.push(path);
    }
  }
}
