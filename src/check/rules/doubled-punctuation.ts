import type { Hit, Rule } from './rule.js';
import { scan } from '../scan/scan.js';
import { deleteChars } from '../scan/segment.js';

// Marks that never stand twice in a row in Chinese: 。。 ，， 、、 ；； ：： or a mix such as ，。
// (The ellipsis …… and the dash —— are single marks of two characters, so they are not here.)
const RUN = /[，。、；：]{2,}/gu;

export const doubledPunctuation: Rule = {
  id: 'doubled-punctuation',
  severity: 'warning',
  description: '重复或连用的标点，如“。。”“，，”“，。”（相同标点重复时 --fix 可自动删去多余的）',
  run(ctx) {
    const hits: Hit[] = [];
    for (const match of scan(ctx.segments, RUN)) {
      const same = [...match.text].every((c) => c === match.text[0]);
      // Only a repeat of one mark is safe to fix: which of ，。 is meant is the writer's call.
      const fix = same ? deleteChars(match.segment, match.index + 1, match.end) : undefined;
      hits.push({
        ...ctx.at(match.segment.starts[match.index]!),
        message: same ? `标点“${match.text}”重复` : `标点“${match.text}”连用`,
        suggestion: same ? `只保留一个“${match.text[0]}”` : '只保留一个合适的标点',
        ...(fix ? { fix } : {}),
      });
    }
    return hits;
  },
};
