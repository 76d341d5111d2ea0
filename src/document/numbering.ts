import { toChineseNumeral } from '../text/chinese-numerals.js';
import type { Block, HeadingBlock } from './model.js';

/** The number of the `n`-th heading of a level: 一、 （一） 1. （1）. */
export function headingNumber(level: HeadingBlock['level'], n: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(n)}、`;
    case 2:
      return `（${toChineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

const CN = '[一二三四五六七八九十百千万零〇]+';
// Any numbering a person may have typed, in any of the styles the samples mix:
// 一、 （一） (一)、 (二、) 第一、 1. 1、 （1） (1).
const TYPED_NUMBER = new RegExp(
  [`^${CN}[、.．]`, `^[（(]${CN}[、]?[）)][、.．]?`, `^第${CN}[、，,.．]`, `^\\d{1,3}[.．、](?!\\d)`, `^[（(]\\d{1,3}[）)][、.．]?`].join(
    '|',
  ),
);

/** Removes a number typed at the start of a heading, so that numbering is generated only once. */
export function stripTypedNumber(text: string): string {
  return text.replace(TYPED_NUMBER, '').trimStart();
}

/**
 * Numbers headings by level, restarting each level under its parent. A heading deeper than its
 * parent + 1 (e.g. ### right after #) is numbered within the nearest parent, as Word would.
 */
export function numberHeadings(blocks: Block[]): Block[] {
  const counters = [0, 0, 0, 0];
  return blocks.map((block) => {
    if (block.type !== 'heading') return block;
    const index = block.level - 1;
    counters[index] = (counters[index] ?? 0) + 1;
    for (let deeper = index + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    return { ...block, number: headingNumber(block.level, counters[index]!) };
  });
}
