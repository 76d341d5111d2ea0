/**
 * A small TrueType reader for the subset tests, written apart from `src/writers/pdf/subset/` so
 * that the tests do not check the subsetter with its own code: the table directory, checksums,
 * the glyph count, a format 12 `cmap` lookup and the outlines `loca` points at.
 */

export interface Table {
  tag: string;
  checksum: number;
  data: Buffer;
}

export interface Font {
  bytes: Buffer;
  tables: Map<string, Table>;
  glyphCount: number;
  /** The outline bytes of a glyph (empty for an empty glyph). */
  glyph(id: number): Buffer;
  /** The glyph of a character through the (3,10) format 12 subtable, 0 when it has none. */
  glyphOf(char: string): number;
}

/** Sum of big-endian words, the last padded with zeros. */
export function sum32(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word = Buffer.alloc(4);
    data.copy(word, 0, i, Math.min(i + 4, data.length));
    sum = (sum + word.readUInt32BE(0)) % 0x100000000;
  }
  return sum;
}

export function readFont(bytes: Buffer): Font {
  const count = bytes.readUInt16BE(4);
  const tables = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = bytes.toString('latin1', at, at + 4);
    const offset = bytes.readUInt32BE(at + 8);
    const length = bytes.readUInt32BE(at + 12);
    tables.set(tag, { tag, checksum: bytes.readUInt32BE(at + 4), data: bytes.subarray(offset, offset + length) });
  }
  const table = (tag: string) => {
    const found = tables.get(tag);
    if (!found) throw new Error(`no ${tag} table`);
    return found.data;
  };
  const glyphCount = table('maxp').readUInt16BE(4);
  const long = table('head').readInt16BE(50) === 1;
  const loca = table('loca');
  const offset = (g: number) => (long ? loca.readUInt32BE(g * 4) : loca.readUInt16BE(g * 2) * 2);
  const cmap = table('cmap');
  let groups = -1;
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const record = 4 + i * 8;
    if (cmap.readUInt16BE(record) === 3 && cmap.readUInt16BE(record + 2) === 10) groups = cmap.readUInt32BE(record + 4);
  }
  if (groups < 0 || cmap.readUInt16BE(groups) !== 12) throw new Error('no format 12 cmap');
  return {
    bytes,
    tables,
    glyphCount,
    glyph: (g) => table('glyf').subarray(offset(g), offset(g + 1)),
    glyphOf(char) {
      const code = char.codePointAt(0) as number;
      for (let i = 0; i < cmap.readUInt32BE(groups + 12); i++) {
        const at = groups + 16 + i * 12;
        const start = cmap.readUInt32BE(at);
        if (code >= start && code <= cmap.readUInt32BE(at + 4)) return cmap.readUInt32BE(at + 8) + code - start;
      }
      return 0;
    },
  };
}

/** The glyphs a composite glyph is made of (flags as in the TrueType `glyf` table). */
export function components(glyph: Buffer): number[] {
  if (glyph.length === 0 || glyph.readInt16BE(0) >= 0) return [];
  const found: number[] = [];
  let at = 10;
  let flags: number;
  do {
    flags = glyph.readUInt16BE(at);
    found.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
  } while (flags & 0x20);
  return found;
}
