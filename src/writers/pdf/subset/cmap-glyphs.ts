/**
 * What a font's `cmap` maps: which glyphs any character reaches, and which glyphs the characters
 * of a document reach. Every subtable is read, not only the one Typst picks first, so that the
 * glyphs kept are a superset of those Typst can look up. Subtables of other formats (2, 8, 10;
 * 14, the variation sequences) reach nothing here: their glyphs count as unreached, and so are kept.
 */

/** Glyphs reached through the `cmap`. */
export interface CmapGlyphs {
  /** 1 for each glyph id that some character maps to. */
  reached: Uint8Array;
  /** The glyphs of the code points asked for. */
  wanted: Set<number>;
}

/** Reads `cmap` for a font of `glyphCount` glyphs; throws on a table that ends early. */
export function cmapGlyphs(cmap: Buffer, glyphCount: number, codePoints: ReadonlySet<number>): CmapGlyphs {
  const reached = new Uint8Array(glyphCount);
  const wanted = new Set<number>();
  const count = cmap.readUInt16BE(2);
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    const record = 4 + i * 8;
    const platform = cmap.readUInt16BE(record);
    const encoding = cmap.readUInt16BE(record + 2);
    const offset = cmap.readUInt32BE(record + 4);
    if (seen.has(offset)) continue;
    seen.add(offset);
    // A symbol font's characters sit at U+F000–F0FF and are also looked up by their low byte.
    const symbol = platform === 3 && encoding === 0;
    const matches = (code: number) => codePoints.has(code) || (symbol && code >= 0xf000 && code <= 0xf0ff && codePoints.has(code - 0xf000));
    eachMapping(cmap, offset, (code, glyph) => {
      if (glyph === 0 || glyph >= glyphCount) return;
      reached[glyph] = 1;
      if (matches(code)) wanted.add(glyph);
    });
  }
  return { reached, wanted };
}

/** Calls `visit` with every (character code, glyph) pair of the subtable at `at`. */
function eachMapping(cmap: Buffer, at: number, visit: (code: number, glyph: number) => void): void {
  const format = cmap.readUInt16BE(at);
  if (format === 0) {
    for (let code = 0; code < 256; code++) visit(code, cmap.readUInt8(at + 6 + code));
  } else if (format === 4) {
    const segments = cmap.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const end = cmap.readUInt16BE(ends + s * 2);
      const start = cmap.readUInt16BE(starts + s * 2);
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const rangeOffsetAt = rangeOffsets + s * 2;
      const rangeOffset = cmap.readUInt16BE(rangeOffsetAt);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        if (rangeOffset === 0) visit(code, (code + delta) & 0xffff);
        else {
          const glyph = cmap.readUInt16BE(rangeOffsetAt + rangeOffset + (code - start) * 2);
          visit(code, glyph === 0 ? 0 : (glyph + delta) & 0xffff);
        }
      }
    }
  } else if (format === 6) {
    const first = cmap.readUInt16BE(at + 6);
    const entries = cmap.readUInt16BE(at + 8);
    for (let i = 0; i < entries; i++) visit(first + i, cmap.readUInt16BE(at + 10 + i * 2));
  } else if (format === 12 || format === 13) {
    const groups = cmap.readUInt32BE(at + 12);
    for (let g = 0; g < groups; g++) {
      const group = at + 16 + g * 12;
      const start = cmap.readUInt32BE(group);
      const end = Math.min(cmap.readUInt32BE(group + 4), 0x10ffff);
      const glyph = cmap.readUInt32BE(group + 8);
      for (let code = start; code <= end; code++) visit(code, format === 12 ? glyph + (code - start) : glyph);
    }
  }
}
