/**
 * The zip an .xlsx is: its table of contents (central directory, Zip64 included) read from the
 * bytes, and one entry inflated at a time, piece by piece, against an allowance of bytes shared
 * by the whole workbook, so that no entry is inflated past it whatever the directory claims.
 */
import { createInflateRaw } from 'node:zlib';

/** One file of the zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressed: number;
  /** The inflated size the directory claims: checked in sum before reading, never trusted. */
  size: number;
  offset: number;
}

/** A zip that cannot be read as one: damaged, encrypted, or compressed in a way Excel does not use. */
export class ZipFault extends Error {}

/** More inflated bytes than the workbook's allowance. */
export class AllowanceExceeded extends Error {}

/** Bytes the workbook may still inflate to, shared by all its entries. */
export interface Allowance {
  left: number;
}

/** Inflated pieces of this size at most are held at a time. */
const PIECE = 64 * 1024;

function readUint64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

/**
 * The zip's table of contents; `undefined` when the bytes are not a zip whose directory can
 * be read, `'too-many'` when it lists more than `maxEntries` files (read no further).
 */
export function zipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] | 'too-many' | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = view.getUint16(end + 10, true);
  let start = view.getUint32(end + 16, true);
  if ((count === 0xffff || start === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const zip64 = readUint64(view, end - 12);
    if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== 0x06064b50) return undefined;
    count = readUint64(view, zip64 + 32);
    start = readUint64(view, zip64 + 48);
  }
  if (count > maxEntries) return 'too-many';
  const list: ZipEntry[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      // Some Windows tools write `xl\worksheets\sheet1.xml`.
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength))
        .toString('utf8')
        .replace(/\\/g, '/'),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    // Zip64: the fields that overflowed are in an extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd && extraEnd <= bytes.length) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        for (const key of ['size', 'compressed', 'offset'] as const) {
          if (entry[key] === 0xffffffff && field + 8 <= extra + 4 + length) {
            entry[key] = readUint64(view, field);
            field += 8;
          }
        }
      }
      extra += 4 + length;
    }
    list.push(entry);
    at = extraEnd + commentLength;
  }
  return list;
}

/** An entry's bytes as stored, found from its local header. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50)
    throw new ZipFault(`找不到 ${entry.name} 的数据`);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  return bytes.subarray(start, Math.min(bytes.length, start + entry.compressed));
}

/**
 * Inflates one entry, handing `sink` pieces of at most 64 KB as they come, and stops as soon
 * as the workbook's `allowance` is spent (AllowanceExceeded): a zip bomb is never inflated
 * past the limit, whatever sizes its directory claims.
 */
export async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, allowance: Allowance, sink: (piece: Buffer) => void): Promise<void> {
  if (entry.flags & 0x1) throw new ZipFault(`${entry.name} 已加密`);
  const stored = storedBytes(bytes, entry);
  const take = (piece: Buffer): void => {
    allowance.left -= piece.length;
    if (allowance.left < 0) throw new AllowanceExceeded();
    sink(piece);
  };
  if (entry.method === 0) {
    for (let at = 0; at < stored.length; at += PIECE)
      take(Buffer.from(stored.buffer, stored.byteOffset + at, Math.min(PIECE, stored.length - at)));
    return;
  }
  if (entry.method !== 8) throw new ZipFault(`${entry.name} 使用了不支持的压缩方式（${entry.method}）`);
  const inflater = createInflateRaw({ chunkSize: PIECE });
  inflater.end(stored);
  try {
    for await (const piece of inflater) take(piece as Buffer);
  } catch (error) {
    if (error instanceof AllowanceExceeded || !(error as NodeJS.ErrnoException).code?.startsWith('Z_')) throw error;
    throw new ZipFault(`${entry.name} 的压缩数据已损坏`);
  } finally {
    inflater.destroy();
  }
}
