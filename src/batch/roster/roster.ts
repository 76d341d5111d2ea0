/**
 * A roster (基层工会名录) as its readers hand it on: rows of cells under their headers, each with
 * the place a message should point at. What the cells mean is decided later (row-fields.ts).
 */

import { columnFor } from './columns.js';

/** One value of a row, under the header its column (or YAML key) has in the file. */
export interface RosterCell {
  header: string;
  /** 1-based column in a CSV or Excel sheet; absent in a YAML roster. */
  column?: number;
  /** A string from CSV; string, number, boolean or Date from Excel; anything from YAML. */
  value: unknown;
  /** Line of the key in a YAML roster. */
  line?: number;
}

/** One union of the roster. */
export interface RosterRow {
  /** 1-based place among the roster's unions: what `--shard` slices. */
  index: number;
  /** The row number a person sees: Excel's row (header included), or the line in a YAML file. */
  row: number;
  cells: RosterCell[];
  /** What is wrong with the row as a whole (a YAML list item that is not a mapping). */
  problem?: string;
}

export type RosterFormat = 'csv' | 'xlsx' | 'yaml';

export interface Roster {
  file: string;
  format: RosterFormat;
  /** How a CSV was decoded (utf-8, utf-16le, gb18030). */
  encoding?: string;
  /** The Excel sheet read. */
  sheet?: string;
  rows: RosterRow[];
  /** Headers no field is known by, to tell the user they were left out. */
  ignoredHeaders: string[];
}

/** A row of a CSV or Excel sheet: its number and its cells from column 1. */
export interface TableRecord {
  row: number;
  cells: unknown[];
}

/** A cell with nothing in it: rosters leave most optional columns blank. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Rows above the header that a sheet may have: a title such as “城南街道基层工会名录”, notes. */
const MAX_ROWS_ABOVE_HEADER = 10;

/**
 * A CSV or Excel sheet as a roster. The header is the first row that names a known field,
 * so a title row or two above it (common in sheets made for printing) is passed over.
 * Returns undefined when no row within the first few names one.
 */
export function tableRoster(
  file: string,
  format: RosterFormat,
  records: readonly TableRecord[],
  extra: { encoding?: string; sheet?: string } = {},
): Roster | undefined {
  const filled = records.filter((record) => record.cells.some((cell) => !isBlank(cell)));
  const headerAt = filled
    .slice(0, MAX_ROWS_ABOVE_HEADER)
    .findIndex((record) => record.cells.some((cell) => typeof cell === 'string' && columnFor(cell)));
  if (headerAt < 0) return undefined;
  const header = filled[headerAt]!.cells.map((cell) => (isBlank(cell) ? '' : String(cell).trim()));
  const rows: RosterRow[] = filled.slice(headerAt + 1).map((record, i) => ({
    index: i + 1,
    row: record.row,
    cells: header
      .map((name, column) => ({ header: name, column: column + 1, value: record.cells[column] }))
      .filter((cell) => cell.header !== ''),
  }));
  const ignoredHeaders = header.filter((name) => name !== '' && !columnFor(name));
  return { file, format, ...extra, rows, ignoredHeaders };
}

/** `A`, `B` … `Z`, `AA`: the column's name in Excel. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
