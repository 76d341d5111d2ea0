/**
 * What an .xlsx roster may take: a workbook that would take gigabytes (a zip bomb: 1.5 MB that
 * becomes 1.5 GB) or a sheet of millions of rows is refused, and said so, before it costs more
 * than the limits below. The reader (read-xlsx.ts) enforces them as it inflates.
 */
import { UserError } from '../../errors.js';

/** What a workbook may inflate to, all parts together: far above any roster, far below a zip bomb. */
export const MAX_XLSX_INFLATED = 100 * 1024 * 1024;
/** Rows with cells a roster sheet may have; every Chinese province's grassroots unions fit. */
export const MAX_ROSTER_ROWS = 100_000;
/** Parts of a workbook (an .xlsx is a zip of XML files; a roster has a dozen or so). */
export const MAX_XLSX_PARTS = 10_000;

const MB = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The workbook inflates, or says it inflates, past {@link MAX_XLSX_INFLATED}. */
export function tooBigError(file: string, bytes: Uint8Array): UserError {
  return new UserError('invalid', [
    {
      file,
      message: `Excel 工作簿解压后超过 ${MB(MAX_XLSX_INFLATED)}（文件本身 ${Math.max(1, Math.round(bytes.length / 1024))} KB），不像是名录，没有读取。请检查文件；名录确实这么大时请拆成几个文件，或另存为 CSV`,
    },
  ]);
}

/** The workbook is a zip of more than {@link MAX_XLSX_PARTS} files. */
export function tooManyPartsError(file: string): UserError {
  return new UserError('invalid', [{ file, message: `Excel 工作簿中的部件超过 ${MAX_XLSX_PARTS} 个，不像是名录，没有读取` }]);
}

/** A sheet has more than {@link MAX_ROSTER_ROWS} rows. */
export function tooManyRowsError(file: string, sheet: string, rows: number): UserError {
  return new UserError('invalid', [
    {
      file,
      message: `工作表 “${sheet}” 有 ${rows} 行，超过名录的上限 ${MAX_ROSTER_ROWS} 行，没有读取。请删去多余的行（如整列设置格式后留下的空行），或把名录拆成几个文件`,
    },
  ]);
}
