import { PERIOD_NAMES, periodMonths, periodRange } from '../../vocab/periods.js';
import { monthReferences, outside } from '../../text/period-words.js';
import type { Hit, Rule } from '../rule.js';

/** 9月, or 7—8月 for a reference that names several months. */
function monthsLabel(months: readonly number[]): string {
  if (months.length === 1) return `${months[0]}月`;
  return `${months[0]}—${months[months.length - 1]}月`;
}

export const monthOutsidePeriod: Rule = {
  id: 'month-outside-period',
  severity: 'warning',
  description: '半年或学期计划中有期间以外的月份或时令，如上半年计划里的“9月”“暑期”“教师节”“下半年”（月度安排和正文都查）',
  run(ctx) {
    const { period, schedule } = ctx.plan;
    if (period === 'annual') return [];
    const allowed = periodMonths(period);
    const range = periodRange(period);
    const name = PERIOD_NAMES[period];
    const hits: Hit[] = [];
    for (const row of schedule) {
      const outsideMonths = row.months.filter((m) => !allowed.includes(m));
      if (outsideMonths.length === 0) continue;
      hits.push({
        ...row.at,
        message: `${outsideMonths.map((m) => `${m}月`).join('、')}不在${name}（${range}）之内`,
        suggestion: `删去这一行，或改为${range}中的月份`,
      });
    }
    // A schedule row's month says when its work is done (筹备春节慰问 in December): its words are
    // not judged, only its month, above. In an outline a row's items are on the lines after its
    // month, up to the next row; in Markdown a row is one line.
    const rowsAt = schedule.map((row) => row.at.line).sort((a, b) => a - b);
    const inRow = (line: number): boolean => (ctx.kind === 'outline' ? rowsAt.length > 0 && line >= rowsAt[0]! : rowsAt.includes(line));
    // An item that says its months (`months: [6, 7]`) is judged by them, not by its words.
    const datedInPeriod = (ctx.plan.datedItems ?? []).filter((item) => item.months.some((m) => allowed.includes(m)));
    for (const segment of ctx.segments) {
      for (const ref of monthReferences(segment.text)) {
        if (!outside(ref, allowed)) continue;
        const offset = segment.starts[ref.index]!;
        if (datedInPeriod.some((item) => offset >= item.start && offset < item.end)) continue;
        const at = ctx.at(offset);
        if (inRow(at.line)) continue;
        hits.push({
          ...at,
          message: `“${ref.text}”（${monthsLabel(ref.months)}）不在${name}（${range}）之内`,
          suggestion: `删去或改写这段与${name}无关的内容，或把计划期间改为全年（period: annual）`,
        });
      }
    }
    return hits;
  },
};
