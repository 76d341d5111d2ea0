import type { ByteSource } from './byte-source.js';

/**
 * The table directory of a single TrueType font (one face, outlines in `glyf`), and writing a
 * font back from its tables with the checksums the format asks for.
 */

/** One entry of the table directory. */
export interface TableEntry {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

/**
 * A table to write: its length, what writes its bytes into the font being made, and its checksum
 * when it is known already (a table copied unchanged keeps the one its font's directory gives).
 */
export interface TableData {
  length: number;
  write(out: Buffer, at: number): void;
  checksum?: number;
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
    const checksum = directory.readUInt32BE(at + 4);
    const offset = directory.readUInt32BE(at + 8);
    const length = directory.readUInt32BE(at + 12);
    if (offset + length > source.size) return undefined;
    tables.set(tag, { tag, checksum, offset, length });
  }
  return tables;
}

/** The sum of a table's big-endian 32-bit words, the last one padded with zeros. */
export function tableChecksum(data: Uint8Array): number {
  const words = data.length >>> 2;
  let sum = 0;
  if (data.byteOffset % 4 === 0) {
    // Whole words read at once and their bytes swapped: the first PDF of a process runs this loop
    // before V8 has optimized it, where every operation counts.
    const view = new Uint32Array(data.buffer, data.byteOffset, words);
    if (LITTLE_ENDIAN) {
      for (let i = 0; i < words; i++) {
        const x = view[i] as number;
        sum = (sum + (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24))) >>> 0;
      }
    } else for (let i = 0; i < words; i++) sum = (sum + (view[i] as number)) >>> 0;
  } else {
    for (let i = 0; i < words * 4; i += 4) {
      sum =
        (sum +
          (((data[i] as number) << 24) | ((data[i + 1] as number) << 16) | ((data[i + 2] as number) << 8) | (data[i + 3] as number))) >>>
        0;
    }
  }
  let last = 0;
  for (let i = words * 4; i < words * 4 + 4; i++) last = (last << 8) | (i < data.length ? (data[i] as number) : 0);
  return (sum + last) >>> 0;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * A TrueType font of these tables, made in one buffer (each page of fresh memory costs a fault, so
 * tables are written straight into place): sorted by tag, each 4-byte aligned, with its checksum,
 * and `head`'s checkSumAdjustment set.
 */
export function writeSfnt(tables: ReadonlyMap<string, TableData>): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  let power = 1;
  while (power * 2 <= count) power *= 2;
  const headerLength = 12 + 16 * count;
  let total = headerLength;
  for (const tag of tags) total += ((tables.get(tag) as TableData).length + 3) & ~3;
  const out = Buffer.allocUnsafe(total);
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerLength;
  let headOffset = -1;
  // The tables are padded with zeros to whole words, so the file's sum is that of the header and the tables.
  let fileSum = 0;
  tags.forEach((tag, i) => {
    const table = tables.get(tag) as TableData;
    const padded = (table.length + 3) & ~3;
    table.write(out, offset);
    out.fill(0, offset + table.length, offset + padded);
    let checksum = table.checksum;
    if (tag === 'head') {
      if (table.length < 12) throw new RangeError('head table too short');
      // Zero while the checksums are summed, as the format says.
      out.writeUInt32BE(0, offset + 8);
      headOffset = offset;
      checksum = undefined;
    }
    if (checksum === undefined) checksum = tableChecksum(out.subarray(offset, offset + table.length));
    fileSum = (fileSum + checksum) >>> 0;
    const at = 12 + i * 16;
    out.write(tag, at, 4, 'latin1');
    out.writeUInt32BE(checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.length, at + 12);
    offset += padded;
  });
  fileSum = (fileSum + tableChecksum(out.subarray(0, headerLength))) >>> 0;
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - fileSum) >>> 0, headOffset + 8);
  return out;
}
