/**
 * The .docx zip, made with fflate's streaming `Zip` and Node's own zlib for DEFLATE. A batch writes
 * the same styles, footers and settings into every plan: those parts are compressed once
 * ({@link preparePart}) and copied into each zip, and only the document and its properties are
 * compressed per plan. fflate's own DEFLATE, which `docx` zips with, took most of a plan's time.
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
function preparedEntry(part: PreparedPart): ZipInputFile & { send(): void } {
  const entry = {
    filename: part.path,
    size: part.size,
    crc: part.crc,
    compression: 8,
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

/** The zip of these entries, in this order. */
export function zipPackage(entries: readonly PackageEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const part of entries) {
    if ('deflated' in part) {
      const entry = preparedEntry(part);
      zip.add(entry);
      entry.send();
    } else {
      const entry = new ZlibEntry(part.path);
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
