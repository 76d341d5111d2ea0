import { isChinese, isHan } from '../scan/cjk.js';
import type { Hit, Rule } from './rule.js';
import { contiguous, replaceChars, type Segment } from '../scan/segment.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };

/** `,` `;` `:` with Chinese on both sides (spaces after it go too: `中文, 中文` → `中文，中文`). */
function separators(segment: Segment, hits: (index: number, end: number, replacement: string) => void): void {
  const { text } = segment;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i]!;
    if (c !== ',' && c !== ';' && c !== ':') continue;
    if (!isChinese(text[i - 1])) continue;
    let end = i + 1;
    while (text[end] === ' ' || text[end] === '\u3000') end++;
    if (!isChinese(text[end])) continue;
    // Spaces after it go only if nothing (no markup) sits among them.
    if (end > i + 1 && !contiguous(segment, i, end)) end = i + 1;
    hits(i, end, FULL_WIDTH[c]!);
  }
}

/** `(…)` in Chinese text: Chinese inside, or a Han character right before or after. */
function brackets(segment: Segment, hit: (index: number, end: number, inner: [number, number]) => void): void {
  const { text } = segment;
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) {
    const close = text.slice(open + 1, open + 61).search(/[()\n]/);
    if (close === -1 || text[open + 1 + close] !== ')') continue;
    const end = open + 1 + close;
    const inner = text.slice(open + 1, end);
    if (!([...inner].some((c) => isHan(c)) || isHan(text[open - 1]) || isHan(text[end + 1]))) continue;
    hit(open, end + 1, [open + 1, end]);
  }
}

export const halfwidthPunctuation: Rule = {
  id: 'halfwidth-punctuation',
  severity: 'warning',
  description: '中文之间的半角标点 , ; : ( )，应为全角 ，；：（）（--fix 可自动改正）',
  run(ctx) {
    const hits: Hit[] = [];
    for (const segment of ctx.segments) {
      separators(segment, (index, end, replacement) => {
        const old = segment.text.slice(index, end);
        hits.push({
          ...ctx.at(segment.starts[index]!),
          message: `中文之间用了半角标点“${old.trim()}”`,
          suggestion: `改为全角“${replacement}”`,
          fix: replaceChars(segment, index, end, replacement),
        });
      });
      brackets(segment, (index, end, [from, to]) => {
        const old = segment.text.slice(index, end);
        const start = segment.starts[index]!;
        // The brackets change, whatever is spelt between them stays exactly as it is.
        const between = ctx.text.slice(segment.ends[index]!, segment.starts[end - 1]!);
        const fixed = `（${segment.text.slice(from, to)}）`;
        hits.push({
          ...ctx.at(start),
          message: `中文中用了半角括号“${old}”`,
          suggestion: `改为全角括号“${fixed}”`,
          fix: { offset: start, length: segment.ends[end - 1]! - start, replacement: `（${between}）` },
        });
      });
    }
    return hits;
  },
};
