import type { Rule } from './rule.js';

export const emptySection: Rule = {
  id: 'empty-section',
  severity: 'warning',
  description: '空的部分或板块：标题（一、或（一））下面什么也没有',
  run(ctx) {
    return ctx.plan.parts
      .filter((part) => part.level <= 2 && part.empty)
      .map((part) => ({
        ...part.at,
        message: `“${part.title}”下面没有内容`,
        suggestion: ctx.kind === 'outline' ? '补充导语（intro）或工作条目（items），或删去这个板块' : '补充内容，或删去这个标题',
      }));
  },
};
