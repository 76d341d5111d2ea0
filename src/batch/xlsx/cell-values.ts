/** A cell as the roster reader hands it on (see roster.ts): text, a number, a logical value, or nothing. */
export type CellValue = string | number | boolean | undefined;

const DAY = 24 * 60 * 60 * 1000;
/** Days from Excel's day 0 (1899-12-30, counting its phantom 1900-02-29) to 1970-01-01. */
const UNIX_EPOCH = 25_569;
/** Days between the 1900 and the 1904 date systems (old Mac workbooks count from 1904). */
const FROM_1904 = 1_462;

/**
 * A date cell (a number of days, the time as its fraction) as the outline writes a date,
 * `YYYY-MM-DD`: the day it falls on, rounded to the millisecond as Excel shows it. A number
 * too large to be a date stays a number, for the row's checks to report.
 */
export function isoDay(serial: number, date1904: boolean): string | number {
  const date = new Date(Math.round((serial - UNIX_EPOCH + (date1904 ? FROM_1904 : 0)) * DAY));
  if (Number.isNaN(date.getTime())) return serial;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return serial;
  return `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}
