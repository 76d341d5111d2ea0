import type { Hit, Rule } from './rule.js';
import { offsetOf, scan } from '../scan/scan.js';

// A year as a plan writes it: 2019年 (not 1990年代, not part of a longer number).
const YEAR = /(?<!\d)((?:19|20)\d{2})(?=\s*年(?!代))/gu;

/** Years from here on are what copied samples carry; earlier ones are history (建党于1921年). */
const FIRST_CHECKED_YEAR = 2000;

export const staleYear: Rule = {
  id: 'stale-year',
  severity: 'warning',
  description: '早于计划年度前一年的年份（2000 年以后），多半是照抄范文留下的，如 2027 年计划中的“2019年”',
  run(ctx) {
    const hits: Hit[] = [];
    const { year, yearKnown } = ctx.plan;
    for (const match of scan(ctx.segments, YEAR)) {
      const value = Number(match.text);
      // The year before the plan's is fine: plans look back on it (“在2026年工作的基础上”).
      // Later years are targets (2035年远景目标), not leftovers.
      if (value < FIRST_CHECKED_YEAR || value >= year - 1) continue;
      hits.push({
        ...ctx.at(offsetOf(match)),
        message: `年份“${match.text}年”早于计划年度（${yearKnown ? '' : '未写明年度，按'}${year}年${yearKnown ? '' : '算'}）的前一年`,
        suggestion: `核对年份：本计划是${year}年的，是否应为${year}年或${year - 1}年？`,
      });
    }
    return hits;
  },
};
