import type { Rule } from './rule.js';

const CHILD: Record<1 | 2 | 3, string> = { 1: '（一）', 2: '1.', 3: '（1）' };

export const singleItem: Rule = {
  id: 'single-item',
  severity: 'warning',
  description: '只有一个下级标题的部分：有（一）就应有（二），只有一项时不必分项编号',
  run(ctx) {
    return ctx.plan.parts
      .filter((part) => part.children === 1)
      .map((part) => ({
        ...part.at,
        message: `“${part.title}”下只有一个${CHILD[part.level]}`,
        suggestion: '再补充一项，或把这一项的内容直接写在上级标题下面（不分项编号）',
      }));
  },
};
