import { parseDate } from '../../vocab/dates.js';
import type { Hit, Rule } from '../rule.js';

/** A row that schedules the writing of a work plan. */
const DRAFTING = /(?:制定|制订|拟定|起草|研究)[^，。；、\n]{0,14}?工作计划|(?:制定|制订)[^，。；、\n]{0,6}?计划/u;
/** …of a later period, which is another plan. */
const LATER = /下一?个?(?:年度|学年|学期|半年)|下年|明年|次年|来年|下半年|下学期|第二学期/u;

export const draftingAfterDate: Rule = {
  id: 'drafting-after-date',
  severity: 'warning',
  description: '月度安排在计划落款日期之后还安排“制订本年度工作计划”：计划不会在成文之后才制订',
  run(ctx) {
    const { date, schedule, year } = ctx.plan;
    const signed = date ? parseDate(date.iso) : undefined;
    if (!signed || !date) return [];
    const hits: Hit[] = [];
    for (const row of schedule) {
      const line = row.text.split('\n').find((item) => DRAFTING.test(item) && !LATER.test(item));
      if (!line || row.months.length === 0) continue;
      const first = Math.min(...row.months);
      const after = signed.year < year || (signed.year === year && first > signed.month);
      if (!after) continue;
      hits.push({
        ...row.at,
        message: `月度安排在“${row.label}”安排“${line.replace(/^\d+\./, '')}”，但本计划落款日期为${date.text}：计划不会在成文之后才制订`,
        suggestion: '删去这一行；落款日期如不对，改为实际成文的日期',
      });
    }
    return hits;
  },
};
