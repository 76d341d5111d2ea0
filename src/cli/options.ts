import { statSync } from 'node:fs';
import { LEVELS, isLevel, type Level } from '../vocab/level.js';
import { UserError, quote } from '../errors.js';
import { isoFromText, planYear } from '../vocab/dates.js';
import { PERIOD_CHOICES, toPeriod, type Period } from '../vocab/periods.js';

/** `--year 2027` */
export function parseYearOption(value: string): number {
  const year = planYear(value);
  if (year !== undefined) return year;
  throw new UserError('usage', `--year 的值 ${quote(value)} 无效，应为四位数的年份，如 2027`);
}

/** `--period first-half`, `--period 第二学期` */
export function parsePeriodOption(value: string): Period {
  const period = toPeriod(value);
  if (period) return period;
  throw new UserError('usage', `--period 的值 ${quote(value)} 无效，应为 ${PERIOD_CHOICES} 之一`);
}

/** `--date 2027-01-05` */
export function parseDateOption(value: string): string {
  const iso = isoFromText(value);
  if (iso) return iso;
  throw new UserError('usage', `--date 的值 ${quote(value)} 无效，应为 YYYY-MM-DD 格式的日期，如 2027-01-05`);
}

/**
 * `--font-dir DIR`, repeatable. A folder that is not there is an error: taken silently, the PDF
 * would quietly use stand-in fonts and the user would not know why.
 */
export function collectFontDir(value: string, previous: string[] = []): string[] {
  let folder = false;
  try {
    folder = statSync(value).isDirectory();
  } catch {
    throw new UserError('input', [{ file: value, message: '--font-dir 指定的字体文件夹不存在。请检查路径（含空格的路径要加引号）' }]);
  }
  if (!folder)
    throw new UserError('input', [{ file: value, message: '--font-dir 应指定一个文件夹，这里是一个文件。请给出字体文件所在的文件夹' }]);
  return [...previous, value];
}

/** `--level 县` */
export function parseLevelOption(value: string): Level {
  if (isLevel(value.trim())) return value.trim() as Level;
  throw new UserError('usage', `--level 的值 ${quote(value)} 无效，应为 ${LEVELS.join('、')} 之一`);
}
