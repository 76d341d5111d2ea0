import { extname } from 'node:path';
import { UserError, quote } from '../../errors.js';
import { readTextFile } from '../../io/read-text-file.js';
import { readCsvRoster } from './read-csv.js';
import { decodeText, looksUtf16 } from '../../io/decode-text.js';
import { readInput } from '../../io/read-input.js';
import { readYamlRoster } from './read-yaml.js';
import type { Roster, RosterFormat } from './roster.js';
import { MAX_ROSTER_ROWS } from './xlsx-limits.js';

const BY_EXTENSION: Readonly<Record<string, RosterFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  // JSON is YAML.
  '.json': 'yaml',
};

/** The largest roster file read: 100,000 unions of a CSV take a few MB. */
const MAX_ROSTER_BYTES = 64 * 1024 * 1024;

const SUPPORTED = 'CSV（.csv）、Excel 工作簿（.xlsx）或 YAML（.yaml）';

/** What the first bytes say a file is, when they say so clearly. */
function sniff(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | 'binary' | 'text' {
  const head = bytes.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  // UTF-16 text has NULs; a byte-order mark says it is text all the same.
  if (!looksUtf16(bytes) && bytes.subarray(0, 8192).includes(0)) return 'binary';
  return 'text';
}

/** A file named without a known extension: a YAML list starts with “- ” or “[”, else CSV. */
function guessText(file: string, bytes: Uint8Array): RosterFormat {
  const { text } = decodeText(file, bytes);
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trimStart().startsWith('#')) ?? '';
  return /^\s*(- |-$|\[)/.test(first) ? 'yaml' : 'csv';
}

/** Which reader a file needs: its extension, corrected by its content where that is plain. */
function formatOf(file: string, bytes: Uint8Array): RosterFormat {
  const ext = extname(file).toLowerCase();
  const kind = sniff(bytes);
  if (kind === 'ole' || ext === '.xls' || ext === '.et') {
    throw new UserError('invalid', [
      {
        file,
        message: `这是旧版 Excel（.xls）或 WPS 表格文件，无法直接读取。请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再运行。支持的名录格式：${SUPPORTED}`,
      },
    ]);
  }
  // Renamed files are common (名录.csv that is really a workbook), so content outranks the name.
  if (kind === 'zip') return 'xlsx';
  if (kind !== 'text') {
    throw new UserError('invalid', [
      { file, message: `不是名录文件（${kind === 'pdf' ? 'PDF 文件' : '二进制文件'}）。支持的格式：${SUPPORTED}` },
    ]);
  }
  const byName = BY_EXTENSION[ext];
  if (byName === 'xlsx') {
    throw new UserError('invalid', [{ file, message: '扩展名是 .xlsx，但内容不是 Excel 工作簿。请在 Excel 或 WPS 中打开后重新保存' }]);
  }
  if (byName) return byName;
  if (ext !== '') {
    throw new UserError('invalid', [{ file, message: `无法识别的名录文件类型 ${quote(ext)}。支持的格式：${SUPPORTED}` }]);
  }
  return guessText(file, bytes);
}

/** Options for reading a roster. */
export interface ReadRosterOptions {
  /** The Excel sheet to read (`--sheet`); default the first visible one. */
  sheet?: string;
}

/**
 * Reads a roster (基层工会名录) from a CSV, Excel or YAML file. Throws a UserError, before anything
 * is written, for a file that cannot be read, is of another kind, has no recognised column, or
 * lists no union.
 */
export async function readRoster(file: string, options: ReadRosterOptions = {}): Promise<Roster> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(file, MAX_ROSTER_BYTES, '名录文件');
  } catch (error) {
    if (error instanceof UserError) throw error;
    // readTextFile says why a file cannot be read; ask it rather than repeat its messages.
    await readTextFile(file);
    throw new UserError('input', [{ file, message: '无法读取文件' }]);
  }
  if (bytes.length === 0 || (sniff(bytes) === 'text' && decodeText(file, bytes).text.trim() === '')) {
    throw new UserError('invalid', [{ file, message: '名录文件是空的' }]);
  }
  const format = formatOf(file, bytes);
  if (options.sheet !== undefined && format !== 'xlsx') {
    throw new UserError('usage', [{ file, message: '--sheet 只用于 Excel 工作簿（.xlsx）名录' }]);
  }
  let roster: Roster | undefined;
  if (format === 'xlsx') {
    // Loaded only for workbooks: the Excel reader is the largest part of batch.
    const { readXlsxRoster } = await import('./read-xlsx.js');
    roster = await readXlsxRoster(file, bytes, options.sheet);
  } else if (format === 'yaml') {
    roster = readYamlRoster(file, decodeText(file, bytes).text);
  } else {
    roster = readCsvRoster(file, bytes);
  }
  if (roster === undefined) {
    throw new UserError('invalid', [
      {
        file,
        message:
          '名录中没有可识别的列：表头应写列名，如“单位名称”（org）、“类型”（type）、“上级工会”（superior）、“年度”（year），全部列名见 README 的 batch 一节',
      },
    ]);
  }
  if (roster.rows.length > MAX_ROSTER_ROWS) {
    throw new UserError('invalid', [
      {
        file,
        message: `名录有 ${roster.rows.length} 个单位，超过上限 ${MAX_ROSTER_ROWS} 个，没有读取。请把名录拆成几个文件分别运行（或用 --shard 分担）`,
      },
    ]);
  }
  if (roster.rows.length === 0) {
    throw new UserError('invalid', [{ file, message: '名录中没有任何单位：表头下面至少要有一行' }]);
  }
  return roster;
}
