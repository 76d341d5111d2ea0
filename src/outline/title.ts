import { periodLabel } from './periods.js';
import type { Period } from './types.js';

/** The title a plan gets when it names none: 城南实验小学工会2027年上半年工作计划, …2026—2027学年第二学期工作计划. */
export function defaultTitle(plan: { org: string; year: number; period?: Period }): string {
  return `${plan.org}${periodLabel(plan.year, plan.period ?? 'annual')}工作计划`;
}
