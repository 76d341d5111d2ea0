/** Plan periods: a whole year, one half of it, or a school term (first: Sep–Jan, second: Feb–Jul). */
export type Period = 'annual' | 'first-half' | 'second-half' | 'first-term' | 'second-term';

export const PERIODS: readonly Period[] = ['annual', 'first-half', 'second-half', 'first-term', 'second-term'];

/** The Chinese words a title uses for a period (empty for a whole year). */
export const PERIOD_NAMES: Readonly<Record<Period, string>> = {
  annual: '',
  'first-half': '上半年',
  'second-half': '下半年',
  'first-term': '第一学期',
  'second-term': '第二学期',
};

/**
 * What a period may be called where people type it (flags, outlines, front matter, rosters):
 * the English code or the Chinese name a union office uses.
 */
export const PERIOD_WORDS: Readonly<Record<string, Period>> = {
  全年: 'annual',
  年度: 'annual',
  上半年: 'first-half',
  下半年: 'second-half',
  第一学期: 'first-term',
  上学期: 'first-term',
  秋季学期: 'first-term',
  第二学期: 'second-term',
  下学期: 'second-term',
  春季学期: 'second-term',
};

/** What the valid values are, for messages: annual（全年）、first-half（上半年）…. */
export const PERIOD_CHOICES = PERIODS.map((p) => `${p}（${PERIOD_NAMES[p] || '全年'}）`).join('、');

/** The period a value names, in English or Chinese; undefined when it names none. */
export function toPeriod(value: unknown): Period | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if ((PERIODS as readonly string[]).includes(text)) return text as Period;
  return PERIOD_WORDS[text];
}

/** Whether a period is a school term (学期) rather than a calendar year or half. */
export function isTerm(period: Period): boolean {
  return period === 'first-term' || period === 'second-term';
}

/**
 * The months a period covers, in the order they come: a first term (autumn) runs from September
 * to January of the next year, a second term (spring) from February to July.
 */
export function periodMonths(period: Period): number[] {
  const all = Array.from({ length: 12 }, (_, i) => i + 1);
  if (period === 'first-half') return all.slice(0, 6);
  if (period === 'second-half') return all.slice(6);
  if (period === 'first-term') return [9, 10, 11, 12, 1];
  if (period === 'second-term') return [2, 3, 4, 5, 6, 7];
  return all;
}

/** The months of a period as words: 1—6月, 9月至次年1月. */
export function periodRange(period: Period): string {
  const months = periodMonths(period);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  return last < first ? `${first}月至次年${last}月` : `${first}—${last}月`;
}

/**
 * The calendar year and month a month of the plan falls in: January of a first term is in the
 * year after the one the term begins in.
 */
export function calendarYear(year: number, period: Period, month: number): number {
  return period === 'first-term' && month < 9 ? year + 1 : year;
}

/**
 * How a title names the plan's time: 2027年, 2027年上半年, and for terms the school year —
 * `year` is the calendar year the term begins in, so a first term of 2027 is 2027—2028学年第一学期
 * and a second term of 2027 is 2026—2027学年第二学期.
 */
export function periodLabel(year: number, period: Period): string {
  if (period === 'first-term') return `${year}—${year + 1}学年第一学期`;
  if (period === 'second-term') return `${year - 1}—${year}学年第二学期`;
  return `${year}年${PERIOD_NAMES[period]}`;
}

/** A period named in a plan's title, for plans that do not say it elsewhere. */
export function periodFromTitle(title: string): Period {
  if (/第一学期|上学期|秋季学期/.test(title)) return 'first-term';
  if (/第二学期|下学期|春季学期/.test(title)) return 'second-term';
  if (/上半年/.test(title)) return 'first-half';
  if (/下半年/.test(title)) return 'second-half';
  return 'annual';
}

/** Whether a value is a period's English code (the form front matter and outlines are written in). */
export function isPeriod(value: unknown): value is Period {
  return toPeriod(value) === value;
}
