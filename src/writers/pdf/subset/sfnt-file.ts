import type { ByteSource } from './byte-source.js';

/**
 * The table directory of a single TrueType font (one face, outlines in `glyf`), and writing a
 * font back from its tables with the checksums the format asks for.
 */

/** One entry of the table directory. */
export interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}

/** The tables of a TrueType font, by tag; undefined for anything else (OpenType/CFF, a collection, WOFF, a damaged file). */
export function readTableDirectory(source: ByteSource): Map<string, TableEntry> | undefined {
  if (source.size < 12) return undefined;
  const header = source.read(0, 12);
  const version = header.readUInt32BE(0);
  // 0x00010000, or 'true' (old Apple TrueType); 'OTTO' (CFF), 'ttcf' and 'wOFF' are not for us.
  if (version !== 0x00010000 && version !== 0x74727565) return undefined;
  const count = header.readUInt16BE(4);
  if (count === 0 || 12 + count * 16 > source.size) return undefined;
  const directory = source.read(12, count * 16);
  const tables = new Map<string, TableEntry>();
  for (let at = 0; at < directory.length; at += 16) {
    const tag = directory.toString('latin1', at, at + 4);
    const offset = directory.readUInt32BE(at + 8);
    const length = directory.readUInt32BE(at + 12);
    if (offset + length > source.size) return undefined;
    tables.set(tag, { tag, offset, length });
  }
  return tables;
}

/** The sum of a table's big-endian 32-bit words, the last one padded with zeros. */
export function tableChecksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length & ~3;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? (data[i] as number) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * A TrueType font of these tables, sorted by tag, each 4-byte aligned, with its checksum, and
 * `head`'s checkSumAdjustment set (the `head` given must be a copy: it is written to).
 */
export function writeSfnt(tables: ReadonlyMap<string, Uint8Array>): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  let power = 1;
  while (power * 2 <= count) power *= 2;
  const headerLength = 12 + 16 * count;
  let total = headerLength;
  for (const tag of tags) total += ((tables.get(tag) as Uint8Array).length + 3) & ~3;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerLength;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag) as Uint8Array;
    if (tag === 'head') {
      if (data.length < 12) throw new RangeError('head table too short');
      // Zero while the checksums are summed, as the format says.
      Buffer.from(data.buffer, data.byteOffset, data.byteLength).writeUInt32BE(0, 8);
      headOffset = offset;
    }
    const at = 12 + i * 16;
    out.write(tag, at, 4, 'latin1');
    out.writeUInt32BE(tableChecksum(data), at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(data.length, at + 12);
    out.set(data, offset);
    offset += (data.length + 3) & ~3;
  });
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - tableChecksum(out)) >>> 0, headOffset + 8);
  return out;
}
