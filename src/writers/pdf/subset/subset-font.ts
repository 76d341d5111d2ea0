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
 * The subset of the font file `file` (or of the font bytes `file`) for these code points, as a
 * whole TrueType file in memory; undefined for anything but a single glyf TrueType face, or a file
 * that cannot be read: the caller then gives Typst the whole file.
 */
export function subsetFont(file: string | Uint8Array, codePoints: ReadonlySet<number>): Buffer | undefined {
  let source: ByteSource | undefined;
  try {
    source = typeof file === 'string' ? fileSource(file) : bufferSource(file);
    return subsetOf(source, codePoints);
  } catch {
    return undefined;
  } finally {
    source?.close();
  }
}

function subsetOf(source: ByteSource, codePoints: ReadonlySet<number>): Buffer | undefined {
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

  const { reached, wanted } = cmapGlyphs(read(cmapEntry), glyphCount, codePoints);
  const keep = new Set<number>([0, ...wanted]);
  // What GSUB can make of the document's glyphs; the glyphs no character maps to are added after,
  // not followed: only a substitution from the document's glyphs can bring one in.
  const gsubEntry = tables.get('GSUB');
  if (gsubEntry) closeOverGsub(read(gsubEntry), keep);
  for (let g = reached.indexOf(0); g !== -1; g = reached.indexOf(0, g + 1)) keep.add(g);

  const outlines = readOutlines(source, glyfEntry.offset, offsets, keep, glyphCount);
  const glyphs = [...outlines.keys()].sort((x, y) => x - y);
  let glyfLength = 0;
  for (const data of outlines.values()) glyfLength += data.length;
  head.writeInt16BE(1, 50);

  const out = new Map<string, TableData>();
  for (const table of tables.values()) {
    if (DROPPED.has(table.tag)) continue;
    if (table.tag === 'glyf') out.set('glyf', { length: glyfLength, write: (into, at) => writeGlyf(into, at, glyphs, outlines) });
    else if (table.tag === 'loca')
      out.set('loca', { length: (glyphCount + 1) * 4, write: (into, at) => writeLoca(into, at, glyphs, outlines, glyphCount) });
    else if (table.tag === 'head') out.set('head', { length: head.length, write: (into, at) => head.copy(into, at) });
    else
      out.set(table.tag, {
        length: table.length,
        checksum: table.checksum,
        write: (into, at) => source.readInto(into, at, table.offset, table.length),
      });
  }
  return writeSfnt(out);
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

/**
 * The outlines of the kept glyphs and of their components, read in runs of nearby glyphs into one
 * buffer per round (one for the kept glyphs, then one per level of components, if any).
 */
function readOutlines(
  source: ByteSource,
  glyf: number,
  offsets: (g: number) => [number, number],
  keep: ReadonlySet<number>,
  glyphCount: number,
): Map<number, Buffer> {
  const outlines = new Map<number, Buffer>();
  let todo = [...keep].filter((g) => g < glyphCount);
  while (todo.length) {
    todo.sort((a, b) => a - b);
    const found = runs(todo, offsets);
    const bytes = Buffer.allocUnsafe(found.reduce((sum, run) => sum + run.end - run.start, 0));
    let at = 0;
    const next: number[] = [];
    for (const run of found) {
      source.readInto(bytes, at, glyf + run.start, run.end - run.start);
      for (const g of run.glyphs) {
        const [from, to] = offsets(g);
        if (to === from) continue;
        const data = bytes.subarray(at + from - run.start, at + to - run.start);
        outlines.set(g, data);
        for (const component of componentGlyphs(data)) {
          if (component < glyphCount && !outlines.has(component) && !keep.has(component)) next.push(component);
        }
      }
      at += run.end - run.start;
    }
    todo = [...new Set(next)].filter((g) => !outlines.has(g));
  }
  return outlines;
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

/** The kept outlines in glyph order, each as it was (with the padding, if any, the font gave it). */
function writeGlyf(out: Buffer, at: number, glyphs: readonly number[], outlines: ReadonlyMap<number, Buffer>): void {
  for (const g of glyphs) at += (outlines.get(g) as Buffer).copy(out, at);
}

/**
 * `loca` with long offsets for {@link writeGlyf}'s table. Between two kept glyphs every entry is
 * the same offset: written with `fill`, not one by one for 30,000 glyphs.
 */
function writeLoca(out: Buffer, at: number, glyphs: readonly number[], outlines: ReadonlyMap<number, Buffer>, glyphCount: number): void {
  const entry = Buffer.alloc(4);
  let offset = 0;
  let next = 0;
  for (const g of glyphs) {
    // Entries next … g all point at the end of the outlines before g.
    entry.writeUInt32BE(offset);
    out.fill(entry, at + next * 4, at + (g + 1) * 4);
    offset += (outlines.get(g) as Buffer).length;
    next = g + 1;
  }
  entry.writeUInt32BE(offset);
  out.fill(entry, at + next * 4, at + (glyphCount + 1) * 4);
}
