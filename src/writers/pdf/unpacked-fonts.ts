import { closeSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { removeStaleTemps } from '../../io/write-file.js';
import { keepInCache } from '../../io/keep-in-cache.js';
import { fontCacheDir } from './user-folders.js';
import { sfntSizeOfWoff, woffToSfnt } from './woff.js';

/**
 * The bundled 楷体 face ships as a WOFF (as its npm package has it), which Typst cannot read.
 * Unpacking it costs about a third of a second and 60 MB on every PDF, so the first PDF keeps the
 * unpacked face in the user's cache folder and later ones give Typst that file's path.
 */

/**
 * The path of an unpacked copy of `woffFile`, made now if there is none: named after the WOFF's
 * size and time, so that a newer package's face is unpacked again, and checked by its size, so
 * that a damaged copy is replaced. Undefined when no copy can be kept (no cache folder, a
 * read-only home, a full disk): the caller unpacks into memory as before.
 */
export function unpackedFontFile(woffFile: string, dir: string | undefined = fontCacheDir()): string | undefined {
  // An empty folder name (UNIONPLAN_CACHE_DIR unset on a machine without a home) keeps nothing.
  if (!dir) return undefined;
  try {
    const stat = statSync(woffFile);
    const stem = basename(woffFile).replace(/\.woff$/i, '');
    const name = `${stem}-${stat.size}-${Math.trunc(stat.mtimeMs)}.ttf`;
    const target = join(dir, name);
    // Every PDF comes here: only the WOFF's directory is read to know the copy is whole.
    const expected = sfntSizeOfWoff(woffDirectory(woffFile));
    if (sizeOf(target) === expected) return target;
    mkdirSync(dir, { recursive: true });
    // Copies of older versions of the face, and temporary files of runs that were killed, go.
    for (const entry of readdirSync(dir)) {
      if (entry !== name && entry.startsWith(`${stem}-`) && entry.endsWith('.ttf')) unlinkSync(join(dir, entry));
    }
    void removeStaleTemps(dir).catch(() => undefined);
    if (!keepInCache(target, woffToSfnt(readFileSync(woffFile)))) return undefined;
    return sizeOf(target) === expected ? target : undefined;
  } catch {
    return undefined;
  }
}

/** The WOFF header and table directory: what {@link sfntSizeOfWoff} reads. */
function woffDirectory(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(44);
    readSync(fd, header, 0, 44, 0);
    const directory = Buffer.alloc(44 + 20 * header.readUInt16BE(12));
    header.copy(directory);
    readSync(fd, directory, 44, directory.length - 44, 44);
    return directory;
  } finally {
    closeSync(fd);
  }
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}
