/**
 * The .docx zip, made with fflate's streaming `Zip` and Node's own zlib for DEFLATE. A batch writes
 * the same styles, footers and settings into every plan: those parts are compressed once
 * ({@link preparePart}) and copied into each zip, and only the document and its properties are
 * compressed per plan (zlib's DEFLATE is several times faster than fflate's own). Every entry is
 * stamped with one date given by the caller, never the clock, so the same plan gives the same bytes.
 */
import { deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';

/** A part compressed once, ready to be copied into any number of zips. */
export interface PreparedPart {
  path: string;
  /** Size before compression, and its CRC-32, as the zip records them. */
  size: number;
  crc: number;
  deflated: Uint8Array;
}

/**
 * A zip entry DEFLATEd by zlib. fflate computes the CRC of what is pushed; this subclass, as
 * fflate's documentation suggests for other compressors, hands on the compressed bytes instead.
 * It takes the whole part in one push.
 */
class ZlibEntry extends ZipPassThrough {
  override compression = 8;
  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk), final);
  }
}

/** An entry whose bytes were compressed earlier: size and CRC are known, the bytes are copied. */
function preparedEntry(part: PreparedPart, mtime: Date): ZipInputFile & { send(): void } {
  const entry = {
    filename: part.path,
    size: part.size,
    crc: part.crc,
    compression: 8,
    mtime,
    ondata: undefined as ZipInputFile['ondata'],
    send() {
      // zlib's bytes live in an ArrayBuffer, never a SharedArrayBuffer; fflate's type asks for the former.
      entry.ondata!(null, part.deflated as Uint8Array<ArrayBuffer>, true);
    },
  };
  return entry;
}

/** What {@link zipPackage} puts in the zip, in order: a prepared part or bytes to compress now. */
export type PackageEntry = PreparedPart | { path: string; data: Uint8Array };

/** Compresses a part once, for many zips. */
export function preparePart(path: string, data: Uint8Array): PreparedPart {
  const entry = new ZlibEntry(path);
  let deflated: Uint8Array | undefined;
  // fflate computes the CRC as the part is pushed, exactly as it will for the zips it goes into.
  entry.ondata = (error, chunk) => {
    if (error) throw error;
    deflated = chunk;
  };
  entry.push(data, true);
  return { path, size: entry.size, crc: entry.crc, deflated: deflated! };
}

/**
 * The date as the zip records it. fflate writes an entry's time from a Date's local fields, and a
 * zip holds local time without a zone, so the entries carry `day` (a UTC midnight) as local
 * midnight of that same calendar day: the bytes do not depend on the machine's time zone. fflate
 * takes years 1980 to 2099.
 */
export function zipTime(day: Date): Date {
  const year = Math.min(Math.max(day.getUTCFullYear(), 1980), 2099);
  return new Date(year, day.getUTCMonth(), day.getUTCDate());
}

/** The zip of these entries, in this order, each dated `day` (see {@link zipTime}). */
export function zipPackage(entries: readonly PackageEntry[], day: Date): Uint8Array {
  const mtime = zipTime(day);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const part of entries) {
    if ('deflated' in part) {
      const entry = preparedEntry(part, mtime);
      zip.add(entry);
      entry.send();
    } else {
      const entry = new ZlibEntry(part.path);
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(part.data, true);
    }
  }
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
