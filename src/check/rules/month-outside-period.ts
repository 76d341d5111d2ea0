import { PERIOD_NAMES, periodMonths } from '../../outline/periods.js';
import type { Hit, Rule } from '../rule.js';

export const monthOutsidePeriod: Rule = {
  id: 'month-outside-period',
  severity: 'warning',
  description: '月度安排中有计划期间以外的月份，如上半年计划里的“9月”',
  run(ctx) {
    const { period, schedule } = ctx.plan;
    if (period === 'annual') return [];
    const allowed = periodMonths(period);
    const range = `${allowed[0]}—${allowed[allowed.length - 1]}月`;
    const hits: Hit[] = [];
    for (const row of schedule) {
      const outside = row.months.filter((m) => !allowed.includes(m));
      if (outside.length === 0) continue;
      hits.push({
        ...row.at,
        message: `${outside.map((m) => `${m}月`).join('、')}不在${PERIOD_NAMES[period]}（${range}）之内`,
        suggestion: `删去这一行，或改为${range}中的月份`,
      });
    }
    return hits;
  },
};
