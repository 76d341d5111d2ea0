import { parseDate } from '../../vocab/dates.js';
import type { Rule } from '../rule.js';

/** Next year's plan is written from October on (see defaultPlanYear), so it may be dated then. */
const FIRST_MONTH_OF_PLANNING = 10;

export const dateOutsideYear: Rule = {
  id: 'date-outside-year',
  severity: 'warning',
  description: '落款日期不在计划年度内（上一年 10 月起编写的计划可以署上一年的日期）',
  run(ctx) {
    const { date, year } = ctx.plan;
    const parts = date ? parseDate(date.iso) : undefined;
    if (!date || !parts) return [];
    if (parts.year === year) return [];
    // A first term runs into January of the next year.
    if (ctx.plan.period === 'first-term' && parts.year === year + 1 && parts.month === 1) return [];
    if (parts.year === year - 1 && parts.month >= FIRST_MONTH_OF_PLANNING) return [];
    return [
      {
        ...date.at,
        message: `落款日期“${date.text}”不在计划年度${year}年内`,
        suggestion: `改为${year}年的日期（或${year - 1}年10月以后编写计划的日期）`,
      },
    ];
  },
};
