const ARGS_ARE_WORDS = 0x0001;
const HAVE_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAVE_X_AND_Y_SCALE = 0x0040;
const HAVE_TWO_BY_TWO = 0x0080;

/** The glyphs a composite TrueType glyph is drawn from (its components); none for a simple glyph. */
export function componentGlyphs(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const components: number[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    components.push(glyph.readUInt16BE(at + 2));
    at += 4;
    at += flags & ARGS_ARE_WORDS ? 4 : 2;
    if (flags & HAVE_SCALE) at += 2;
    else if (flags & HAVE_X_AND_Y_SCALE) at += 4;
    else if (flags & HAVE_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return components;
  }
}
