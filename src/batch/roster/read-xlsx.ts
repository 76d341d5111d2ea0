import ExcelJS from 'exceljs';
import { UserError, quote } from '../../errors.js';
import { tableRoster, type Roster, type TableRecord } from './roster.js';
import { checkXlsxLimits } from './xlsx-limits.js';

/** An Excel date as the outline writes it; Excel keeps dates as UTC midnight. */
function isoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * A cell as plain data: what a formula computed, the text of rich text and hyperlinks, a date
 * as `YYYY-MM-DD`. Excel's error values (#N/A …) stay text and are reported where they are used.
 */
export function plainCell(value: ExcelJS.CellValue | { richText: ExcelJS.RichText[] }): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return plainCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return plainCell(value.result);
  return undefined;
}

/**
 * Reads the first visible sheet of an .xlsx workbook, or the one `sheet` names. Row numbers
 * are Excel's. Returns undefined when no row names a known column.
 */
export async function readXlsxRoster(file: string, bytes: Uint8Array, sheet?: string): Promise<Roster | undefined> {
  checkXlsxLimits(file, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0] ?? '';
    throw new UserError('invalid', [{ file, message: `不是有效的 Excel 工作簿（.xlsx），无法读取（${detail}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 或 CSV` }]);
  }
  const sheets = workbook.worksheets;
  const worksheet = sheet === undefined ? (sheets.find((s) => s.state === 'visible') ?? sheets[0]) : sheets.find((s) => s.name === sheet || s.name.trim() === sheet.trim());
  if (!worksheet) {
    if (sheet === undefined) throw new UserError('invalid', [{ file, message: '工作簿中没有工作表' }]);
    throw new UserError('usage', [{ file, message: `没有名为 ${quote(sheet)} 的工作表（--sheet）。工作簿中的工作表：${sheets.map((s) => s.name).join('、')}` }]);
  }
  const records: TableRecord[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based: index 0 is always empty.
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    records.push({ row: rowNumber, cells: values.map((value) => plainCell(value as ExcelJS.CellValue)) });
  });
  return tableRoster(file, 'xlsx', records, { sheet: worksheet.name });
}
