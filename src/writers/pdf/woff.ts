import { inflateSync } from 'node:zlib';

/**
 * A WOFF 1.0 font unpacked to the TrueType/OpenType file it wraps, for Typst, which reads only the
 * latter (the bundled LXGW WenKai face ships as a WOFF, as its npm package has it). WOFF keeps each table zlib-compressed (or as it is, when that is no smaller) behind a
 * directory of its own: the tables are inflated and laid out again behind an sfnt header.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const data = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (data.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = data.readUInt32BE(4);
  const count = data.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = data.readUInt32BE(at + 4);
    const compressed = data.readUInt32BE(at + 8);
    const length = data.readUInt32BE(at + 12);
    const raw = data.subarray(offset, offset + compressed);
    // Inflated in one piece of the known size: in the default 16 KB chunks, unpacking the bundled
    // faces took twice the time.
    const body = compressed < length ? inflateSync(raw, { chunkSize: Math.max(length, 64), maxOutputLength: Math.max(length, 1) }) : raw;
    if (body.length !== length) throw new Error('damaged WOFF table');
    return { tag: data.subarray(at, at + 4), checksum: data.readUInt32BE(at + 16), body };
  });
  let power = 1;
  while (power * 2 <= count) power *= 2;
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = header.length;
  const parts: Buffer[] = [header];
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    table.tag.copy(header, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.body.length, at + 12);
    const padded = (table.body.length + 3) & ~3;
    parts.push(table.body, Buffer.alloc(padded - table.body.length));
    offset += padded;
  });
  return Buffer.concat(parts);
}

/**
 * The size of the file {@link woffToSfnt} makes of a WOFF, from its directory alone: a copy
 * unpacked earlier is known complete when its size is this.
 */
export function sfntSizeOfWoff(woff: Uint8Array): number {
  const data = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (data.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const count = data.readUInt16BE(12);
  let size = 12 + 16 * count;
  for (let i = 0; i < count; i++) size += (data.readUInt32BE(44 + i * 20 + 12) + 3) & ~3;
  return size;
}
