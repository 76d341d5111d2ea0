import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../../errors.js';
import { decodeText } from '../../io/decode-text.js';
import { tableRoster, type Roster } from './roster.js';

/** Chinese words for the CSV syntax errors csv-parse reports. */
const CSV_HINTS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有成对（某个单元格以 " 开头却没有结束的 "）',
  CSV_INVALID_CLOSING_QUOTE: '引号后面紧跟了其他字符',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号后面紧跟了其他字符',
  INVALID_OPENING_QUOTE: '单元格中间出现了引号',
  CSV_MAX_RECORD_SIZE: '某一行过长',
};

/**
 * The field separator: a comma, or a tab when the first line has tabs and no commas (what Excel
 * writes as “文本文件（制表符分隔）” or “Unicode 文本”).
 */
function delimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/**
 * Reads a CSV roster in UTF-8 (with or without BOM), UTF-16 or GB18030/GBK (see decodeText). Row numbers
 * are those Excel shows, the header being row 1, blank lines and cells with line breaks included.
 * Returns undefined when no row names a known column.
 */
export function readCsvRoster(file: string, bytes: Uint8Array): Roster | undefined {
  const { text, encoding } = decodeText(file, bytes);
  let records: string[][];
  try {
    // Blank lines are kept (as one empty cell) so that the record count stays the row number.
    records = parse(text, { delimiter: delimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : undefined;
    throw new UserError('invalid', [{ file, line, message: `CSV 格式有误：${CSV_HINTS[error.code] ?? error.message}` }]);
  }
  return tableRoster(
    file,
    'csv',
    records.map((cells, i) => ({ row: i + 1, cells })),
    { encoding },
  );
}
