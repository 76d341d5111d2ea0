import { LEVELS, isLevel, type Level } from '../outline/level.js';
import { UserError, quote } from '../errors.js';
import { isoFromText, planYear } from '../outline/dates.js';
import { PERIODS, isPeriod } from '../outline/periods.js';
import type { Period } from '../outline/types.js';

/** `--year 2027` */
export function parseYearOption(value: string): number {
  const year = planYear(value);
  if (year !== undefined) return year;
  throw new UserError('usage', `--year 的值 ${quote(value)} 无效，应为四位数的年份，如 2027`);
}

/** `--period first-half` */
export function parsePeriodOption(value: string): Period {
  if (isPeriod(value)) return value;
  throw new UserError('usage', `--period 的值 ${quote(value)} 无效，应为 ${PERIODS.join('、')} 之一（全年、上半年、下半年）`);
}

/** `--date 2027-01-05` */
export function parseDateOption(value: string): string {
  const iso = isoFromText(value);
  if (iso) return iso;
  throw new UserError('usage', `--date 的值 ${quote(value)} 无效，应为 YYYY-MM-DD 格式的日期，如 2027-01-05`);
}

/** `--level 县` */
export function parseLevelOption(value: string): Level {
  if (isLevel(value.trim())) return value.trim() as Level;
  throw new UserError('usage', `--level 的值 ${quote(value)} 无效，应为 ${LEVELS.join('、')} 之一`);
}
