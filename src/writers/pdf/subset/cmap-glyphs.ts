/**
 * What a font's `cmap` maps: which glyphs any character reaches, and which glyphs the characters
 * of a document reach. Every subtable is read, not only the one Typst picks first, so that the
 * glyphs kept are a superset of those Typst can look up. A variation sequence (format 14) reaches
 * its glyph when the document has both the character and the selector. Subtables of other formats
 * (2, 8, 10) reach nothing here: their glyphs count as unreached, and so are kept.
 *
 * A Chinese face maps some 30,000 characters. The first PDF of a process runs this before V8 has
 * optimized it, where each call costs: runs of glyphs are marked with `fill`, the document's
 * characters (sorted) are matched against the sorted segments in one walk, and bytes are read
 * straight from the table.
 */

/** Glyphs reached through the `cmap`. */
export interface CmapGlyphs {
  /** 1 for each glyph id that some character maps to. */
  reached: Uint8Array;
  /** The glyphs of the code points asked for. */
  wanted: Set<number>;
  /** The code points asked for that the face has a glyph for. */
  covered: Set<number>;
}

/** Reads `cmap` for a font of `glyphCount` glyphs; throws on a table that ends early. */
export function cmapGlyphs(cmap: Buffer, glyphCount: number, codePoints: ReadonlySet<number>): CmapGlyphs {
  const reached = new Uint8Array(glyphCount);
  const wanted = new Set<number>();
  const covered = new Set<number>();
  const sorted = Int32Array.from(codePoints).sort();
  const count = cmap.readUInt16BE(2);
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    const record = 4 + i * 8;
    const platform = cmap.readUInt16BE(record);
    const encoding = cmap.readUInt16BE(record + 2);
    const offset = cmap.readUInt32BE(record + 4);
    if (seen.has(offset)) continue;
    seen.add(offset);
    const format = cmap.readUInt16BE(offset);
    // A symbol font's characters sit at U+F000–F0FF and are also looked up by their low byte.
    const symbol = platform === 3 && encoding === 0;
    const want = (glyph: number, code?: number) => {
      if (glyph <= 0 || glyph >= glyphCount) return;
      wanted.add(glyph);
      if (code !== undefined) covered.add(symbol && code >= 0xf000 && code <= 0xf0ff && !codePoints.has(code) ? code - 0xf000 : code);
    };
    const codes = symbol ? Int32Array.from([...sorted, ...sorted.filter((c) => c <= 0xff).map((c) => 0xf000 + c)]).sort() : sorted;
    if (format === 14) variationGlyphs(cmap, offset, codePoints, want);
    else if (format === 4) format4(cmap, offset, reached, codes, want);
    else if (format === 12 || format === 13) format12(cmap, offset, reached, codes, want, format === 13);
    else if (format === 0 || format === 6) {
      const first = format === 0 ? 0 : cmap.readUInt16BE(offset + 6);
      const entries = format === 0 ? 256 : cmap.readUInt16BE(offset + 8);
      const glyph = (k: number) => (format === 0 ? cmap.readUInt8(offset + 6 + k) : cmap.readUInt16BE(offset + 10 + k * 2));
      const asked = new Set(codes);
      for (let k = 0; k < entries; k++) {
        mark(reached, glyph(k), glyph(k));
        if (asked.has(first + k)) want(glyph(k), first + k);
      }
    }
  }
  return { reached, wanted, covered };
}

/** Marks glyphs first … last (clipped to the font) as reached. */
function mark(reached: Uint8Array, first: number, last: number): void {
  if (first < reached.length && last >= first) reached.fill(1, first, Math.min(last, reached.length - 1) + 1);
}

/** Segment mapping to delta values (the BMP subtable of nearly every font). */
function format4(cmap: Buffer, at: number, reached: Uint8Array, sorted: Int32Array, want: (glyph: number, code: number) => void): void {
  const segments = cmap.readUInt16BE(at + 6) >>> 1;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  if (rangeOffsets + segments * 2 > cmap.length) throw new RangeError('cmap format 4 cut short');
  const u16 = (p: number) => ((cmap[p] as number) << 8) | (cmap[p + 1] as number);
  let c = 0;
  for (let s = 0; s < segments; s++) {
    const end = Math.min(u16(ends + s * 2), 0xfffe);
    const start = u16(starts + s * 2);
    const delta = u16(deltas + s * 2);
    const rangeOffset = u16(rangeOffsets + s * 2);
    if (end < start) continue;
    // The glyph of a character of this segment, read from the glyph array when it has one.
    const array = rangeOffsets + s * 2 + rangeOffset;
    if (rangeOffset !== 0 && array + (end - start) * 2 + 2 > cmap.length) throw new RangeError('cmap glyph array cut short');
    const glyphOf = (code: number) => {
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = u16(array + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    };
    const low = (start + delta) & 0xffff;
    if (rangeOffset === 0 && low + (end - start) <= 0xffff) mark(reached, low, low + (end - start));
    else for (let code = start; code <= end; code++) mark(reached, glyphOf(code), glyphOf(code));
    while (c < sorted.length && (sorted[c] as number) < start) c++;
    for (let k = c; k < sorted.length && (sorted[k] as number) <= end; k++) want(glyphOf(sorted[k] as number), sorted[k] as number);
  }
}

/** Groups of characters mapped to runs of glyphs (12) or to one glyph each (13). */
function format12(
  cmap: Buffer,
  at: number,
  reached: Uint8Array,
  sorted: Int32Array,
  want: (glyph: number, code: number) => void,
  sameGlyph: boolean,
): void {
  const groups = cmap.readUInt32BE(at + 12);
  if (at + 16 + groups * 12 > cmap.length) throw new RangeError('cmap groups cut short');
  const u32 = (p: number) =>
    (((cmap[p] as number) << 24) | ((cmap[p + 1] as number) << 16) | ((cmap[p + 2] as number) << 8) | (cmap[p + 3] as number)) >>> 0;
  let c = 0;
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12;
    const start = u32(group);
    const end = Math.min(u32(group + 4), 0x10ffff);
    const glyph = u32(group + 8);
    if (end < start) continue;
    mark(reached, glyph, sameGlyph ? glyph : glyph + (end - start));
    while (c < sorted.length && (sorted[c] as number) < start) c++;
    for (let k = c; k < sorted.length && (sorted[k] as number) <= end; k++)
      want(sameGlyph ? glyph : glyph + ((sorted[k] as number) - start), sorted[k] as number);
  }
}

/**
 * The glyphs of the document's variation sequences (a character followed by a selector such as
 * U+FE00 or U+E0100) that differ from the character's own glyph.
 */
function variationGlyphs(cmap: Buffer, at: number, codePoints: ReadonlySet<number>, want: (glyph: number) => void): void {
  const records = cmap.readUInt32BE(at + 6);
  for (let r = 0; r < records; r++) {
    const record = at + 10 + r * 11;
    const selector = cmap.readUIntBE(record, 3);
    const nonDefault = cmap.readUInt32BE(record + 7);
    if (!nonDefault || !codePoints.has(selector)) continue;
    const table = at + nonDefault;
    const mappings = cmap.readUInt32BE(table);
    for (let m = 0; m < mappings; m++) {
      const mapping = table + 4 + m * 5;
      if (codePoints.has(cmap.readUIntBE(mapping, 3))) want(cmap.readUInt16BE(mapping + 3));
    }
  }
}
