import { calendarYear, periodMonths, type Period } from './periods.js';
import { workingDayFrom } from './working-days.js';

/**
 * The year a new plan is for: the current year, or the next one from October on, when unions
 * write next year's plan.
 */
export function defaultPlanYear(today: Date = new Date()): number {
  return today.getMonth() >= 9 ? today.getFullYear() + 1 : today.getFullYear();
}

/**
 * The signature date of a new plan, always a working day (never a weekend or a statutory
 * holiday): today when the plan is written in October–December of the year before a plan that
 * starts in January, or within its period (a first term's January is in the next calendar year);
 * else the first working day of its period. Today's date moves on to the next working day.
 */
export function defaultPlanDate(year: number, period: Period, today: Date = new Date()): string {
  const months = periodMonths(period);
  const startMonth = months[0] ?? 1;
  const month = today.getMonth() + 1;
  const todayIso = isoDate(today.getFullYear(), month, today.getDate());
  const writtenBefore = startMonth === 1 && today.getFullYear() === year - 1 && month >= 10;
  const within = months.includes(month) && today.getFullYear() === calendarYear(year, period, month);
  if (writtenBefore || within) return workingDayFrom(todayIso);
  return workingDayFrom(isoDate(calendarYear(year, period, startMonth), startMonth, 1));
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD` (or `YYYY年M月D日`) into its parts, or undefined when it is not a real date. */
export function parseDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim()) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** A plan year: an integer, or four digits as text, from 1949 to 2200; undefined otherwise. */
export function planYear(value: unknown): number | undefined {
  const year = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value) : value;
  return typeof year === 'number' && Number.isInteger(year) && year >= 1949 && year <= 2200 ? year : undefined;
}

/** A date written `YYYY-MM-DD` (or `YYYY年M月D日`) as ISO `YYYY-MM-DD`; undefined when it is not a real date. */
export function isoFromText(value: unknown): string | undefined {
  const parts = typeof value === 'string' ? parseDate(value) : undefined;
  return parts ? isoDate(parts.year, parts.month, parts.day) : undefined;
}

/** The date as a signature shows it: Arabic numerals, no zero padding (2027年1月5日). */
export function formatChineseDate(iso: string): string {
  const parts = parseDate(iso);
  if (!parts) return iso;
  return `${parts.year}年${parts.month}月${parts.day}日`;
}
