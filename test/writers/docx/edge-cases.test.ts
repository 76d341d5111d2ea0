import { describe, it, expect } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { all, first, kids, maybe, paragraphText, parseXml, samplePlan, writeAndOpen } from './helpers.js';

/** Every XML part of the package parses, and none holds a character XML 1.0 forbids. */
async function expectWellFormed(docx: Awaited<ReturnType<typeof writeAndOpen>>): Promise<void> {
  for (const path of docx.files.filter((name) => /\.(xml|rels)$/.test(name))) {
    const xml = await docx.xml(path);
    expect(xml, path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(() => parseXml(xml), path).not.toThrow();
  }
  expect(docx.files).toContain('word/document.xml');
  expect(docx.files).toContain('[Content_Types].xml');
}

describe('docx edge cases', () => {
  it('breaks a very long title into balanced lines inside one Title paragraph', async () => {
    const title = '城南区教育工会城南实验小学工会委员会2027年度第一学期工作计划';
    const docx = await writeAndOpen({ meta: { title }, blocks: [] });
    await expectWellFormed(docx);
    const body = await docx.body();
    expect(body).toHaveLength(1);
    const p = body[0]!;
    expect(first(p, 'w:pStyle').attrs['w:val']).toBe('Title');
    expect(all(p, 'w:br')).toHaveLength(1);
    expect(paragraphText(p)).toBe('城南区教育工会城南实验小学工会委员会\n2027年度第一学期工作计划');
    // The core properties keep the title as one string.
    expect(first(await docx.part('docProps/core.xml'), 'dc:title').children[0]?.text).toBe(title);
  });

  it('writes a valid document with no title and no blocks', async () => {
    const docx = await writeAndOpen({ meta: { title: '' }, blocks: [] });
    await expectWellFormed(docx);
    const body = await docx.body();
    expect(body).toHaveLength(1);
    expect(body[0]!.name).toBe('w:p');
    expect(paragraphText(body[0]!)).toBe('');
    expect(all(await docx.part('word/document.xml'), 'w:sectPr')).toHaveLength(1);
    const core = await docx.part('docProps/core.xml');
    expect(maybe(core, 'dc:title')).toBeUndefined();
    expect(maybe(core, 'dc:creator')).toBeUndefined();
    expect(docx.warnings).toEqual([]);
  });

  it('writes a plan without tables with no table in it', async () => {
    const plan = samplePlan();
    plan.blocks = plan.blocks.filter((block) => block.type !== 'table');
    const docx = await writeAndOpen(plan);
    await expectWellFormed(docx);
    const body = await docx.body();
    expect(all(await docx.part('word/document.xml'), 'w:tbl')).toHaveLength(0);
    expect(body.every((el) => el.name === 'w:p')).toBe(true);
    expect(body).toHaveLength(15); // title + 12 headings and paragraphs + unit + date
    expect(paragraphText(body.at(-1)!)).toBe('2027年1月5日');
  });

  it('drops characters XML cannot hold and says where, in Chinese', async () => {
    const plan: PlanDocument = {
      meta: { title: '城南\u0001工会计划', org: '城南\u0002工会', date: '2027-01-05' },
      blocks: [
        { type: 'paragraph', content: [{ text: '第一段' }] },
        { type: 'heading', level: 1, number: '一、', content: [{ text: '指导\u000b思想' }] },
        { type: 'heading', level: 2, number: '（一）', content: [{ text: '加强\uFFFE民主管理' }, { text: '工作\u0007', bold: true }] },
        { type: 'paragraph', content: [{ text: '坏的\uD800代理' }, { text: '和\uFFFF' }] },
        { type: 'paragraph', content: [{ text: '保留\t制表符和表情😀' }] },
        {
          type: 'table',
          header: [[[{ text: '序号' }]], [[{ text: '内容' }]]],
          rows: [[[[{ text: '1\u0008' }]], [[{ text: '好' }], [{ text: '坏\u001F' }]]]],
        },
        { type: 'signature', org: '城南\u0002工会', date: '2027年1月5日\u0000' },
      ],
    };
    const docx = await writeAndOpen(plan);
    await expectWellFormed(docx);
    expect(docx.warnings.map((warning) => warning.message)).toEqual([
      '标题含有控制字符或无效字符（U+0001），已删除',
      '第1个标题“一、指导思想”含有控制字符或无效字符（U+000B），已删除',
      '第2个标题“（一）加强民主管理工作”含有控制字符或无效字符（U+FFFE、U+0007），已删除',
      '第2段含有控制字符或无效字符（U+D800、U+FFFF），已删除',
      '第1个表格第2行第1列含有控制字符或无效字符（U+0008），已删除',
      '第1个表格第2行第2列含有控制字符或无效字符（U+001F），已删除',
      '落款单位含有控制字符或无效字符（U+0002），已删除',
      '落款日期含有控制字符或无效字符（U+0000），已删除',
    ]);
    const text = (await docx.body()).map((el) =>
      el.name === 'w:tbl'
        ? kids(el, 'w:tr')
            .map((tr) =>
              kids(tr, 'w:tc')
                .map((tc) => kids(tc, 'w:p').map(paragraphText).join('/'))
                .join('|'),
            )
            .join('\n')
        : paragraphText(el),
    );
    expect(text).toEqual([
      '城南工会计划',
      '第一段',
      '一、指导思想',
      '（一）加强民主管理工作',
      '坏的代理和',
      '保留\t制表符和表情😀',
      '序号|内容\n1|好/坏',
      '城南工会',
      '2027年1月5日',
    ]);
    // The bold run survives cleaning.
    const heading2 = (await docx.body())[3]!;
    const boldRun = kids(heading2, 'w:r').find((run) => maybe(run, 'w:b'));
    expect(boldRun && paragraphText({ ...heading2, children: [boldRun] })).toBe('工作');
    const core = await docx.part('docProps/core.xml');
    expect(first(core, 'dc:title').children[0]?.text).toBe('城南工会计划');
    expect(first(core, 'dc:creator').children[0]?.text).toBe('城南工会');
  });

  it('keeps a quote in a long heading warning short', async () => {
    const docx = await writeAndOpen({
      meta: { title: 'T' },
      blocks: [{ type: 'heading', level: 3, number: '1.', content: [{ text: '一二三四五六七八九十一二三四五\u0001' }] }],
    });
    expect(docx.warnings.map((warning) => warning.message)).toEqual([
      '第1个标题“1.一二三四五六七八九十…”含有控制字符或无效字符（U+0001），已删除',
    ]);
  });

  it('writes without a warn callback', async () => {
    const { writer } = await import('../../../src/writers/docx/index.js');
    const bytes = await writer.write({ meta: { title: '\u0001' }, blocks: [] });
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});
