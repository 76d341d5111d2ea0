import { deflateSync, inflateSync } from 'node:zlib';

/**
 * A WOFF 1.0 font unpacked to the TrueType/OpenType file it wraps, for Typst, which reads only the
 * latter. WOFF keeps each table zlib-compressed (or as it is, when that is no smaller) behind a
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
 * A TrueType/OpenType font wrapped as WOFF 1.0: each table zlib-compressed (kept as it is where
 * that is no smaller), the font data otherwise unchanged and no metadata added — the form in which
 * the SIL Open Font License lets a font keep its name. {@link woffToSfnt} gives the tables back.
 */
export function sfntToWoff(sfnt: Uint8Array, level = 9): Uint8Array {
  const data = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const flavor = data.readUInt32BE(0);
  if (flavor !== 0x00010000 && flavor !== 0x4f54544f /* OTTO */ && flavor !== 0x74727565 /* true */) {
    throw new Error('not a TrueType or OpenType font');
  }
  const count = data.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    const offset = data.readUInt32BE(at + 8);
    const length = data.readUInt32BE(at + 12);
    if (offset + length > data.length) throw new Error('damaged font: a table runs past the end of the file');
    const body = data.subarray(offset, offset + length);
    const compressed = deflateSync(body, { level });
    return {
      tag: data.subarray(at, at + 4),
      checksum: data.readUInt32BE(at + 4),
      length,
      stored: compressed.length < length ? compressed : body,
    };
  });
  // WOFF lists its tables in ascending tag order.
  tables.sort((a, b) => Buffer.compare(a.tag, b.tag));
  const header = Buffer.alloc(44 + 20 * count);
  let offset = header.length;
  let sfntSize = 12 + 16 * count;
  const parts: Buffer[] = [header];
  tables.forEach((table, i) => {
    const at = 44 + i * 20;
    table.tag.copy(header, at);
    header.writeUInt32BE(offset, at + 4);
    header.writeUInt32BE(table.stored.length, at + 8);
    header.writeUInt32BE(table.length, at + 12);
    header.writeUInt32BE(table.checksum, at + 16);
    const padded = (table.stored.length + 3) & ~3;
    parts.push(table.stored, Buffer.alloc(padded - table.stored.length));
    offset += padded;
    sfntSize += (table.length + 3) & ~3;
  });
  header.write('wOFF', 0, 'latin1');
  header.writeUInt32BE(flavor, 4);
  header.writeUInt32BE(offset, 8);
  header.writeUInt16BE(count, 12);
  header.writeUInt32BE(sfntSize, 16);
  header.writeUInt16BE(1, 20); // version of the WOFF file: 1.0
  return Buffer.concat(parts);
}
