import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/outline/load.js';
import { parseMarkdown } from '../../src/document/parse.js';
import { lineText, type PlanDocument } from '../../src/document/model.js';
import { TemplateRegistry, BUILT_IN_ORDER } from '../../src/templates/registry.js';
import { renderOutline } from '../../src/templates/render.js';
import { newOutlineText } from '../../src/templates/new-outline.js';
import { monthLabel } from '../../src/templates/view.js';

const registry = new TemplateRegistry();
const options = { types: BUILT_IN_ORDER, today: new Date(2026, 10, 23) };

async function render(yaml: string): Promise<{ markdown: string; doc: PlanDocument }> {
  const outline = parseOutline('plan.yaml', yaml, options);
  const markdown = await renderOutline(outline, await registry.get(outline.type));
  return { markdown, doc: parseMarkdown('plan.md', markdown) };
}

/** Every piece of text in the document, in order. */
function texts(doc: PlanDocument): string[] {
  return doc.blocks.flatMap((b) => {
    if (b.type === 'heading') return [lineText(b.content), ...(b.runIn?.length ? [lineText(b.runIn)] : [])];
    if (b.type === 'paragraph') return [lineText(b.content)];
    if (b.type === 'signature') return [b.org, b.date];
    if (b.type === 'attachments') return b.titles;
    return [...b.header, ...b.rows.flat()].flatMap((cell) => cell.map(lineText));
  });
}

describe('renderOutline', () => {
  const EVIL = ['*星号*', '# 井号', '[a](b)', '{{org}}', '{{#each sections}}x{{/each}}', '<b>粗</b>', 'a|b', '`c`', '\\n', '&amp;'];

  it('keeps Markdown and Handlebars syntax in every field literal', async () => {
    const q = (s: string) => JSON.stringify(s);
    const yaml = [
      'type: school',
      `org: ${q(`工会${EVIL[0]}`)}`,
      `title: ${q(EVIL.join(' '))}`,
      `preface: ${q(EVIL[1]!)}`,
      `guidance: ${q(EVIL[2]!)}`,
      'targets:',
      `  - name: ${q(EVIL[6]!)}`,
      `    value: ${q(EVIL[3]!)}`,
      `    note: ${q(EVIL[7]!)}`,
      'sections:',
      `  - title: ${q(EVIL[4]!)}`,
      `    intro: ${q(EVIL[5]!)}`,
      '    items:',
      `      - title: ${q(EVIL[8]!)}`,
      `        text: ${q(EVIL[9]!)}`,
      `      - ${q('- 列表？')}`,
      'schedule:',
      '  - month: 3',
      `    items: [${q('<br>不是换行')}, ${q('|竖线|')}]`,
      `    owner: ${q('{{owner}}')}`,
      // A second owner, so that the owner column is there (one owner for every row needs none).
      '  - month: 4',
      '    items: [换届]',
      '    owner: 女职工委员会',
    ].join('\n');
    const { doc } = await render(yaml);
    expect(doc.meta.title).toBe(EVIL.join(' '));
    expect(doc.meta.org).toBe(`工会${EVIL[0]}`);
    const all = texts(doc);
    for (const text of [
      EVIL[1],
      EVIL[2],
      EVIL[4],
      EVIL[5],
      EVIL[6],
      EVIL[3],
      EVIL[7],
      EVIL[8],
      EVIL[9],
      '- 列表？',
      '1.<br>不是换行',
      '2.|竖线|',
      '{{owner}}',
      `工会${EVIL[0]}`,
    ]) {
      expect(all).toContain(text);
    }
  });

  it('names the period in the title and keeps the schedule a table', async () => {
    const { doc, markdown } = await render(
      'type: kindergarten\norg: 阳光幼儿园工会\nyear: 2027\nperiod: first-half\nschedule:\n  - months: [7, 8]\n    items: [暑期疗休养]\n  - month: 3\n    items: [三八节活动, 教代会]\n    owner: 女工委员会\n',
    );
    expect(doc.meta.title).toBe('阳光幼儿园工会2027年上半年工作计划');
    expect(markdown).toContain('| 月份 | 工作内容 | 责任部门 |');
    // Sorted by month; several items are numbered inside their cell.
    expect(markdown).toContain('| 3月 | 1.三八节活动<br>2.教代会 | 女工委员会 |\n| 7—8月 | 暑期疗休养 |  |');
  });

  it('shows the 责任部门 column only when owners differ from row to row', async () => {
    const same = await render(
      'type: town\norg: 镇工会\nyear: 2027\nschedule:\n  - month: 3\n    items: [教代会]\n    owner: 工会委员会\n  - month: 4\n    items: [劳动竞赛]\n    owner: 工会委员会\n',
    );
    expect(same.markdown).toContain('| 月份 | 工作内容 |\n| --- | --- |\n| 3月 | 教代会 |\n| 4月 | 劳动竞赛 |');
    const differ = await render(
      'type: town\norg: 镇工会\nyear: 2027\nschedule:\n  - month: 3\n    items: [教代会]\n    owner: 工会委员会\n  - month: 4\n    items: [劳动竞赛]\n',
    );
    expect(differ.markdown).toContain(
      '| 月份 | 工作内容 | 责任部门 |\n| --- | --- | --- |\n| 3月 | 教代会 | 工会委员会 |\n| 4月 | 劳动竞赛 |  |',
    );
  });

  it('leaves out the tables and headings of what the outline does not have', async () => {
    const { doc } = await render('type: audit\norg: 某工会经审会\nyear: 2027\ndate: 2027-02-01\n');
    expect(doc.blocks).toEqual([{ type: 'signature', org: '某工会经审会', date: '2027年2月1日' }]);
  });

  it('numbers levels one to four in order', async () => {
    const { doc } = await render(
      'type: town\norg: 镇工会\nyear: 2027\nguidance: 指导\nsections:\n  - title: 甲\n    items:\n      - title: 子一\n        items:\n          - title: 孙一\n          - title: 孙二\n      - title: 子二\n  - title: 乙\n    items: [文字]\n',
    );
    const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => `${b.number}${lineText(b.content)}`);
    expect(headings).toEqual(['一、指导思想', '二、主要工作', '（一）甲', '1.子一', '（1）孙一', '（2）孙二', '2.子二', '（二）乙']);
  });
});

describe('monthLabel', () => {
  it('writes single months, spans and lists', () => {
    expect(monthLabel([3])).toBe('3月');
    expect(monthLabel([8, 7])).toBe('7—8月');
    expect(monthLabel([3, 5])).toBe('3月、5月');
  });
});

describe('newOutlineText', () => {
  it.each(BUILT_IN_ORDER)('%s: writes an outline that loads and cuts the schedule to the period', async (type) => {
    const template = await registry.get(type);
    const text = newOutlineText(template, { org: '测试工会', year: 2027, period: 'second-half', date: '2027-07-01' });
    expect(text).toContain('# 工会全称');
    const outline = parseOutline('plan.yaml', text, options);
    expect(outline).toMatchObject({ type, org: '测试工会', year: 2027, period: 'second-half', date: '2027-07-01' });
    expect(outline.schedule.length).toBeGreaterThan(0);
    for (const entry of outline.schedule) expect(entry.months.some((m) => m >= 7)).toBe(true);
    expect(outline.sections.length).toBeGreaterThanOrEqual(4);
  });
});
