/**
 * The .docx zip, DEFLATEd with Node's own zlib. A batch writes the same styles, footers and
 * settings into every plan: those parts are compressed once ({@link preparePart}) and copied into
 * each zip, and only the document and its properties are compressed per plan. Every entry is
 * stamped with one date given by the caller, never the clock, so the same plan gives the same bytes.
 *
 * The zip itself is written here, byte for byte as fflate's streaming `Zip` wrote it before (local
 * headers, data descriptors, central directory): importing fflate builds its DEFLATE tables and
 * loads worker_threads, some 12 ms of every single DOCX, for a container of forty lines.
 */
import zlib from 'node:zlib';

/** A part compressed once, ready to be copied into any number of zips. */
export interface PreparedPart {
  path: string;
  /** Size before compression, and its CRC-32, as the zip records them. */
  size: number;
  crc: number;
  deflated: Uint8Array;
}

/** What {@link zipPackage} puts in the zip, in order: a prepared part or bytes to compress now. */
export type PackageEntry = PreparedPart | { path: string; data: Uint8Array };

let crcTable: Int32Array | undefined;

/** CRC-32 of the bytes: zlib's (Node 20.15 and later), or computed here on older versions of Node 20. */
export function crc32(data: Uint8Array, withZlib = typeof zlib.crc32 === 'function'): number {
  if (withZlib) return zlib.crc32(data) >>> 0;
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = (crcTable[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** Compresses a part once, for many zips. */
export function preparePart(path: string, data: Uint8Array): PreparedPart {
  return { path, size: data.length, crc: crc32(data), deflated: zlib.deflateRawSync(data) };
}

/**
 * The date as a zip records it (MS-DOS date, local time without a zone): `day`'s calendar date
 * in UTC, at midnight, so the bytes do not depend on the machine's time zone. Zips take years
 * 1980 to 2107; as before, 1980 to 2099 are kept.
 */
export function dosDate(day: Date): number {
  const year = Math.min(Math.max(day.getUTCFullYear(), 1980), 2099);
  return ((year - 1980) << 9) | ((day.getUTCMonth() + 1) << 5) | day.getUTCDate();
}

/**
 * The fields a local header and the central directory share, from `at`: version needed (2.0),
 * flags (bit 3: sizes in the data descriptor), method (DEFLATE), time (midnight) and date.
 */
function writeMethodAndDate(zip: Buffer, at: number, date: number): void {
  zip.writeUInt16LE(20, at);
  zip.writeUInt16LE(8, at + 2);
  zip.writeUInt16LE(8, at + 4);
  zip.writeUInt16LE(0, at + 6);
  zip.writeUInt16LE(date, at + 8);
}

/** CRC-32, compressed and uncompressed size, from `at` (data descriptor and central directory). */
function writeSizes(zip: Buffer, at: number, part: PreparedPart): void {
  zip.writeUInt32LE(part.crc, at);
  zip.writeUInt32LE(part.deflated.length, at + 4);
  zip.writeUInt32LE(part.size, at + 8);
}

/** The zip of these entries, in this order, each dated `day` (see {@link dosDate}). */
export function zipPackage(entries: readonly PackageEntry[], day: Date): Uint8Array {
  const date = dosDate(day);
  const parts = entries.map((entry) => ('deflated' in entry ? entry : preparePart(entry.path, entry.data)));
  const names = parts.map((part) => Buffer.from(part.path, 'utf8'));
  let length = 22;
  parts.forEach((part, i) => {
    const name = (names[i] as Buffer).length;
    length += 30 + name + part.deflated.length + 16 + 46 + name;
  });
  const zip = Buffer.alloc(length);
  const offsets: number[] = [];
  let at = 0;
  // Each entry: local header (sizes left to the data descriptor, flag 8), the data, the descriptor.
  parts.forEach((part, i) => {
    const name = names[i] as Buffer;
    offsets.push(at);
    zip.writeUInt32LE(0x04034b50, at);
    writeMethodAndDate(zip, at + 4, date);
    zip.writeUInt16LE(name.length, at + 26);
    name.copy(zip, at + 30);
    at += 30 + name.length;
    zip.set(part.deflated, at);
    at += part.deflated.length;
    zip.writeUInt32LE(0x08074b50, at);
    writeSizes(zip, at + 4, part);
    at += 16;
  });
  const directory = at;
  parts.forEach((part, i) => {
    const name = names[i] as Buffer;
    zip.writeUInt32LE(0x02014b50, at);
    zip.writeUInt16LE(20, at + 4);
    writeMethodAndDate(zip, at + 6, date);
    writeSizes(zip, at + 16, part);
    zip.writeUInt16LE(name.length, at + 28);
    zip.writeUInt32LE(offsets[i] as number, at + 42);
    name.copy(zip, at + 46);
    at += 46 + name.length;
  });
  zip.writeUInt32LE(0x06054b50, at);
  zip.writeUInt16LE(parts.length, at + 8);
  zip.writeUInt16LE(parts.length, at + 10);
  zip.writeUInt32LE(at - directory, at + 12);
  zip.writeUInt32LE(directory, at + 16);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.length);
}
