import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sessionCache } from '../../session/session.js';
import { keepInCache } from '../../io/keep-in-cache.js';
import { readFaces, type FaceInfo } from './sfnt.js';
import { fontCacheDir } from './user-folders.js';

/**
 * What the font files of the system's folders hold, kept between runs in the cache folder, as
 * fontconfig keeps its cache: finding 仿宋 or 方正小标宋 means reading the names of every font on the
 * machine, hundreds of files on Windows, and a file whose size and time have not changed since is
 * not read again. The index is only a shortcut: unreadable, damaged or from another version, it
 * is ignored and written anew; a folder that cannot be written just means reading the fonts again.
 */

/** The file's name: a new layout of the data gets a new name, so versions never read each other's. */
const INDEX_FILE = 'font-index-1.json';

/** Folders kept: the system's few, the `--font-dir` folders of recent runs; the oldest go first. */
const MAX_FOLDERS = 32;

/** What a font file held when it was last read. */
interface FileEntry {
  size: number;
  mtimeMs: number;
  faces: FaceInfo[];
}

/** The index: per folder searched, its font files, most recently searched folder last. */
type IndexData = Record<string, Record<string, FileEntry>>;

interface LoadedIndex {
  file: string | undefined;
  data: IndexData;
}

/** The index of this run, read once per session. */
const loaded = sessionCache<string, LoadedIndex>('font-index', 1);

function readIndex(file: string | undefined): IndexData {
  if (!file) return {};
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as IndexData) : {};
  } catch {
    return {};
  }
}

function indexOfRun(dir: string | undefined): LoadedIndex {
  const file = dir ? join(dir, INDEX_FILE) : undefined;
  return loaded.getOrMake(file ?? '', () => ({ file, data: readIndex(file) }));
}

/**
 * Whether an entry read from the index holds for the file at `path` as it is now: same size and
 * time, and faces of that file only (the index may be damaged, or written by something else).
 */
function usable(entry: FileEntry | undefined, path: string, size: number, mtimeMs: number): entry is FileEntry {
  return (
    entry !== undefined &&
    entry.size === size &&
    entry.mtimeMs === mtimeMs &&
    Array.isArray(entry.faces) &&
    entry.faces.every(
      (face) =>
        typeof face === 'object' &&
        face !== null &&
        face.file === path &&
        typeof face.family === 'string' &&
        Number.isInteger(face.index) &&
        Number.isFinite(face.weight) &&
        typeof face.italic === 'boolean' &&
        Array.isArray(face.names) &&
        face.names.every((name) => typeof name === 'string'),
    )
  );
}

/**
 * The faces of the font files `files` of `folder`, from the index where a file's size and time are
 * as recorded, read from the file otherwise; the folder's entry is then brought up to date and
 * saved (files gone from the folder leave it).
 */
export function indexedFaces(folder: string, files: readonly string[], dir: string | undefined = fontCacheDir()): FaceInfo[] {
  const index = indexOfRun(dir);
  const known = index.data[folder];
  const fresh: Record<string, FileEntry> = {};
  const faces: FaceInfo[] = [];
  let changed = known === undefined || Object.keys(known).length !== files.length;
  for (const path of files) {
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(path));
    } catch {
      continue;
    }
    let entry = known?.[path];
    if (!usable(entry, path, size, mtimeMs)) {
      entry = { size, mtimeMs, faces: readFaces(path) };
      changed = true;
    }
    fresh[path] = entry;
    for (const face of entry.faces) faces.push(face);
  }
  if (changed) {
    delete index.data[folder];
    index.data[folder] = fresh;
    const folders = Object.keys(index.data);
    for (const old of folders.slice(0, Math.max(0, folders.length - MAX_FOLDERS))) delete index.data[old];
    save(index);
  }
  return faces;
}

/** Keeps the index in the cache folder (see {@link keepInCache}); the fonts are read again next time when it cannot. */
function save({ file, data }: LoadedIndex): void {
  if (file) keepInCache(file, JSON.stringify(data));
}
