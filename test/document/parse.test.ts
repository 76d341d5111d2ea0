import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/document/parse.js';
import { lineText, type Block } from '../../src/document/model.js';
import { toMarkdown } from '../../src/writers/markdown.js';
import { UserError } from '../../src/errors.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

function outline(blocks: Block[]): string[] {
  return blocks.map((b) => {
    // A run-in item shows the text that runs into it after ｜.
    if (b.type === 'heading') return `${'#'.repeat(b.level)}${b.number}${lineText(b.content)}${b.runIn ? `｜${lineText(b.runIn)}` : ''}`;
    if (b.type === 'paragraph') return lineText(b.content);
    if (b.type === 'signature') return `落款:${b.org}/${b.date}`;
    if (b.type === 'attachments') return `附件:${b.titles.join('/')}`;
    return `表格:${b.rows.length}行`;
  });
}

describe('parseMarkdown', () => {
  it('renumbers a hand-edited plan, whatever numbers were typed, and keeps the signature', () => {
    const doc = parseMarkdown('hand-edited.md', fixture('hand-edited/plan.md'));
    expect(doc.meta).toMatchObject({ title: '青山镇总工会2027年工作计划', org: '青山镇总工会', year: 2027, date: '2027-03-01' });
    expect(outline(doc.blocks)).toEqual([
      '#一、指导思想',
      '坚持以职工为中心，围绕全镇经济建设开展工作。',
      '#二、主要工作',
      '##（一）劳动竞赛',
      '###1.开展“安康杯”竞赛｜各企业全员参与。',
      '####（1）制定竞赛方案｜',
      '####（2）组织检查评比｜',
      '###2.合理化建议｜',
      '##（二）维权服务',
      '###1.集体合同｜',
      '1. 签订率达到90%',
      '2. 覆盖率达到95%',
      '#三、具体工作安排',
      '表格:2行',
      '落款:青山镇总工会/2027年3月1日',
    ]);
  });

  it('gives the same document after a round trip through the Markdown writer', () => {
    const doc = parseMarkdown('hand-edited.md', fixture('hand-edited/plan.md'));
    const again = parseMarkdown('again.md', toMarkdown(doc));
    expect(again).toEqual(doc);
    expect(toMarkdown(again)).toBe(toMarkdown(doc));
  });

  it('keeps bold and italic runs', () => {
    const doc = parseMarkdown('t.md', '重点**做好**“*三无*”竞赛。');
    expect(doc.blocks[0]).toEqual({
      type: 'paragraph',
      content: [{ text: '重点' }, { text: '做好', bold: true }, { text: '“' }, { text: '三无', italic: true }, { text: '”竞赛。' }],
    });
  });

  it('takes the signature from the front matter when the body has none', () => {
    const doc = parseMarkdown('t.md', '---\ntitle: 计划\norg: 某镇工会\ndate: 2027-10-08\n---\n正文。\n');
    expect(doc.blocks.at(-1)).toEqual({ type: 'signature', org: '某镇工会', date: '2027年10月8日' });
  });

  it('reports every bad front-matter field with its line in the Markdown file', () => {
    const text = '---\ntitle: 计划\nyear: 二〇二七\nperiod: 全学年\ndate: 2027-13-01\n---\n正文\n';
    let error: UserError | undefined;
    try {
      parseMarkdown('bad.md', text);
    } catch (e) {
      error = e as UserError;
    }
    expect(error).toBeInstanceOf(UserError);
    expect(error!.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 7],
      [4, 9],
      [5, 7],
    ]);
    expect(error!.problems[0]!.message).toContain('“二〇二七”');
    expect(error!.problems[1]!.message).toContain(
      'annual（全年）、first-half（上半年）、second-half（下半年）、first-term（第一学期）、second-term（第二学期）',
    );
    expect(error!.problems[2]!.message).toContain('YYYY-MM-DD');
  });

  it('reports a YAML syntax error in the front matter at its line', () => {
    expect(() => parseMarkdown('bad.md', '---\ntitle: [计划\n---\n正文\n')).toThrow(/bad\.md:\d+:\d+: YAML 语法错误/);
  });

  it('gives each plan its own front matter when two plans share a body (the batch case)', () => {
    const body = '# 指导思想\n\n坚持以职工为中心。\n';
    const a = parseMarkdown('a.md', `---\ntitle: 甲\norg: 甲镇工会\ndate: 2027-01-05\n---\n${body}`);
    const b = parseMarkdown('b.md', `---\ntitle: 乙\norg: 乙街道总工会\nsuperior: 区总工会\ndate: 2027-02-01\n---\n${body}`);
    expect(a.blocks.at(-1)).toEqual({ type: 'signature', org: '甲镇工会', date: '2027年1月5日' });
    expect(b.blocks.at(-1)).toEqual({ type: 'signature', org: '乙街道总工会', date: '2027年2月1日' });
    expect(a.blocks.slice(0, -1)).toEqual(b.blocks.slice(0, -1));
    expect(a.blocks).toHaveLength(3);
  });
});
