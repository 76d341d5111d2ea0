import { PERIOD_NAMES } from './periods.js';
import type { Period } from './types.js';

/** The title a plan gets when it names none: 城南实验小学工会2027年上半年工作计划. */
export function defaultTitle(plan: { org: string; year: number; period?: Period }): string {
  return `${plan.org}${plan.year}年${PERIOD_NAMES[plan.period ?? 'annual']}工作计划`;
}
