/**
 * The 公文 elements in the DOCX: the sealed 落款, the 附件说明, the notice with its red 版头 and
 * its 版记, titles that keep the unit's name whole, and text set close (no Chinese–Latin gap).
 */
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { parseMarkdown } from '../../../src/document/parse.js';
import { toMarkdown } from '../../../src/writers/markdown.js';
import { all, first, kids, paragraphText, resolver, samplePlan, writeAndOpen, type El } from './helpers.js';

/** The sample plan with front matter additions, through Markdown as a user's plan.md would be. */
function planWith(meta: Partial<PlanDocument['meta']>): PlanDocument {
  const doc = samplePlan();
  doc.blocks = doc.blocks.filter((block) => block.type !== 'signature');
  doc.meta = { ...doc.meta, ...meta };
  return parseMarkdown('plan.md', toMarkdown(doc));
}

const styleOf = (p: El) => kids(kids(p, 'w:pPr')[0] ?? { name: '', attrs: {}, children: [] }, 'w:pStyle')[0]?.attrs['w:val'];

describe('DOCX: 公文 elements', () => {
  it('sets the sealed 落款: date four characters in, the unit centred on it, two blank lines above', async () => {
    const docx = await writeAndOpen(planWith({ seal: true }));
    const resolve = await resolver(docx);
    const [unit, date] = (await docx.body()).slice(-2) as [El, El];
    expect(paragraphText(unit)).toBe('城南实验小学工会');
    expect(paragraphText(date)).toBe('2027年1月5日');
    // 8 characters over a date of 6: the date 4 in, the unit 4 + (6 − 8) / 2 = 3 in (320 twips a character).
    expect(resolve.para(date, 'w:ind', 'w:right')).toBe(String(4 * 320));
    expect(resolve.para(unit, 'w:ind', 'w:right')).toBe(String(3 * 320));
    expect(resolve.para(unit, 'w:spacing', 'w:before')).toBe(String(2 * 579));
  });

  it('writes the attachments after the body, numbered, before the 落款, kept with it', async () => {
    const docx = await writeAndOpen(planWith({ attachments: ['城南实验小学工会2027年重点工作分解表', '教职工代表大会提案汇总表'] }));
    const body = await docx.body();
    const texts = body.filter((el) => el.name === 'w:p').map(paragraphText);
    const at = texts.indexOf('附件：1.\t城南实验小学工会2027年重点工作分解表');
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at + 1)).toEqual(['2.\t教职工代表大会提案汇总表', '城南实验小学工会', '2027年1月5日']);
    const resolve = await resolver(docx);
    const paragraphs = body.filter((el) => el.name === 'w:p');
    const first = paragraphs[paragraphs.length - 4]!;
    const second = paragraphs[paragraphs.length - 3]!;
    // “附件：” starts two characters in; the names line up after the number, at 2 + 3 + 1 characters.
    expect(resolve.para(first, 'w:ind', 'w:left')).toBe(String(6 * 320));
    expect(resolve.para(first, 'w:ind', 'w:hanging')).toBe(String(4 * 320));
    expect(resolve.para(second, 'w:ind', 'w:hanging')).toBe(String(1 * 320));
    expect(resolve.para(first, 'w:spacing', 'w:before')).toBe('579');
    for (const p of [first, second]) expect(kids(kids(p, 'w:pPr')[0]!, 'w:keepNext')).toHaveLength(1);
  });

  it('writes one attachment without a number', async () => {
    const docx = await writeAndOpen(planWith({ attachments: ['重点工作分解表'] }));
    const texts = (await docx.body()).filter((el) => el.name === 'w:p').map(paragraphText);
    expect(texts).toContain('附件：重点工作分解表');
  });

  it('keeps the text before the 落款 with it: keep-with-next on the last paragraph, or every row of a short last table', async () => {
    const docx = await writeAndOpen(samplePlan());
    const body = await docx.body();
    const table = body.filter((el) => el.name === 'w:tbl').at(-1)!;
    const cellParagraphs = all(table, 'w:p');
    expect(cellParagraphs.length).toBeGreaterThan(3);
    for (const p of cellParagraphs) expect(kids(kids(p, 'w:pPr')[0]!, 'w:keepNext')).toHaveLength(1);
    const doc = samplePlan();
    doc.blocks.splice(doc.blocks.length - 1, 0, { type: 'paragraph', content: [{ text: '最后一段。' }] });
    const paragraphs = (await (await writeAndOpen(doc)).body()).filter((el) => el.name === 'w:p');
    const last = paragraphs.find((p) => paragraphText(p) === '最后一段。')!;
    expect(kids(kids(last, 'w:pPr')[0]!, 'w:keepNext')).toHaveLength(1);
  });

  it('keeps only the last row of a long last table with the 落款, so that it does not start a page of its own', async () => {
    const doc = samplePlan();
    const schedule = doc.blocks.filter((block) => block.type === 'table').at(-1)!;
    if (schedule.type !== 'table') throw new Error('no table');
    // A year's schedule: twelve months of two items each, some 30 lines of table text.
    schedule.rows = Array.from({ length: 12 }, (_, i) => [
      [[{ text: `${i + 1}月` }]],
      [[{ text: '1.开展职工思想政治引领和宣传教育活动' }], [{ text: '2.做好困难职工帮扶和送温暖工作' }]],
      [[{ text: '工会委员会' }]],
    ]);
    const table = (await (await writeAndOpen(doc)).body()).filter((el) => el.name === 'w:tbl').at(-1)!;
    const keeps = kids(table, 'w:tr').map((tr) => all(tr, 'w:p').every((p) => kids(kids(p, 'w:pPr')[0]!, 'w:keepNext').length === 1));
    expect(keeps).toEqual([...Array(12).fill(false), true]);
    for (const tr of kids(table, 'w:tr').slice(0, -1)) {
      for (const p of all(tr, 'w:p')) expect(kids(kids(p, 'w:pPr')[0]!, 'w:keepNext')).toHaveLength(0);
    }
  });

  it('sets Chinese and Latin close and keeps the title off the document grid', async () => {
    const docx = await writeAndOpen(samplePlan());
    const normal = first(await docx.style('Normal'), 'w:pPr');
    expect(first(normal, 'w:autoSpaceDE').attrs['w:val']).toBe('0');
    expect(first(normal, 'w:autoSpaceDN').attrs['w:val']).toBe('0');
    expect(first(first(await docx.style('Title'), 'w:pPr'), 'w:snapToGrid').attrs['w:val']).toBe('0');
  });

  it.each([['东湖街道幸福里社区工会联合会'], ['华东精密机械股份有限公司工会委员会'], ['城南区总工会经费审查委员会']])(
    'keeps %s whole in the title',
    async (org) => {
      const doc = samplePlan();
      doc.meta.org = org;
      doc.meta.title = `${org}2027年上半年工作计划`;
      const title = (await (await writeAndOpen(doc)).body())[0]!;
      expect(styleOf(title)).toBe('Title');
      expect(paragraphText(title).split('\n')[0]).toBe(org);
    },
  );

  it('wraps the plan in a notice: red 版头, 发文字号 over a red line, title, 主送, 落款, the plan on a new page, 版记', async () => {
    const docx = await writeAndOpen(
      planWith({
        kind: 'points',
        title: '城南实验小学工会2027年工作要点',
        notice: { number: '城南教工〔2027〕3号', to: '各年级组工会小组', cc: '城南区教育工会' },
      }),
    );
    const body = await docx.body();
    const texts = body.map((el) => (el.name === 'w:p' ? paragraphText(el) : '[table]'));
    expect(texts.slice(0, 7)).toEqual([
      '城南实验小学工会文件',
      '城南教工〔2027〕3号',
      '关于印发《城南实验小学工会\n2027年工作要点》的通知',
      '各年级组工会小组：',
      '现将《城南实验小学工会2027年工作要点》印发给你们，请结合实际认真贯彻落实。',
      '城南实验小学工会',
      '2027年1月5日',
    ]);
    const [authority, number] = body as [El, El];
    expect(first(authority, 'w:color').attrs['w:val']).toBe('E60012');
    const rule = first(first(number, 'w:pBdr'), 'w:bottom');
    expect(rule.attrs['w:color']).toBe('E60012');
    // The plan follows on a page of its own, and has no 落款 of its own: the notice's is its.
    const planTitle = body[7]!;
    expect(paragraphText(planTitle)).toBe('城南实验小学工会2027年工作要点');
    expect(kids(kids(planTitle, 'w:pPr')[0]!, 'w:pageBreakBefore')).toHaveLength(1);
    expect(texts.filter((text) => text === '城南实验小学工会')).toHaveLength(1);
    // The 版记, last: a table floated to the foot of the page, thick rules above and below.
    const record = body.filter((el) => el.name === 'w:tbl').at(-1)!;
    expect(all(record, 'w:tblpPr')).toHaveLength(1);
    expect(all(record, 'w:p').map(paragraphText)).toEqual(['抄送：城南区教育工会。', '城南实验小学工会办公室\t2027年1月5日印发']);
    const borders = first(record, 'w:tcBorders');
    expect(first(borders, 'w:top').attrs['w:sz']).toBe('8');
    expect(first(borders, 'w:bottom').attrs['w:sz']).toBe('8');
  });
});
