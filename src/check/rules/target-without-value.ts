import type { ListWord } from '../lists/lists.js';
import type { Rule } from './rule.js';

/** The non-value a target's value is written as (待定, 正常运行), if any. */
function nonValue(value: string, words: readonly ListWord[]): { text: string; word: ListWord } | undefined {
  for (const word of words) {
    word.matcher.lastIndex = 0;
    const match = word.matcher.exec(value);
    if (match) return { text: match[0], word };
  }
  return undefined;
}

export const targetWithoutValue: Rule = {
  id: 'target-without-value',
  severity: 'warning',
  description:
    '没有目标值的工作目标：目标值空着，或写成“待定”“完成上级工会下达的任务”“正常运行”这类不是数值的话（列表见 src/check/lists/check-lists.yaml 的 non-values，可以补充）',
  run(ctx) {
    const suggestion =
      ctx.kind === 'outline' ? '写上 value（目标值）和 unit（单位），如 value: 100 和 unit: "%"' : '在“目标值”一栏填写数值，如 100%';
    return ctx.plan.targets.flatMap((target) => {
      if (target.value === '') return [{ ...target.at, message: `工作目标“${target.name}”没有目标值`, suggestion }];
      const found = nonValue(target.value, ctx.lists.nonValues);
      if (!found) return [];
      return [
        {
          ...target.at,
          message: `工作目标“${target.name}”的目标值写成“${target.value}”，${found.text === target.value ? '' : `“${found.text}”`}等于没有写${found.word.note ? `（${found.word.note}）` : ''}`,
          suggestion,
        },
      ];
    });
  },
};
