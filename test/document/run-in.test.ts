import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/document/parse.js';
import { lineText, type Block, type PlanDocument } from '../../src/document/model.js';
import { runInLine } from '../../src/document/run-in.js';
import { toMarkdown } from '../../src/writers/markdown.js';
import { escapeBlock } from '../../src/text/markdown-escape.js';

const FRONT = '---\ntitle: 某校工会2027年工作计划\n';
const plan = (body: string, front = '') => `${FRONT}${front}---\n\n${body}`;

/** The body of the Markdown a document writes, without its front matter. */
const body = (doc: PlanDocument) => toMarkdown(doc).replace(/^---[\s\S]*?---\n\n/, '');

/** The paragraph text a reader sees for each block. */
function shown(blocks: Block[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'heading') return b.runIn ? lineText(runInLine(b)) : `[${b.number}${lineText(b.content)}]`;
    if (b.type === 'paragraph') return lineText(b.content);
    return b.type;
  });
}

/** Parses, writes and parses again: the second document must be the first. */
function roundTrip(text: string): PlanDocument {
  const doc = parseMarkdown('plan.md', text);
  const again = parseMarkdown('again.md', toMarkdown(doc));
  expect(again).toEqual(doc);
  expect(toMarkdown(again)).toBe(toMarkdown(doc));
  return doc;
}

describe('run-in items', () => {
  it('run an item heading into its first paragraph, with 。 after the title', () => {
    const doc = roundTrip(plan('# 主要工作\n\n## 民主管理\n\n### 深化教代会制度建设\n\n坚持每学年召开教代会。\n\n第二段另起。\n'));
    expect(shown(doc.blocks)).toEqual([
      '[一、主要工作]',
      '[（一）民主管理]',
      '1.深化教代会制度建设。坚持每学年召开教代会。',
      '第二段另起。',
    ]);
    expect(body(doc)).toBe('# 一、主要工作\n\n## （一）民主管理\n\n1.深化教代会制度建设。坚持每学年召开教代会。\n\n第二段另起。\n');
  });

  it('add no 。 after a title that ends with punctuation, nor after a title with no text', () => {
    const doc = roundTrip(plan('### 怎样开好教代会？\n\n会前征集提案。\n\n### 做好帮扶\n\n#### 建立档案\n\n逐户走访。\n\n#### 送温暖\n'));
    expect(shown(doc.blocks)).toEqual(['1.怎样开好教代会？会前征集提案。', '2.做好帮扶', '（1）建立档案。逐户走访。', '（2）送温暖']);
  });

  it('read a typed run-in paragraph back as an item, renumbering it', () => {
    const doc = roundTrip(plan('## 维权\n\n3、坚持源头参与。工会主席参加校务会。\n\n（7）做好体检。每年一次。\n'));
    expect(doc.blocks[1]).toMatchObject({
      type: 'heading',
      level: 3,
      number: '1.',
      content: [{ text: '坚持源头参与' }],
      runIn: [{ text: '工会主席参加校务会。' }],
    });
    expect(doc.blocks[2]).toMatchObject({
      type: 'heading',
      level: 4,
      number: '（1）',
      content: [{ text: '做好体检' }],
      runIn: [{ text: '每年一次。' }],
    });
  });

  it('keep a paragraph that only starts with a number a paragraph, once the writer escaped it', () => {
    for (const text of ['1.5倍工资照发。', '1.不是条目。', '2、也不是。', '（1）还不是。', '(2)仍然不是。']) {
      const doc = roundTrip(plan(`### 条目\n\n正文。\n\n${escapeBlock(text)}\n`));
      expect(shown(doc.blocks)).toEqual(['1.条目。正文。', text]);
    }
  });

  it('set the title in bold with itemStyle: run-in-bold, the 。 outside the bold', () => {
    const doc = roundTrip(plan('### 深化教代会制度建设\n\n坚持每学年召开教代会。\n', 'itemStyle: run-in-bold\n'));
    expect(runInLine(doc.blocks[0] as Extract<Block, { type: 'heading' }>)).toEqual([
      { text: '1.深化教代会制度建设', bold: true },
      { text: '。坚持每学年召开教代会。' },
    ]);
    expect(body(doc)).toBe('**1.深化教代会制度建设**。坚持每学年召开教代会。\n');
  });

  it('keep heading lines with itemStyle: heading, and split a typed run-in paragraph into them', () => {
    const doc = roundTrip(
      plan('### 深化教代会制度建设\n\n坚持每学年召开教代会。\n\n2.做好提案办理。会后督促办理。\n', 'itemStyle: heading\n'),
    );
    expect(shown(doc.blocks)).toEqual(['[1.深化教代会制度建设]', '坚持每学年召开教代会。', '[2.做好提案办理]', '会后督促办理。']);
    expect(body(doc)).toBe('### 1.深化教代会制度建设\n\n坚持每学年召开教代会。\n\n### 2.做好提案办理\n\n会后督促办理。\n');
    expect(toMarkdown(doc)).toContain('\nitemStyle: heading\n');
  });

  it('report a bad itemStyle at its line, with the value it most likely meant', () => {
    expect(() => parseMarkdown('plan.md', plan('正文\n', 'itemStyle: run-inn\n'))).toThrow(
      /plan\.md:3:12: .*itemStyle.*“run-inn” 无效，是否想写 run-in（条目标题接排正文，默认）？/,
    );
  });

  it('take an itemStyle by its Chinese name and write it back as its key', () => {
    const doc = parseMarkdown('plan.md', plan('正文\n', 'itemStyle: 单独成行\n'));
    expect(doc.meta.itemStyle).toBe('heading');
    expect(toMarkdown(doc)).toContain('\nitemStyle: heading\n');
  });
});
