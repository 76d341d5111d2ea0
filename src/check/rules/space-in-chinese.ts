import { CHINESE_CLASS } from '../scan/cjk.js';
import type { Hit, Rule } from './rule.js';
import { scan } from '../scan/scan.js';
import { deleteChars } from '../scan/segment.js';

// Spaces (half-width, tab, full-width) with Chinese on both sides. Line breaks are not spaces:
// a paragraph's lines are joined without one.
const SPACES = new RegExp(`(?<=${CHINESE_CLASS})[ \\t\\u3000]+(?=${CHINESE_CLASS})`, 'gu');

/** A few characters either side of the spaces, the spaces shown as ␣ so they can be seen. */
function around(text: string, index: number, end: number): string {
  const before =
    text
      .slice(Math.max(0, index - 4), index)
      .split('\n')
      .pop() ?? '';
  const after = text.slice(end, end + 4).split('\n')[0] ?? '';
  return `${before}${'␣'.repeat(end - index)}${after}`;
}

export const spaceInChinese: Rule = {
  id: 'space-in-chinese',
  severity: 'warning',
  description: '中文之间的空格（半角、全角或 Tab）（--fix 可自动删去）',
  run(ctx) {
    const hits: Hit[] = [];
    for (const match of scan(ctx.segments, SPACES)) {
      const { segment, index, end } = match;
      const fix = deleteChars(segment, index, end);
      hits.push({
        ...ctx.at(segment.starts[index]!),
        message: `中文之间有${match.text.includes('\u3000') ? '全角' : ''}空格：“${around(segment.text, index, end)}”`,
        suggestion: '删去空格',
        ...(fix ? { fix } : {}),
      });
    }
    return hits;
  },
};
