import { periodLabel, type Period } from './periods.js';

/** What a plan is called: a 工作计划, or the 工作要点 a federation issues. */
export type PlanKind = 'plan' | 'points';

/** The last words of a title, by the plan's kind. */
export const KIND_NAMES: Readonly<Record<PlanKind, string>> = { plan: '工作计划', points: '工作要点' };

/** The title a plan gets when it names none: 城南实验小学工会2027年上半年工作计划, …2026—2027学年第二学期工作计划, or …工作要点. */
export function defaultTitle(plan: { org: string; year: number; period?: Period; kind?: PlanKind }): string {
  return `${plan.org}${periodLabel(plan.year, plan.period ?? 'annual')}${KIND_NAMES[plan.kind ?? 'plan']}`;
}
