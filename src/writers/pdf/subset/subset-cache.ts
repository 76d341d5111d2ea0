import { readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { shortHash } from '../../../io/short-hash.js';
import { keepInCache } from '../../../io/keep-in-cache.js';
import { leftBehind } from '../../../io/temp-name.js';
import { subsetFont, type Scratch } from './subset-font.js';

/**
 * Font subsets kept between runs, in the cache folder: cutting the four faces of a plan takes
 * some 75 ms at every single PDF, and the next build of a plan mostly needs the characters the
 * last one had. Per face file a record names the subset last cut and the characters it was cut
 * for; a document whose characters are all among them is given that subset's path. Otherwise a
 * new subset is cut for the characters of both, up to {@link MAX_CHARACTERS} (past that, for the
 * document's alone, so that the faces Typst reads stay small), and the record names it instead.
 * The PDF is the same either way: Typst embeds only the glyphs the pages draw.
 *
 * Typst reads the subset by its path (which is cheaper than handing it the bytes) while laying
 * out, after the record was read: so a subset file is never changed once written (it is named
 * after its characters), and one no record names any more is removed only when it is ten minutes old.
 * A record is believed only when it names the very face file (path, size and time), and its
 * subset only when it has the length the record gives.
 */

/** The folder in the cache folder: a new layout of the records gets a new name. */
const FOLDER = 'subsets-2';

/** Characters a kept subset may be cut for before it starts again from one document's. */
export const MAX_CHARACTERS = 3000;

/** How long a subset no record names is kept, for a run that read the record before it changed. */
const UNNAMED_KEPT_MS = 10 * 60 * 1000;

/** The record kept for a face file (`<face>-<hash of its path>.json`). */
interface SubsetRecord {
  /** The face file the subset was cut from, its size and modification time. */
  source: string;
  size: number;
  mtimeMs: number;
  /** The subset's file name (in the same folder) and length in bytes. */
  file: string;
  length: number;
  /** The characters it was cut for, and those of them the face draws, as runs [first, count, …]. */
  characters: number[];
  covered: number[];
}

/** A subset: the path of a kept one, or the bytes of one that could not be kept. */
export type Subset = { path: string } | { bytes: Buffer };

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

/** Whether a code point lies in one of the runs (sorted, as {@link toRuns} makes them). */
function inRuns(runs: readonly number[], code: number): boolean {
  let low = 0;
  let high = runs.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const first = runs[mid * 2] as number;
    if (code < first) high = mid - 1;
    else if (code >= first + (runs[mid * 2 + 1] as number)) low = mid + 1;
    else return true;
  }
  return false;
}

function* fromRuns(runs: readonly number[]): Generator<number> {
  for (let i = 0; i + 1 < runs.length; i += 2) for (let k = 0; k < (runs[i + 1] as number); k++) yield (runs[i] as number) + k;
}

/** Whether a value is runs as {@link toRuns} makes them: in order, apart, none empty (inRuns relies on it). */
function isRuns(value: unknown): value is number[] {
  if (!Array.isArray(value) || value.length % 2 !== 0) return false;
  let end = -1;
  for (let i = 0; i < value.length; i += 2) {
    const [first, count] = [value[i], value[i + 1]];
    if (!Number.isInteger(first) || !Number.isInteger(count) || first <= end || count < 1 || first + count > 0x110000) return false;
    end = first + count;
  }
  return true;
}

/** The record at `file`, if it is one and is about the face file as it is now. */
function readRecord(file: string, stem: string, source: string, size: number, mtimeMs: number): SubsetRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<SubsetRecord> | null;
    if (
      record?.source === source &&
      record.size === size &&
      record.mtimeMs === mtimeMs &&
      typeof record.file === 'string' &&
      // Only a subset of this face, in this folder.
      record.file.startsWith(`${stem}-`) &&
      /^[\w.-]+\.ttf$/.test(record.file) &&
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

/**
 * The name of a face file's record and subsets: its name (letters, digits, `.` and `-`; a Windows
 * font's Chinese name or spaces become `_`) and a hash of its path, so faces never meet.
 */
function stemOf(file: string): string {
  return `${basename(file)
    .replace(/\.[^.]*$/, '')
    .replace(/[^\w.-]+/g, '_')}-${shortHash(file)}`;
}

/**
 * The subset of the face file `file` for these code points, as {@link subsetFont} makes it: the
 * path of one kept in the cache folder `dir` that has them all, else one cut now (and kept there,
 * when it can be). The code points the face draws are added to `covered`. Undefined when the face
 * cannot be subset.
 */
export function cachedSubset(
  file: string,
  codePoints: ReadonlySet<number>,
  scratch: Scratch,
  covered: Set<number>,
  dir: string | undefined,
): Subset | undefined {
  let stat: { size: number; mtimeMs: number };
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  const cut = (wanted: ReadonlySet<number>, drawn: Set<number>) => subsetFont(file, wanted, scratch, drawn);
  if (!dir) {
    const bytes = cut(codePoints, covered);
    return bytes && { bytes };
  }
  const folder = join(dir, FOLDER);
  const stem = stemOf(file);
  const recordFile = join(folder, `${stem}.json`);
  const record = readRecord(recordFile, stem, file, stat.size, stat.mtimeMs);

  if (record && [...codePoints].every((code) => inRuns(record.characters, code))) {
    const path = join(folder, record.file);
    if (sizeOf(path) === record.length) {
      for (const code of codePoints) if (inRuns(record.covered, code)) covered.add(code);
      return { path };
    }
  }

  // Cut for the document's characters and the kept ones, while they are not too many.
  const wanted = new Set(codePoints);
  if (record) {
    const union = new Set([...fromRuns(record.characters), ...codePoints]);
    if (union.size <= MAX_CHARACTERS) for (const code of union) wanted.add(code);
  }
  const drawn = new Set<number>();
  const bytes = cut(wanted, drawn);
  if (!bytes) return undefined;
  for (const code of drawn) if (codePoints.has(code)) covered.add(code);
  const characters = toRuns(wanted);
  const name = `${stem}-${shortHash(characters.join(','))}.ttf`;
  const kept: SubsetRecord = {
    source: file,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    file: name,
    length: bytes.length,
    characters,
    covered: toRuns(drawn),
  };
  // The subset first, then the record: a record never names a subset not yet there.
  const path = join(folder, name);
  const keptBoth = (sizeOf(path) === bytes.length || keepInCache(path, bytes)) && keepInCache(recordFile, JSON.stringify(kept));
  tidySubsets(dir);
  return keptBoth ? { path } : { bytes };
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/**
 * Tidies the kept subsets: the records (and subsets) of face files that are no longer there (an
 * older version of a bundled face, a font uninstalled), the subsets no record names that are ten
 * minutes old, and the temporary files of writes that were killed. Returns how many files were removed.
 */
export function tidySubsets(dir: string | undefined, now = Date.now()): number {
  if (!dir) return 0;
  const folder = join(dir, FOLDER);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return 0;
  }
  const named = new Set<string>();
  const gone: string[] = [];
  for (const entry of entries.filter((name) => name.endsWith('.json'))) {
    let record: Partial<SubsetRecord> | undefined;
    try {
      record = JSON.parse(readFileSync(join(folder, entry), 'utf8')) as Partial<SubsetRecord>;
    } catch {
      record = undefined;
    }
    if (typeof record?.source === 'string' && sizeOf(record.source) !== undefined) {
      if (typeof record.file === 'string') named.add(record.file);
    } else gone.push(entry);
  }
  let removed = 0;
  const remove = (name: string) => {
    try {
      unlinkSync(join(folder, name));
      removed++;
    } catch {
      // Gone already.
    }
  };
  for (const entry of gone) remove(entry);
  for (const entry of entries.filter((name) => leftBehind(folder, name))) remove(entry);
  for (const entry of entries.filter((name) => name.endsWith('.ttf') && !named.has(name))) {
    try {
      if (now - statSync(join(folder, entry)).mtimeMs >= UNNAMED_KEPT_MS) remove(entry);
    } catch {
      // Gone already.
    }
  }
  return removed;
}
