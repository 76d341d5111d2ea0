import { UserError, quote } from '../errors.js';
import { isoFromText, planYear } from '../outline/dates.js';
import { PERIOD_CHOICES, toPeriod } from '../outline/periods.js';
import type { Period } from '../outline/types.js';

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
