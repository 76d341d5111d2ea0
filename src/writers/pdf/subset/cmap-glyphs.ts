/**
 * What a font's `cmap` maps: which glyphs any character reaches, and which glyphs the characters
 * of a document reach. Every subtable is read, not only the one Typst picks first, so that the
 * glyphs kept are a superset of those Typst can look up. A variation sequence (format 14) reaches
 * its glyph when the document has both the character and the selector. Subtables of other formats
 * (2, 8, 10) reach nothing here: their glyphs count as unreached, and so are kept.
 *
 * A Chinese face maps some 30,000 characters: runs of them are marked with `fill`, and only the
 * document's characters are looked up one by one, so that the first PDF of a process (whose code
 * V8 has not yet optimized) does not pay for a loop over every character.
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
    if (cmap.readUInt16BE(offset) === 14) {
      variationGlyphs(cmap, offset, codePoints, wanted);
      continue;
    }
    const subtable = readSubtable(cmap, offset);
    if (!subtable) continue;
    subtable.markAll(reached);
    // A symbol font's characters sit at U+F000–F0FF and are also looked up by their low byte.
    const symbol = platform === 3 && encoding === 0;
    for (const code of codePoints) {
      const glyph = subtable.lookup(code) || (symbol && code <= 0xff ? subtable.lookup(0xf000 + code) : 0);
      if (glyph > 0 && glyph < glyphCount) wanted.add(glyph);
    }
  }
  return { reached, wanted };
}

interface Subtable {
  /** Sets to 1 the entries of `reached` for the glyphs that characters map to. */
  markAll(reached: Uint8Array): void;
  /** The glyph of a character, 0 when it has none. */
  lookup(code: number): number;
}

/**
 * The glyphs of the document's variation sequences (a character followed by a selector such as
 * U+FE00 or U+E0100) that differ from the character's own glyph.
 */
function variationGlyphs(cmap: Buffer, at: number, codePoints: ReadonlySet<number>, wanted: Set<number>): void {
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
      if (codePoints.has(cmap.readUIntBE(mapping, 3))) wanted.add(cmap.readUInt16BE(mapping + 3));
    }
  }
}

function markOne(reached: Uint8Array, glyph: number): void {
  if (glyph < reached.length) reached[glyph] = 1;
}

function markRun(reached: Uint8Array, first: number, last: number): void {
  if (first < reached.length && last >= first) reached.fill(1, first, Math.min(last, reached.length - 1) + 1);
}

function readSubtable(cmap: Buffer, at: number): Subtable | undefined {
  const format = cmap.readUInt16BE(at);
  if (format === 0) return format0(cmap, at);
  if (format === 4) return format4(cmap, at);
  if (format === 6) return format6(cmap, at);
  if (format === 12 || format === 13) return format12(cmap, at, format === 13);
  return undefined;
}

function format0(cmap: Buffer, at: number): Subtable {
  const glyphs = cmap.subarray(at + 6, at + 6 + 256);
  if (glyphs.length < 256) throw new RangeError('cmap format 0 cut short');
  return {
    markAll(reached) {
      for (const glyph of glyphs) markOne(reached, glyph);
    },
    lookup: (code) => (code < 256 ? (glyphs[code] as number) : 0),
  };
}

function format6(cmap: Buffer, at: number): Subtable {
  const first = cmap.readUInt16BE(at + 6);
  const entries = cmap.readUInt16BE(at + 8);
  const glyph = (i: number) => cmap.readUInt16BE(at + 10 + i * 2);
  return {
    markAll(reached) {
      for (let i = 0; i < entries; i++) markOne(reached, glyph(i));
    },
    lookup: (code) => (code >= first && code < first + entries ? glyph(code - first) : 0),
  };
}

function format4(cmap: Buffer, at: number): Subtable {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  // Throws now, not halfway, when the segment arrays are cut short.
  cmap.readUInt16BE(rangeOffsets + segments * 2 - 2);
  const end = (s: number) => cmap.readUInt16BE(ends + s * 2);
  const start = (s: number) => cmap.readUInt16BE(starts + s * 2);
  const delta = (s: number) => cmap.readUInt16BE(deltas + s * 2);
  const rangeOffset = (s: number) => cmap.readUInt16BE(rangeOffsets + s * 2);
  const glyphIn = (s: number, code: number) => {
    const ro = rangeOffset(s);
    if (ro === 0) return (code + delta(s)) & 0xffff;
    const glyph = cmap.readUInt16BE(rangeOffsets + s * 2 + ro + (code - start(s)) * 2);
    return glyph === 0 ? 0 : (glyph + delta(s)) & 0xffff;
  };
  return {
    markAll(reached) {
      for (let s = 0; s < segments; s++) {
        const first = start(s);
        const last = Math.min(end(s), 0xfffe);
        if (last < first) continue;
        const low = (first + delta(s)) & 0xffff;
        // A run of consecutive glyphs, unless it comes from the glyph array or wraps past 0xFFFF.
        const ro = rangeOffset(s);
        if (ro === 0 && low + (last - first) <= 0xffff) markRun(reached, low, low + (last - first));
        else if (ro === 0) for (let code = first; code <= last; code++) markOne(reached, (code + delta(s)) & 0xffff);
        else {
          // The glyph array read straight from the bytes: a face may map thousands of characters through it.
          const d = delta(s);
          const base = rangeOffsets + s * 2 + ro;
          if (base + (last - first) * 2 + 2 > cmap.length) throw new RangeError('cmap glyph array cut short');
          for (let p = base, end = base + (last - first) * 2; p <= end; p += 2) {
            const glyph = ((cmap[p] as number) << 8) | (cmap[p + 1] as number);
            if (glyph) markOne(reached, (glyph + d) & 0xffff);
          }
        }
      }
    },
    lookup(code) {
      if (code > 0xfffe) return 0;
      let lo = 0;
      let hi = segments - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (end(mid) < code) lo = mid + 1;
        else hi = mid;
      }
      return segments && code >= start(lo) && code <= end(lo) ? glyphIn(lo, code) : 0;
    },
  };
}

function format12(cmap: Buffer, at: number, sameGlyph: boolean): Subtable {
  const groups = cmap.readUInt32BE(at + 12);
  if (at + 16 + groups * 12 > cmap.length) throw new RangeError('cmap groups cut short');
  const group = (g: number) => at + 16 + g * 12;
  const startCode = (g: number) => cmap.readUInt32BE(group(g));
  const endCode = (g: number) => Math.min(cmap.readUInt32BE(group(g) + 4), 0x10ffff);
  const startGlyph = (g: number) => cmap.readUInt32BE(group(g) + 8);
  return {
    markAll(reached) {
      for (let g = 0; g < groups; g++) {
        if (endCode(g) < startCode(g)) continue;
        const first = startGlyph(g);
        markRun(reached, first, sameGlyph ? first : first + (endCode(g) - startCode(g)));
      }
    },
    lookup(code) {
      let lo = 0;
      let hi = groups - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (endCode(mid) < code) lo = mid + 1;
        else hi = mid;
      }
      if (!groups || code < startCode(lo) || code > endCode(lo)) return 0;
      return sameGlyph ? startGlyph(lo) : startGlyph(lo) + (code - startCode(lo));
    },
  };
}
