import type { Rule } from './rule.js';

export const targetWithoutValue: Rule = {
  id: 'target-without-value',
  severity: 'warning',
  description: '没有目标值的工作目标',
  run(ctx) {
    return ctx.plan.targets
      .filter((target) => target.value === '')
      .map((target) => ({
        ...target.at,
        message: `工作目标“${target.name}”没有目标值`,
        suggestion:
          ctx.kind === 'outline' ? '写上 value（目标值）和 unit（单位），如 value: 100 和 unit: "%"' : '在“目标值”一栏填写数值，如 100%',
      }));
  },
};
