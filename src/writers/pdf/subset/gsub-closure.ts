/**
 * The glyphs that `GSUB` can put in place of glyphs already kept: ligatures (fi, ﬀ), vertical and
 * localized forms, alternates. Every substitution lookup is followed, whatever feature or context
 * calls it (contextual lookups substitute only through the lookups they name, which are in the
 * list too), until no more glyphs come in: more than Typst will use, never less.
 */

/** Adds to `keep` every glyph the lookups of `gsub` can substitute for glyphs in it. */
export function closeOverGsub(gsub: Buffer, keep: Set<number>): void {
  const lookupList = gsub.readUInt16BE(8);
  const count = gsub.readUInt16BE(lookupList);
  const subtables: { type: number; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const lookup = lookupList + gsub.readUInt16BE(lookupList + 2 + i * 2);
    const type = gsub.readUInt16BE(lookup);
    const subCount = gsub.readUInt16BE(lookup + 4);
    for (let s = 0; s < subCount; s++) {
      let at = lookup + gsub.readUInt16BE(lookup + 6 + s * 2);
      if (type === EXTENSION) {
        const realType = gsub.readUInt16BE(at + 2);
        at += gsub.readUInt32BE(at + 4);
        subtables.push({ type: realType, at });
      } else subtables.push({ type, at });
    }
  }
  let size = -1;
  while (size !== keep.size) {
    size = keep.size;
    for (const { type, at } of subtables) substitutes(gsub, type, at, keep);
  }
}

const SINGLE = 1;
const MULTIPLE = 2;
const ALTERNATE = 3;
const LIGATURE = 4;
const EXTENSION = 7;
const REVERSE_CHAINING = 8;

/** Adds what one subtable substitutes for glyphs in `keep`. */
function substitutes(gsub: Buffer, type: number, at: number, keep: Set<number>): void {
  const format = gsub.readUInt16BE(at);
  const coverage = at + gsub.readUInt16BE(at + 2);
  if (type === SINGLE) {
    if (format === 1) {
      const delta = gsub.readUInt16BE(at + 4);
      eachCovered(gsub, coverage, (glyph) => {
        if (keep.has(glyph)) keep.add((glyph + delta) & 0xffff);
      });
    } else if (format === 2) {
      eachCovered(gsub, coverage, (glyph, index) => {
        if (keep.has(glyph)) keep.add(gsub.readUInt16BE(at + 6 + index * 2));
      });
    }
  } else if (type === MULTIPLE || type === ALTERNATE) {
    // A sequence (multiple) and an alternate set have the same shape: a count, then glyphs.
    eachCovered(gsub, coverage, (glyph, index) => {
      if (!keep.has(glyph)) return;
      const set = at + gsub.readUInt16BE(at + 6 + index * 2);
      const n = gsub.readUInt16BE(set);
      for (let i = 0; i < n; i++) keep.add(gsub.readUInt16BE(set + 2 + i * 2));
    });
  } else if (type === LIGATURE) {
    eachCovered(gsub, coverage, (glyph, index) => {
      if (!keep.has(glyph)) return;
      const set = at + gsub.readUInt16BE(at + 6 + index * 2);
      const n = gsub.readUInt16BE(set);
      for (let i = 0; i < n; i++) {
        const ligature = set + gsub.readUInt16BE(set + 2 + i * 2);
        const components = gsub.readUInt16BE(ligature + 2);
        let all = true;
        for (let c = 1; c < components && all; c++) all = keep.has(gsub.readUInt16BE(ligature + 2 + c * 2));
        if (all) keep.add(gsub.readUInt16BE(ligature));
      }
    });
  } else if (type === REVERSE_CHAINING) {
    const backtrack = gsub.readUInt16BE(at + 4);
    const lookaheadAt = at + 6 + backtrack * 2;
    const lookahead = gsub.readUInt16BE(lookaheadAt);
    const substitutesAt = lookaheadAt + 2 + lookahead * 2 + 2;
    eachCovered(gsub, coverage, (glyph, index) => {
      if (keep.has(glyph)) keep.add(gsub.readUInt16BE(substitutesAt + index * 2));
    });
  }
}

/** Calls `visit` with each glyph of a coverage table and its coverage index. */
function eachCovered(gsub: Buffer, at: number, visit: (glyph: number, index: number) => void): void {
  const format = gsub.readUInt16BE(at);
  const count = gsub.readUInt16BE(at + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) visit(gsub.readUInt16BE(at + 4 + i * 2), i);
  } else if (format === 2) {
    for (let r = 0; r < count; r++) {
      const range = at + 4 + r * 6;
      const start = gsub.readUInt16BE(range);
      const end = gsub.readUInt16BE(range + 2);
      const first = gsub.readUInt16BE(range + 4);
      for (let glyph = start; glyph <= end; glyph++) visit(glyph, first + glyph - start);
    }
  }
}
