import { readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { shortHash } from '../../../io/short-hash.js';
import { keepInCache } from '../cache-file.js';
import { tableChecksum } from './sfnt-file.js';
import { subsetFont, type Scratch } from './subset-font.js';

/**
 * Font subsets kept between runs, in the cache folder: cutting the four faces of a plan takes
 * some 75 ms at every single PDF, and the next build of a plan mostly needs the characters the
 * last one had. Per face file one subset is kept, with the characters it was cut for; a document
 * whose characters are all among them takes it as it is. Otherwise a new subset is cut for the
 * characters of both, up to {@link MAX_CHARACTERS} (past that, for the document's alone, so that
 * the faces Typst reads stay small) and kept in its place. The PDF is the same either way: Typst
 * embeds only the glyphs the pages draw.
 *
 * A kept subset is believed only when its record names the very face file (path, size and time)
 * and the subset is whole (its length, and the checksum every TrueType file sums to).
 */

/** The folder in the cache folder: a new layout of the records gets a new name. */
const FOLDER = 'subsets-1';

/** Characters a kept subset may be cut for before it starts again from one document's. */
export const MAX_CHARACTERS = 3000;

/** The record kept beside a subset (`.json`). */
interface SubsetRecord {
  /** The face file the subset was cut from, its size and modification time. */
  source: string;
  size: number;
  mtimeMs: number;
  /** The subset's length in bytes. */
  length: number;
  /** The characters it was cut for, and those of them the face draws, as runs [first, count, …]. */
  characters: number[];
  covered: number[];
}

/** Sorted code points as runs: [first, count, first, count, …]. */
function toRuns(codePoints: Iterable<number>): number[] {
  const sorted = [...codePoints].sort((a, b) => a - b);
  const runs: number[] = [];
  for (const code of sorted) {
    const last = runs.length - 2;
    if (last >= 0 && (runs[last] as number) + (runs[last + 1] as number) === code) runs[last + 1]!++;
    else runs.push(code, 1);
  }
  return runs;
}

function fromRuns(runs: readonly number[]): Set<number> {
  const codePoints = new Set<number>();
  for (let i = 0; i + 1 < runs.length; i += 2) for (let k = 0; k < (runs[i + 1] as number); k++) codePoints.add((runs[i] as number) + k);
  return codePoints;
}

const isRuns = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length % 2 === 0 && value.every((n) => Number.isInteger(n) && n >= 0 && n <= 0x10ffff);

/** The record at `file`, if it is one and is about the face file as it is now. */
function readRecord(file: string, source: string, size: number, mtimeMs: number): SubsetRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<SubsetRecord> | null;
    if (
      record?.source === source &&
      record.size === size &&
      record.mtimeMs === mtimeMs &&
      Number.isInteger(record.length) &&
      isRuns(record.characters) &&
      isRuns(record.covered)
    ) {
      return record as SubsetRecord;
    }
  } catch {
    // None yet, or damaged: cut anew.
  }
  return undefined;
}

/** The kept subset, when it is whole: as long as its record says, and summing as a TrueType file must. */
function readSubset(file: string, length: number): Buffer | undefined {
  try {
    const font = readFileSync(file);
    return font.length === length && length % 4 === 0 && tableChecksum(font) === 0xb1b0afba ? font : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The subset of the face file `file` for these code points, as {@link subsetFont} makes it, taken
 * from the cache folder `dir` when a kept one has them all, else cut and kept there. The code
 * points the face draws are added to `covered`. Undefined when the face cannot be subset.
 */
export function cachedSubset(
  file: string,
  codePoints: ReadonlySet<number>,
  scratch: Scratch,
  covered: Set<number>,
  dir: string | undefined,
): Buffer | undefined {
  let stat: { size: number; mtimeMs: number };
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  if (!dir) return subsetFont(file, codePoints, scratch, covered);
  const stem = `${basename(file).replace(/\.[^.]*$/, '')}-${shortHash(file)}`;
  const fontFile = join(dir, FOLDER, `${stem}.ttf`);
  const recordFile = join(dir, FOLDER, `${stem}.json`);
  const record = readRecord(recordFile, file, stat.size, stat.mtimeMs);

  if (record) {
    const characters = fromRuns(record.characters);
    if ([...codePoints].every((code) => characters.has(code))) {
      const font = readSubset(fontFile, record.length);
      if (font) {
        for (const code of fromRuns(record.covered)) if (codePoints.has(code)) covered.add(code);
        return font;
      }
    }
  }

  // Cut for the document's characters and the kept ones, while they are not too many.
  const wanted = new Set(codePoints);
  if (record) {
    const union = new Set([...fromRuns(record.characters), ...codePoints]);
    if (union.size <= MAX_CHARACTERS) for (const code of union) wanted.add(code);
  }
  const drawn = new Set<number>();
  const font = subsetFont(file, wanted, scratch, drawn);
  if (!font) return undefined;
  for (const code of drawn) if (codePoints.has(code)) covered.add(code);
  // The subset first, then its record: a record never speaks of a subset not yet there.
  const kept: SubsetRecord = {
    source: file,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    length: font.length,
    characters: toRuns(wanted),
    covered: toRuns(drawn),
  };
  if (keepInCache(fontFile, font)) keepInCache(recordFile, JSON.stringify(kept));
  removeOrphanSubsets(dir);
  return font;
}

/**
 * Removes the kept subsets of face files that are no longer there (an older version of a bundled
 * face, a font uninstalled): read from their records. Returns how many files were removed.
 */
export function removeOrphanSubsets(dir: string | undefined): number {
  if (!dir) return 0;
  const folder = join(dir, FOLDER);
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const entry of entries.filter((name) => name.endsWith('.json'))) {
    let source: unknown;
    try {
      source = (JSON.parse(readFileSync(join(folder, entry), 'utf8')) as { source?: unknown }).source;
    } catch {
      source = undefined;
    }
    let there = false;
    try {
      there = typeof source === 'string' && statSync(source).isFile();
    } catch {
      there = false;
    }
    if (there) continue;
    for (const file of [entry, entry.replace(/\.json$/, '.ttf')]) {
      try {
        unlinkSync(join(folder, file));
        removed++;
      } catch {
        // Gone already.
      }
    }
  }
  return removed;
}
