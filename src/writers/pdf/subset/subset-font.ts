import { bufferSource, fileSource, type ByteSource } from './byte-source.js';
import { cmapGlyphs } from './cmap-glyphs.js';
import { componentGlyphs } from './glyf-components.js';
import { closeOverGsub } from './gsub-closure.js';
import { readTableDirectory, writeSfnt, type TableEntry } from './sfnt-file.js';

/**
 * A TrueType face cut down to what one document can draw, for Typst: Typst hashes and copies each
 * face it loads, about 5 ms per megabyte, and a bundled Chinese face is 10–15 MB. Every glyph keeps
 * its id and every table but `glyf`/`loca` stays as it is (cmap, metrics, GSUB, GPOS, names), so
 * Typst picks the same fonts, shapes the same glyphs and places them in the same spots; only the
 * outlines of glyphs the document cannot reach are emptied. Kept: .notdef, the glyphs of the
 * document's characters, what GSUB can substitute for them, every glyph no character maps to
 * (the forms GSUB reaches: a few hundred, about 0.1 MB in a Noto CJK face), and the components of
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
  const entry = (tag: string) => tables.get(tag);
  const headEntry = entry('head');
  const maxpEntry = entry('maxp');
  const locaEntry = entry('loca');
  const glyfEntry = entry('glyf');
  const cmapEntry = entry('cmap');
  if (!headEntry || !maxpEntry || !locaEntry || !glyfEntry || !cmapEntry || REFUSED.some((tag) => tables.has(tag))) return undefined;
  const read = (table: TableEntry) => source.read(table.offset, table.length);

  const head = Buffer.from(read(headEntry));
  const glyphCount = read(maxpEntry).readUInt16BE(4);
  const longOffsets = head.readInt16BE(50) === 1;
  const loca = read(locaEntry);
  if (loca.length < (glyphCount + 1) * (longOffsets ? 4 : 2)) return undefined;
  const offsets = new Uint32Array(glyphCount + 1);
  for (let g = 0; g <= glyphCount; g++) offsets[g] = longOffsets ? loca.readUInt32BE(g * 4) : loca.readUInt16BE(g * 2) * 2;
  for (let g = 0; g < glyphCount; g++) if ((offsets[g] as number) > (offsets[g + 1] as number)) return undefined;
  if ((offsets[glyphCount] as number) > glyfEntry.length) return undefined;

  const { reached, wanted } = cmapGlyphs(read(cmapEntry), glyphCount, codePoints);
  const keep = new Set<number>([0, ...wanted]);
  for (let g = 0; g < glyphCount; g++) if (!reached[g]) keep.add(g);
  const gsubEntry = entry('GSUB');
  if (gsubEntry) closeOverGsub(read(gsubEntry), keep);

  const outlines = readOutlines(source, glyfEntry.offset, offsets, keep, glyphCount);

  const glyf = Buffer.alloc([...outlines.values()].reduce((sum, data) => sum + ((data.length + 3) & ~3), 0));
  const newLoca = Buffer.alloc((glyphCount + 1) * 4);
  let at = 0;
  for (let g = 0; g < glyphCount; g++) {
    newLoca.writeUInt32BE(at, g * 4);
    const data = outlines.get(g);
    if (data) {
      data.copy(glyf, at);
      at += (data.length + 3) & ~3;
    }
  }
  newLoca.writeUInt32BE(at, glyphCount * 4);
  head.writeInt16BE(1, 50);

  const out = new Map<string, Uint8Array>();
  for (const table of tables.values()) {
    if (DROPPED.has(table.tag)) continue;
    if (table.tag === 'glyf') out.set('glyf', glyf);
    else if (table.tag === 'loca') out.set('loca', newLoca);
    else if (table.tag === 'head') out.set('head', head);
    else out.set(table.tag, read(table));
  }
  return writeSfnt(out);
}

/** The outlines of the kept glyphs and of their components, read in runs of nearby glyphs. */
function readOutlines(
  source: ByteSource,
  glyf: number,
  offsets: Uint32Array,
  keep: ReadonlySet<number>,
  glyphCount: number,
): Map<number, Buffer> {
  const outlines = new Map<number, Buffer>();
  let todo = [...keep].filter((g) => g < glyphCount);
  while (todo.length) {
    todo.sort((a, b) => a - b);
    const next: number[] = [];
    for (const run of runs(todo, offsets)) {
      const start = offsets[run[0] as number] as number;
      const end = offsets[(run[run.length - 1] as number) + 1] as number;
      const bytes = source.read(glyf + start, end - start);
      for (const g of run) {
        const data = bytes.subarray((offsets[g] as number) - start, (offsets[g + 1] as number) - start);
        if (!data.length) continue;
        outlines.set(g, data);
        for (const component of componentGlyphs(data)) {
          if (component < glyphCount && !outlines.has(component) && !keep.has(component)) next.push(component);
        }
      }
    }
    todo = [...new Set(next)].filter((g) => !outlines.has(g));
  }
  return outlines;
}

/** Sorted glyphs grouped into runs whose outlines lie close together, to be read in one go each. */
function runs(glyphs: readonly number[], offsets: Uint32Array): number[][] {
  const GAP = 16 * 1024;
  const groups: number[][] = [];
  let current: number[] = [];
  for (const g of glyphs) {
    const last = current[current.length - 1];
    if (last !== undefined && (offsets[g] as number) - (offsets[last + 1] as number) > GAP) {
      groups.push(current);
      current = [];
    }
    current.push(g);
  }
  if (current.length) groups.push(current);
  return groups;
}
