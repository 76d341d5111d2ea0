/**
 * Issue 12: text in is text out. A Markdown plan written by the Markdown writer parses back into
 * the same document: spaces beside markup, line breaks, list numbers and nested emphasis included.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/document/parse.js';
import { lineText, type ParagraphBlock } from '../../../src/document/model.js';
import { toMarkdown } from '../../../src/writers/markdown.js';

const FRONT = '---\ntitle: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\n---\n\n';

const CASES: [string, string][] = [
  ['use **Word** and `Excel`, see [the site](https://example.org) now', 'use Word and Excel, see the site now'],
  ['**粗*斜*体**和*斜**粗**体*', '粗斜体和斜粗体'],
  ['***ab**c* 与 ***ab*c**', 'abc 与 abc'],
  ['**x** **y** a*b*c', 'x y abc'],
  ['first line  \nsecond line\\\nthird', 'first line\nsecond line\nthird'],
  ['see the\nsite, 中文\n换行', 'see the site, 中文换行'],
  ['1. one', '1. one'],
  ['2) 开展活动', '2. 开展活动'],
  ['\\# 不是标题，\\*不是强调\\*，a | b', '# 不是标题，*不是强调*，a | b'],
];

function paragraphs(text: string): ParagraphBlock[] {
  return parseMarkdown('plan.md', text).blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
}

describe('the Markdown writer keeps the text it is given', () => {
  it.each(CASES)('%s', (input, text) => {
    const first = paragraphs(`${FRONT + input}\n`);
    expect(first.map((b) => lineText(b.content))).toEqual([text]);
    const written = toMarkdown(parseMarkdown('plan.md', `${FRONT + input}\n`));
    // Parsed again, the same runs with the same emphasis, and written again, the same Markdown.
    expect(paragraphs(written)).toEqual(first);
    expect(toMarkdown(parseMarkdown('plan.md', written))).toBe(written);
  });
});
