import type { Period } from './types.js';

export const PERIODS: readonly Period[] = ['annual', 'first-half', 'second-half'];

/** The Chinese words a title uses for a period (empty for a whole year). */
export const PERIOD_NAMES: Readonly<Record<Period, string>> = {
  annual: '',
  'first-half': '上半年',
  'second-half': '下半年',
};

/** The months a period covers. */
export function periodMonths(period: Period): number[] {
  const all = Array.from({ length: 12 }, (_, i) => i + 1);
  if (period === 'first-half') return all.slice(0, 6);
  if (period === 'second-half') return all.slice(6);
  return all;
}

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}
