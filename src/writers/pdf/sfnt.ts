import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/**
 * Reads the names of the faces in one font file (TrueType, OpenType, a TrueType/OpenType
 * collection, or WOFF 1.0, the form its package gives the bundled Kai face in) without loading the whole file: the header, the table directory and the `name` and
 * `OS/2` tables only. Enough to tell which families a folder holds, and under which name Typst
 * will know each face.
 */

/** What one face in a font file says about itself. */
export interface FaceInfo {
  /** The font file. */
  file: string;
  /** Index of the face in a collection (0 for a single font). */
  index: number;
  /** The family name Typst registers the face under (see {@link typstFamily}). */
  family: string;
  /** Every family and full name the face gives, in every language it gives them (e.g. FangSong, 仿宋). */
  names: string[];
  /** usWeightClass: 400 regular, 700 bold. */
  weight: number;
  italic: boolean;
}

interface NameRecord {
  platform: number;
  encoding: number;
  nameId: number;
  value: string | undefined;
}

const NAME_FAMILY = 1;
const NAME_FULL = 4;
const NAME_TYPOGRAPHIC_FAMILY = 16;

/** Every face in a font file, or an empty list when the file is no font this reader knows. */
export function readFaces(file: string): FaceInfo[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const head = readAt(fd, 0, 12);
    if (head.length < 12) return [];
    const tag = head.toString('latin1', 0, 4);
    if (tag === 'ttcf') {
      const count = Math.min(head.readUInt32BE(8), 256);
      const offsets = readAt(fd, 12, count * 4);
      const faces: FaceInfo[] = [];
      for (let i = 0; i * 4 + 4 <= offsets.length; i++) {
        const face = readFace(fd, file, i, offsets.readUInt32BE(i * 4));
        if (face) faces.push(face);
      }
      return faces;
    }
    const face = tag === 'wOFF' ? readWoffFace(fd, file) : readFace(fd, file, 0, 0);
    return face ? [face] : [];
  } catch {
    return [];
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return read === length ? buffer : buffer.subarray(0, read);
}

function readFace(fd: number, file: string, index: number, offset: number): FaceInfo | undefined {
  const header = readAt(fd, offset, 12);
  if (header.length < 12) return undefined;
  const version = header.readUInt32BE(0);
  const isSfnt = version === 0x00010000 || version === 0x4f54544f /* OTTO */ || version === 0x74727565; /* true */
  if (!isSfnt) return undefined;
  const numTables = Math.min(header.readUInt16BE(4), 512);
  const directory = readAt(fd, offset + 12, numTables * 16);
  let name: Buffer | undefined;
  let os2: Buffer | undefined;
  const size = fstatSync(fd).size;
  const tags = new Set<string>();
  for (let i = 0; i + 16 <= directory.length; i += 16) {
    const tag = directory.toString('latin1', i, i + 4);
    const tableOffset = directory.readUInt32BE(i + 8);
    const fullLength = directory.readUInt32BE(i + 12);
    // A table past the end of the file: a truncated or damaged font, which Typst skips.
    if (tableOffset + fullLength > size) return undefined;
    tags.add(tag);
    const length = Math.min(fullLength, 4 * 1024 * 1024);
    if (tag === 'name') name = readAt(fd, tableOffset, length);
    else if (tag === 'OS/2') os2 = readAt(fd, tableOffset, Math.min(length, 96));
  }
  return describeFace(file, index, tags, name, os2);
}

/** The face of a WOFF 1.0 file: its tables are listed as in a font, each stored zlib-compressed. */
function readWoffFace(fd: number, file: string): FaceInfo | undefined {
  const header = readAt(fd, 0, 44);
  if (header.length < 44) return undefined;
  const numTables = Math.min(header.readUInt16BE(12), 512);
  const directory = readAt(fd, 44, numTables * 20);
  const size = fstatSync(fd).size;
  const tags = new Set<string>();
  let name: Buffer | undefined;
  let os2: Buffer | undefined;
  for (let i = 0; i + 20 <= directory.length; i += 20) {
    const tag = directory.toString('latin1', i, i + 4);
    const offset = directory.readUInt32BE(i + 4);
    const stored = directory.readUInt32BE(i + 8);
    const length = directory.readUInt32BE(i + 12);
    if (offset + stored > size) return undefined;
    tags.add(tag);
    if (tag !== 'name' && tag !== 'OS/2') continue;
    if (stored > 4 * 1024 * 1024) return undefined;
    const raw = readAt(fd, offset, stored);
    const table = stored < length ? inflateSync(raw) : raw;
    if (tag === 'name') name = table;
    else os2 = table.subarray(0, 96);
  }
  return describeFace(file, 0, tags, name, os2);
}

/** What a face's `name` and `OS/2` tables say, or undefined for a face Typst would not use. */
function describeFace(
  file: string,
  index: number,
  tags: ReadonlySet<string>,
  name: Buffer | undefined,
  os2: Buffer | undefined,
): FaceInfo | undefined {
  // The tables without which Typst's font parser refuses a face (it is then not used at all).
  if (!usable(tags)) return undefined;
  if (!name) return undefined;
  const records = parseNames(name);
  const rawFamily = firstDecoded(records, NAME_FAMILY);
  if (rawFamily === undefined) return undefined;
  const names = new Set<string>();
  for (const record of records) {
    if (record.value && [NAME_FAMILY, NAME_FULL, NAME_TYPOGRAPHIC_FAMILY].includes(record.nameId)) {
      names.add(record.value.trim());
    }
  }
  const weight = os2 && os2.length >= 6 ? os2.readUInt16BE(4) : 400;
  const fullName = (firstDecoded(records, NAME_FULL) ?? '').toLowerCase();
  const italic = (os2 !== undefined && os2.length >= 64 && (os2.readUInt16BE(62) & 1) === 1) || fullName.includes('italic');
  return { file, index, family: typstFamily(rawFamily), names: [...names], weight, italic };
}

/** Whether a face has what a font needs to be laid out: metrics, a character map and outlines. */
function usable(tags: ReadonlySet<string>): boolean {
  const outlines = (tags.has('glyf') && tags.has('loca')) || tags.has('CFF ') || tags.has('CFF2');
  return ['head', 'hhea', 'maxp', 'cmap'].every((tag) => tags.has(tag)) && outlines;
}

function parseNames(table: Buffer): NameRecord[] {
  if (table.length < 6) return [];
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  const records: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (at + 12 > table.length) break;
    const platform = table.readUInt16BE(at);
    const encoding = table.readUInt16BE(at + 2);
    const nameId = table.readUInt16BE(at + 6);
    const length = table.readUInt16BE(at + 8);
    const start = storage + table.readUInt16BE(at + 10);
    if (start + length > table.length) continue;
    const bytes = table.subarray(start, start + length);
    records.push({ platform, encoding, nameId, value: decodeName(platform, encoding, bytes) });
  }
  return records;
}

/** Unicode names as ttf-parser (and so Typst) decodes them; Mac Roman and Mac Chinese too. */
function decodeName(platform: number, encoding: number, bytes: Buffer): string | undefined {
  const unicode = platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10));
  if (unicode) return utf16be(bytes);
  if (platform === 1 && encoding === 0) return macRoman(bytes);
  if (platform === 1 && encoding === 25) return decodeWith('gb18030', bytes);
  if (platform === 3 && encoding === 3) return decodeWith('gb18030', bytes);
  return undefined;
}

function utf16be(bytes: Buffer): string {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  swapped.swap16();
  return swapped.toString('utf16le');
}

function macRoman(bytes: Buffer): string {
  // Family names are ASCII in practice; other bytes are kept as Latin-1, enough to compare names.
  return bytes.toString('latin1');
}

function decodeWith(encoding: string, bytes: Buffer): string | undefined {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Typst takes the first name record with the family id that decodes (Unicode, or Mac Roman). */
function firstDecoded(records: NameRecord[], nameId: number): string | undefined {
  for (const record of records) {
    if (record.nameId !== nameId) continue;
    const typstDecodes =
      record.platform === 0 ||
      (record.platform === 3 && (record.encoding === 0 || record.encoding === 1 || record.encoding === 10)) ||
      (record.platform === 1 && record.encoding === 0);
    if (typstDecodes && record.value !== undefined) return record.value;
  }
  return undefined;
}

const SEPARATORS = [' ', '-', '_'];
const MODIFIERS = ['extra', 'ext', 'ex', 'x', 'semi', 'sem', 'sm', 'demi', 'dem', 'ultra'];
const SUFFIXES = [
  'normal',
  'italic',
  'oblique',
  'slanted',
  'thin',
  'th',
  'hairline',
  'light',
  'lt',
  'regular',
  'medium',
  'med',
  'md',
  'bold',
  'bd',
  'demi',
  'extb',
  'black',
  'blk',
  'bk',
  'heavy',
  'narrow',
  'condensed',
  'cond',
  'cn',
  'cd',
  'compressed',
  'expanded',
  'exp',
];

/**
 * The family name Typst registers a face under: its family name (name id 1) with style words
 * such as "Regular" or "Bold" trimmed from the end, as Typst's font book does.
 */
export function typstFamily(family: string): string {
  let name = family.trim().replace(/^\.+/, '');
  // ASCII lowercase only, so that lengths stay those of `name`.
  let trimmed = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let length = Number.MAX_SAFE_INTEGER;
  while (trimmed.length < length) {
    length = trimmed.length;
    let t = trimmed;
    let shortened = false;
    for (;;) {
      const suffix = SUFFIXES.find((s) => t.endsWith(s));
      if (!suffix) break;
      t = t.slice(0, -suffix.length);
      shortened = true;
    }
    if (!shortened) break;
    if (SEPARATORS.some((s) => t.endsWith(s))) {
      t = t.slice(0, -1);
      trimmed = t;
    }
    const modifier = MODIFIERS.find((m) => t.endsWith(m));
    if (modifier) {
      const before = t.slice(0, -modifier.length);
      if (SEPARATORS.some((s) => before.endsWith(s))) trimmed = before.slice(0, -1);
    }
  }
  name = name.slice(0, length);
  return name;
}
