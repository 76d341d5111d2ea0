import { describe, expect, it } from 'vitest';
import { escapeBlock, escapeCell, escapeInline, joinLines, splitParagraphs } from '../../src/text/markdown-escape.js';
import { parseMarkdown } from '../../src/document/parse.js';
import { lineText, type ParagraphBlock, type TableBlock, type HeadingBlock } from '../../src/document/model.js';

const TRICKY = [
  '*不是强调*',
  '**也不是粗体**',
  '# 不是标题',
  '[链接](http://example.com)',
  '{{org}} 和 {{#each x}}',
  '<b>粗体</b> & &amp;',
  '1. 不是列表',
  '- 不是列表',
  '+ 也不是',
  '> 不是引用',
  '`代码`',
  '~~删除~~',
  'a_b_c',
  '\\反斜杠\\',
  '感叹号![图](x.png)',
  '===',
  '---',
  '#',
  'www.example.com',
  'x | y',
  '竖线|在中间',
];

function paragraphs(markdown: string): string[] {
  return parseMarkdown('t.md', markdown)
    .blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph')
    .map((b) => lineText(b.content));
}

describe('escaping keeps user text literal through remark', () => {
  it.each(TRICKY)('paragraph %s', (text) => {
    expect(paragraphs(escapeBlock(text))).toEqual([text]);
  });

  // A heading that starts with a typed number (1. …) loses it: numbers are generated. See numbering tests.
  it.each(TRICKY.filter((t) => !/^\d+\./.test(t)))('heading %s', (text) => {
    const doc = parseMarkdown('t.md', `## ${escapeInline(text)}`);
    const heading = doc.blocks[0] as HeadingBlock;
    expect(lineText(heading.content)).toBe(text);
  });

  it.each(TRICKY)('table cell %s', (text) => {
    const doc = parseMarkdown('t.md', `| a |\n| --- |\n| ${escapeCell(text)} |`);
    const table = doc.blocks[0] as TableBlock;
    expect(lineText(table.rows[0]![0]![0]!)).toBe(text);
  });

  it('splits paragraphs at blank lines and joins broken lines without spaces', () => {
    expect(splitParagraphs('发挥教代会在民主管理中\n的作用。\n\n第二段')).toEqual(['发挥教代会在民主管理中的作用。', '第二段']);
    expect(joinLines('Times\nNew Roman')).toBe('Times New Roman');
  });

  it('turns line breaks in a cell into <br>', () => {
    expect(escapeCell('第一行\n第二行')).toBe('第一行<br>第二行');
  });
});
