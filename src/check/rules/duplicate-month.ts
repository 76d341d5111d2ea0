import type { Hit, Rule } from './rule.js';

export const duplicateMonth: Rule = {
  id: 'duplicate-month',
  severity: 'warning',
  description: '月度安排中同一个月份出现两次（包括跨月的“7—8月”与“8月”）',
  run(ctx) {
    const seen = new Map<number, string>();
    const hits: Hit[] = [];
    for (const row of ctx.plan.schedule) {
      const repeated = [...new Set(row.months)].filter((m) => seen.has(m));
      if (repeated.length) {
        const first = seen.get(repeated[0]!)!;
        hits.push({
          ...row.at,
          message: `${repeated.map((m) => `${m}月`).join('、')}已在“${first}”一行中安排过`,
          suggestion: '把这两行的工作内容合并到一行',
        });
      }
      for (const m of row.months) if (!seen.has(m)) seen.set(m, row.label);
    }
    return hits;
  },
};
