import { bufferSource, fileSource, type ByteSource } from './byte-source.js';
import { cmapGlyphs } from './cmap-glyphs.js';
import { componentGlyphs } from './glyf-components.js';
import { closeOverGsub } from './gsub-closure.js';
import { readTableDirectory, writeSfnt, type TableData, type TableEntry } from './sfnt-file.js';

/**
 * A TrueType face cut down to what one document can draw, for Typst: Typst hashes and copies each
 * face it loads, about 5 ms per megabyte, and a bundled Chinese face is 10–15 MB. Every glyph keeps
 * its id and every table but `glyf`/`loca`/`head` stays as it is (cmap, metrics, GSUB, GPOS, names),
 * so Typst picks the same fonts, shapes the same glyphs and places them in the same spots; only the
 * outlines of glyphs the document cannot reach are emptied. Kept: .notdef, the glyphs of the
 * document's characters, what GSUB can substitute for them, every glyph no character maps to
 * (forms that GSUB reaches: about 500, 0.1–0.16 MB in each bundled face), and the components of
 * composite glyphs among those.
 */

/** Tables that make a subset wrong or pointless: variations per glyph, CFF outlines, Apple's own shaping. */
const REFUSED = ['gvar', 'CFF ', 'CFF2', 'morx', 'mort'];
/** A signature over the original bytes would be false for the subset. */
const DROPPED = new Set(['DSIG']);

/**
 * Memory the outlines are read into, kept from one face to the next: each page of fresh memory
 * costs a page fault, which is much of what a subset costs.
 */
export interface Scratch {
  bytes: Buffer;
}

/**
 * The subset of the font file `file` (or of the font bytes `file`) for these code points, as a
 * whole TrueType file in memory; undefined for anything but a single glyf TrueType face, or a file
 * that cannot be read: the caller then gives Typst the whole file. The code points the face has a
 * glyph for are added to `covered`, when given.
 */
export function subsetFont(
  file: string | Uint8Array,
  codePoints: ReadonlySet<number>,
  scratch: Scratch = { bytes: Buffer.alloc(0) },
  covered?: Set<number>,
): Buffer | undefined {
  let source: ByteSource | undefined;
  try {
    source = typeof file === 'string' ? fileSource(file) : bufferSource(file);
    return subsetOf(source, codePoints, scratch, covered);
  } catch {
    return undefined;
  } finally {
    source?.close();
  }
}

function subsetOf(source: ByteSource, codePoints: ReadonlySet<number>, scratch: Scratch, covered?: Set<number>): Buffer | undefined {
  const tables = readTableDirectory(source);
  if (!tables) return undefined;
  const headEntry = tables.get('head');
  const maxpEntry = tables.get('maxp');
  const locaEntry = tables.get('loca');
  const glyfEntry = tables.get('glyf');
  const cmapEntry = tables.get('cmap');
  if (!headEntry || !maxpEntry || !locaEntry || !glyfEntry || !cmapEntry || REFUSED.some((tag) => tables.has(tag))) return undefined;
  const read = (table: TableEntry) => source.read(table.offset, table.length);

  const head = Buffer.from(read(headEntry));
  const glyphCount = read(maxpEntry).readUInt16BE(4);
  const loca = read(locaEntry);
  const offsets = locaReader(loca, head.readInt16BE(50) === 1, glyphCount, glyfEntry.length);
  if (!offsets) return undefined;

  const { reached, wanted, covered: drawn } = cmapGlyphs(read(cmapEntry), glyphCount, codePoints);
  const keep = new Set<number>([0, ...wanted]);
  // What GSUB can make of the document's glyphs; the glyphs no character maps to are added after,
  // not followed: only a substitution from the document's glyphs can bring one in.
  const gsubEntry = tables.get('GSUB');
  if (gsubEntry) closeOverGsub(read(gsubEntry), keep);
  for (let g = reached.indexOf(0); g !== -1; g = reached.indexOf(0, g + 1)) keep.add(g);

  const outlines = readOutlines(source, glyfEntry.offset, offsets, keep, glyphCount, scratch);
  const glyfLength = outlines.lengths.reduce((sum, length) => sum + length, 0);
  head.writeInt16BE(1, 50);

  const out = new Map<string, TableData>();
  for (const table of tables.values()) {
    if (DROPPED.has(table.tag)) continue;
    if (table.tag === 'glyf') out.set('glyf', { length: glyfLength, write: (into, at) => writeGlyf(into, at, outlines) });
    else if (table.tag === 'loca')
      out.set('loca', { length: (glyphCount + 1) * 4, write: (into, at) => writeLoca(into, at, outlines, glyphCount) });
    else if (table.tag === 'head') out.set('head', { length: head.length, write: (into, at) => head.copy(into, at) });
    else
      out.set(table.tag, {
        length: table.length,
        checksum: table.checksum,
        write: (into, at) => source.readInto(into, at, table.offset, table.length),
      });
  }
  const font = writeSfnt(out);
  if (covered) for (const code of drawn) covered.add(code);
  return font;
}

/**
 * The start and end of a glyph's outline in `glyf`, from `loca` (short or long offsets), read per
 * glyph asked for (it throws for a glyph outside the table); undefined when `loca` is too short.
 */
function locaReader(loca: Buffer, long: boolean, glyphCount: number, glyfLength: number): ((g: number) => [number, number]) | undefined {
  if (loca.length < (glyphCount + 1) * (long ? 4 : 2)) return undefined;
  const at = long ? (g: number) => loca.readUInt32BE(g * 4) : (g: number) => loca.readUInt16BE(g * 2) * 2;
  return (g) => {
    const start = at(g);
    const end = at(g + 1);
    // A damaged font: Typst is given the whole file, to read as it reads it.
    if (start > end || end > glyfLength) throw new RangeError(`glyph ${g} lies outside the glyf table`);
    return [start, end];
  };
}

/** Where the kept outlines are: glyph ids in ascending order, and each outline's place in `bytes`. */
interface Outlines {
  ids: number[];
  starts: number[];
  lengths: number[];
  bytes: Buffer;
}

/**
 * The outlines of the kept glyphs, read in runs of nearby glyphs into the scratch buffer; when a
 * composite glyph needs a component that is not kept, the component is kept and all is read again
 * (composites are few in a Chinese face, and their components are mostly kept already).
 */
function readOutlines(
  source: ByteSource,
  glyf: number,
  offsets: (g: number) => [number, number],
  keep: Set<number>,
  glyphCount: number,
  scratch: Scratch,
): Outlines {
  for (;;) {
    const glyphs = [...keep].filter((g) => g < glyphCount).sort((a, b) => a - b);
    const found = runs(glyphs, offsets);
    const total = found.reduce((sum, run) => sum + run.end - run.start, 0);
    if (scratch.bytes.length < total) scratch.bytes = Buffer.allocUnsafe(Math.max(total, scratch.bytes.length * 2));
    const bytes = scratch.bytes;
    const outlines: Outlines = { ids: [], starts: [], lengths: [], bytes };
    let at = 0;
    let missing = false;
    for (const run of found) {
      source.readInto(bytes, at, glyf + run.start, run.end - run.start);
      for (const g of run.glyphs) {
        const [from, to] = offsets(g);
        if (to === from) continue;
        const start = at + from - run.start;
        outlines.ids.push(g);
        outlines.starts.push(start);
        outlines.lengths.push(to - from);
        // A negative contour count (top bit set) marks a composite glyph.
        if (((bytes[start] as number) & 0x80) === 0) continue;
        for (const component of componentGlyphs(bytes.subarray(start, at + to - run.start))) {
          if (component < glyphCount && !keep.has(component)) {
            keep.add(component);
            missing = true;
          }
        }
      }
      at += run.end - run.start;
    }
    if (!missing) return outlines;
  }
}

/**
 * Sorted glyphs grouped into runs whose outlines lie close together, to be read in one go each: a
 * Chinese outline is about 0.5 KB, so a gap of a few glyphs is cheaper read than skipped, while a
 * larger one would read most of the `glyf` table for a document of a thousand characters.
 */
function runs(glyphs: readonly number[], offsets: (g: number) => [number, number]): { glyphs: number[]; start: number; end: number }[] {
  const GAP = 2 * 1024;
  const groups: { glyphs: number[]; start: number; end: number }[] = [];
  let current: { glyphs: number[]; start: number; end: number } | undefined;
  for (const g of glyphs) {
    const [start, end] = offsets(g);
    if (current && start >= current.end && start - current.end <= GAP) {
      current.glyphs.push(g);
      current.end = Math.max(current.end, end);
    } else {
      current = { glyphs: [g], start, end };
      groups.push(current);
    }
  }
  return groups;
}

/**
 * The kept outlines in glyph order, each as it was (with the padding, if any, the font gave it):
 * outlines that lie side by side in the scratch buffer, as consecutive glyphs do, are copied at once.
 */
function writeGlyf(out: Buffer, at: number, { starts, lengths, bytes }: Outlines): void {
  let i = 0;
  while (i < starts.length) {
    const start = starts[i] as number;
    let end = start + (lengths[i] as number);
    for (i++; i < starts.length && starts[i] === end; i++) end += lengths[i] as number;
    at += bytes.copy(out, at, start, end);
  }
}

/**
 * `loca` with long offsets for {@link writeGlyf}'s table. Between two kept glyphs every entry is
 * the same offset: written with `fill`, not one by one for 30,000 glyphs.
 */
function writeLoca(out: Buffer, at: number, { ids, lengths }: Outlines, glyphCount: number): void {
  const entry = Buffer.alloc(4);
  let offset = 0;
  let next = 0;
  ids.forEach((g, i) => {
    // Entries next … g all point at the end of the outlines before g.
    if (g > next) {
      entry.writeUInt32BE(offset);
      out.fill(entry, at + next * 4, at + (g + 1) * 4);
    } else out.writeUInt32BE(offset, at + g * 4);
    offset += lengths[i] as number;
    next = g + 1;
  });
  entry.writeUInt32BE(offset);
  out.fill(entry, at + next * 4, at + (glyphCount + 1) * 4);
}
