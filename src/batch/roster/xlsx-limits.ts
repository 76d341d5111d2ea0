import { inflateRawSync } from 'node:zlib';
import { UserError } from '../../errors.js';

/** What a workbook may inflate to, all parts together: far above any roster, far below a zip bomb. */
export const MAX_XLSX_INFLATED = 100 * 1024 * 1024;
/** Rows with cells a roster sheet may have; every Chinese province's grassroots unions fit. */
export const MAX_ROSTER_ROWS = 100_000;
/** Parts of a workbook (an .xlsx is a zip of XML files; a roster has a dozen or so). */
const MAX_PARTS = 10_000;

const MB = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

interface Part {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

function readUint64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

/** The zip's table of contents (its central directory), Zip64 included. */
function parts(bytes: Uint8Array): Part[] | undefined {
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
  if (count > MAX_PARTS) return [];
  const list: Part[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const part: Part = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(at + 10, true),
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
          if (part[key] === 0xffffffff && field + 8 <= extra + 4 + length) {
            part[key] = readUint64(view, field);
            field += 8;
          }
        }
      }
      extra += 4 + length;
    }
    list.push(part);
    at = extraEnd + commentLength;
  }
  return list;
}

/** A part's bytes as stored, found from its local header. */
function storedBytes(bytes: Uint8Array, part: Part): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (part.offset + 30 > bytes.length || view.getUint32(part.offset, true) !== 0x04034b50) return undefined;
  const start = part.offset + 30 + view.getUint16(part.offset + 26, true) + view.getUint16(part.offset + 28, true);
  return bytes.subarray(start, Math.min(bytes.length, start + part.compressed));
}

/** Rows that hold cells (`<row …>…</row>`, not the empty `<row …/>`) in a sheet's XML. */
function countRows(xml: Buffer): number {
  const text = xml.toString('latin1');
  let rows = 0;
  const pattern = /<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*>/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) if (!match[0].endsWith('/>')) rows++;
  return rows;
}

/**
 * Refuses, before the Excel reader sees it, a workbook that would take gigabytes: one that
 * inflates past {@link MAX_XLSX_INFLATED} (a zip bomb: 1.5 MB that becomes 1.5 GB), whatever
 * its table of contents claims, or a sheet of more than {@link MAX_ROSTER_ROWS} rows. Every
 * part is inflated with the remaining allowance as its ceiling, so a lying size does not help.
 * A file that is not a readable zip passes, for the reader to say what is wrong with it.
 */
export function checkXlsxLimits(file: string, bytes: Uint8Array): void {
  const list = parts(bytes);
  if (list === undefined) return;
  const tooBig = (): UserError =>
    new UserError('invalid', [{ file, message: `Excel 工作簿解压后超过 ${MB(MAX_XLSX_INFLATED)}（文件本身 ${Math.max(1, Math.round(bytes.length / 1024))} KB），不像是名录，没有读取。请检查文件；名录确实这么大时请拆成几个文件，或另存为 CSV` }]);
  if (list.length === 0 && bytes.length > 0) {
    throw new UserError('invalid', [{ file, message: `Excel 工作簿中的部件超过 ${MAX_PARTS} 个，不像是名录，没有读取` }]);
  }
  if (list.reduce((sum, part) => sum + part.size, 0) > MAX_XLSX_INFLATED) throw tooBig();
  let left = MAX_XLSX_INFLATED;
  let tooLong: { part: string; rows: number } | undefined;
  const texts = new Map<string, string>();
  for (const part of list) {
    const stored = storedBytes(bytes, part);
    if (!stored) return;
    let inflated: Buffer;
    if (part.method === 0) inflated = Buffer.from(stored);
    else if (part.method === 8) {
      try {
        inflated = inflateRawSync(stored, { maxOutputLength: left + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw tooBig();
        return; // Damaged: the reader says so.
      }
    } else return;
    left -= inflated.length;
    if (left < 0) throw tooBig();
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(part.name)) {
      const rows = countRows(inflated);
      if (rows > MAX_ROSTER_ROWS && !tooLong) tooLong = { part: part.name, rows };
    } else if (part.name === 'xl/workbook.xml' || part.name === 'xl/_rels/workbook.xml.rels') {
      texts.set(part.name, inflated.toString('utf8'));
    }
  }
  if (tooLong) {
    const sheet = sheetName(texts, tooLong.part) ?? tooLong.part.replace(/^xl\/worksheets\//, '');
    throw new UserError('invalid', [{ file, message: `工作表 “${sheet}” 有 ${tooLong.rows} 行，超过名录的上限 ${MAX_ROSTER_ROWS} 行，没有读取。请删去多余的行（如整列设置格式后留下的空行），或把名录拆成几个文件` }]);
  }
}

/** The name Excel shows for a worksheet part (`xl/worksheets/sheet1.xml` → 名录), from the workbook and its relations. */
function sheetName(texts: ReadonlyMap<string, string>, part: string): string | undefined {
  const rels = texts.get('xl/_rels/workbook.xml.rels') ?? '';
  const workbook = texts.get('xl/workbook.xml') ?? '';
  const target = part.replace(/^xl\//, '');
  const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  for (const relation of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const to = attribute(relation, 'Target')?.replace(/^\/?xl\//, '');
    if (to !== target) continue;
    const id = attribute(relation, 'Id');
    for (const sheet of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
      if (attribute(sheet, 'r:id') === id) return attribute(sheet, 'name')?.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    }
  }
  return undefined;
}
