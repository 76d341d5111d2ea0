import { attachmentLines } from '../../../src/document/attachments.js';
import { describe, it, expect } from 'vitest';
import JSZip from 'jszip';
import type { Block, PlanDocument } from '../../../src/document/model.js';
import { lineText } from '../../../src/document/model.js';
import { writer } from '../../../src/writers/docx/index.js';
import { all, first, kids, maybe, paragraphText, parseXml, resolver, samplePlan, writeAndOpen } from './helpers.js';
import type { Docx, El } from './helpers.js';

let cached: Docx | undefined;
async function sample(): Promise<Docx> {
  cached ??= await writeAndOpen(samplePlan());
  return cached;
}

/** What the body should read, element by element: paragraphs as text, tables as a marker. */
function expectedBody(doc: PlanDocument): string[] {
  const lines: string[] = [doc.meta.title];
  const text = (block: Block): string[] => {
    switch (block.type) {
      case 'heading':
        return [block.number + lineText(block.content)];
      case 'paragraph':
        return [lineText(block.content)];
      case 'table':
        return ['[table]'];
      case 'attachments':
        return attachmentLines(block.titles).map((line) => `${line.label}${line.number}\t${line.title}`);
      case 'signature':
        return [block.org, block.date];
    }
  };
  return [...lines, ...doc.blocks.flatMap(text)];
}

function bodyText(body: El[]): string[] {
  return body.map((el) => (el.name === 'w:tbl' ? '[table]' : paragraphText(el)));
}

function styleOf(p: El): string | undefined {
  return maybe(p, 'w:pStyle')?.attrs['w:val'];
}

describe('docx body text', () => {
  it('reads paragraph by paragraph as the blocks do (heading = number + content)', async () => {
    const body = await (await sample()).body();
    expect(bodyText(body)).toEqual(expectedBody(samplePlan()));
    // Spelled out, so the test does not only agree with its own helper.
    expect(bodyText(body).slice(0, 4)).toEqual([
      '城南实验小学工会2027年工作计划',
      '为进一步发挥学校工会的桥梁纽带作用，结合我校实际，特制定本计划。',
      '一、指导思想',
      '以习近平新时代中国特色社会主义思想为指导，坚持以教职工为中心，全面履行工会各项职能，团结动员广大教职工为学校高质量发展建功立业。',
    ]);
    expect(bodyText(body).slice(-2)).toEqual(['城南实验小学工会', '2027年1月5日']);
  });

  it('gives every paragraph a style: Title, Heading1–4, Normal, Signature, Date', async () => {
    const body = await (await sample()).body();
    const paragraphs = body.filter((el) => el.name === 'w:p');
    expect(paragraphs.map(styleOf)).toEqual([
      'Title',
      'Normal',
      'Heading1',
      'Normal',
      'Heading1',
      'Heading1',
      'Heading2',
      'Normal',
      'Heading3',
      'Normal',
      'Heading4',
      'Normal',
      'Heading1',
      'Signature',
      'Date',
    ]);
    // Paragraphs lean on their styles: no direct indent, spacing or alignment in the body. Only
    // the signature carries its own right indent, which depends on the unit and the date.
    for (const p of paragraphs) {
      const pPr = kids(p, 'w:pPr')[0];
      const style = styleOf(p);
      const expected = style === 'Signature' || style === 'Date' ? ['w:pStyle', 'w:ind'] : ['w:pStyle'];
      expect(pPr?.children.map((child) => child.name)).toEqual(expected);
    }
  });

  it('keeps the title, headings, table cells and signature free of the body indent', async () => {
    const docx = await sample();
    const resolve = await resolver(docx);
    const body = await docx.body();
    for (const p of body.filter((el) => el.name === 'w:p')) {
      const style = styleOf(p);
      const chars = resolve.para(p, 'w:ind', 'w:firstLineChars');
      if (style === 'Title' || style === 'Signature' || style === 'Date') expect(chars, style).toBe('0');
      else expect(chars, style).toBe('200');
    }
    for (const cellParagraph of all(first(await docx.part('word/document.xml'), 'w:body'), 'w:tc').flatMap((tc) => kids(tc, 'w:p'))) {
      expect(resolve.para(cellParagraph, 'w:ind', 'w:firstLineChars')).toBe('0');
      expect(resolve.para(cellParagraph, 'w:ind', 'w:firstLine')).toBe('0');
    }
  });

  it('sets the signature on the right, the date on the line after it', async () => {
    const docx = await sample();
    const resolve = await resolver(docx);
    const body = await docx.body();
    const [unit, date] = body.slice(-2) as [El, El];
    expect(styleOf(unit)).toBe('Signature');
    expect(styleOf(date)).toBe('Date');
    expect(paragraphText(date)).toBe('2027年1月5日');
    for (const p of [unit, date]) expect(resolve.para(p, 'w:jc', 'w:val')).toBe('right');
    // 城南实验小学工会 is 8 characters, 2027年1月5日 6: both two characters from the edge, so that
    // the date starts two characters right of the unit (GB/T 9704 7.3.5.2).
    expect(resolve.para(date, 'w:ind', 'w:right')).toBe('640');
    expect(resolve.para(unit, 'w:ind', 'w:right')).toBe('640');
    expect(resolve.para(unit, 'w:spacing', 'w:before')).toBe('579');
  });

  it('starts the date two characters right of a short unit, the date two characters from the edge (GB/T 9704 7.3.5.2)', async () => {
    const doc = samplePlan();
    doc.blocks = [{ type: 'signature', org: '镇工会', date: '2027年12月25日' }];
    const docx = await writeAndOpen(doc);
    const resolve = await resolver(docx);
    const [unit, date] = (await docx.body()).slice(-2) as [El, El];
    // 镇工会 is 3 characters, the date 7: the unit sits 8 characters in, the date 2.
    expect(resolve.para(unit, 'w:ind', 'w:right')).toBe(String(8 * 320));
    expect(resolve.para(date, 'w:ind', 'w:right')).toBe(String(2 * 320));
  });

  it('keeps bold runs bold and everything else plain', async () => {
    const docx = await sample();
    const resolve = await resolver(docx);
    const body = await docx.body();
    const paragraph = body.find((el) => paragraphText(el).startsWith('完善制度'))!;
    const runs = kids(paragraph, 'w:r');
    const bold = runs.filter((run) => resolve.runOn(paragraph, run, 'w:b')).map((run) => paragraphText({ ...paragraph, children: [run] }));
    expect(bold).toEqual(['重点']);
  });

  it('sets quotes, dashes and ellipses in the Chinese face, in runs of their own', async () => {
    const plan: PlanDocument = {
      meta: { title: '测试' },
      blocks: [
        { type: 'heading', level: 1, number: '一、', content: [{ text: '关于“三八”节' }] },
        { type: 'paragraph', content: [{ text: '开展“职工书屋”活动……2027年—2028年‘微心愿’。' }] },
      ],
    };
    const docx = await writeAndOpen(plan);
    const body = await docx.body();
    const check = (p: El, face: string) => {
      const runs = kids(p, 'w:r');
      const texts = runs.map((run) => paragraphText({ ...p, children: [run] }));
      for (const [index, run] of runs.entries()) {
        const text = texts[index]!;
        const fonts = maybe(run, 'w:rFonts')?.attrs;
        if (/[“”‘’—…]/.test(text)) {
          expect(text, 'ambiguous characters alone in their run').toMatch(/^[“”‘’—…]+$/);
          expect(fonts).toEqual({ 'w:ascii': face, 'w:eastAsia': face, 'w:hAnsi': face, 'w:hint': 'eastAsia' });
        } else {
          // Other text carries no font: it follows its style.
          expect(fonts, text).toBeUndefined();
        }
      }
      return texts;
    };
    expect(check(body[1]!, '黑体')).toEqual(['一、', '关于', '“', '三八', '”', '节']);
    expect(check(body[2]!, '仿宋')).toEqual([
      '开展',
      '“',
      '职工书屋',
      '”',
      '活动',
      '……',
      '2027年',
      '—',
      '2028年',
      '‘',
      '微心愿',
      '’',
      '。',
    ]);
  });

  it('writes <b>&"\' and tabs literally, and line breaks as breaks', async () => {
    const plan: PlanDocument = {
      meta: { title: '<b>标题</b> & "引号"' },
      blocks: [
        { type: 'paragraph', content: [{ text: `a<b>&"'</b>\tb` }] },
        { type: 'paragraph', content: [{ text: '第一行\n第二行' }] },
        { type: 'signature', org: '<script>工会', date: '2027年1月5日' },
      ],
    };
    const docx = await writeAndOpen(plan);
    expect(bodyText(await docx.body())).toEqual([
      '<b>标题</b> & "引号"',
      `a<b>&"'</b>\tb`,
      '第一行\n第二行',
      '<script>工会',
      '2027年1月5日',
    ]);
    const xml = await docx.xml('word/document.xml');
    expect(xml).toContain('a&lt;b&gt;&amp;');
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('<script>');
    expect(all(parseXml(xml), 'w:tab')).toHaveLength(1);
    expect(all(parseXml(xml), 'w:br')).toHaveLength(1);
    expect(docx.warnings).toEqual([]);
    const core = parseXml(await docx.xml('docProps/core.xml'));
    expect(first(core, 'dc:title').children[0]?.text).toBe('<b>标题</b> & "引号"');
  });
});

describe('docx package', () => {
  it('has core properties from the plan: title, creator = org, created = plan date', async () => {
    const core = await (await sample()).part('docProps/core.xml');
    const value = (name: string) =>
      first(core, name)
        .children.map((node) => node.text)
        .join('');
    expect(value('dc:title')).toBe('城南实验小学工会2027年工作计划');
    expect(value('dc:creator')).toBe('城南实验小学工会');
    expect(value('cp:lastModifiedBy')).toBe('城南实验小学工会');
    expect(value('dcterms:created')).toBe('2027-01-05T00:00:00Z');
    expect(value('dcterms:modified')).toBe('2027-01-05T00:00:00Z');
    expect(first(core, 'dcterms:created').attrs['xsi:type']).toBe('dcterms:W3CDTF');
  });

  it('gives the same bytes for the same plan, zip timestamps included', async () => {
    const first = await writer.write(samplePlan());
    const second = await writer.write(samplePlan());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // Without the fix-up every entry would carry the time of writing.
    const zip = await JSZip.loadAsync(first);
    const dates = new Set(Object.values(zip.files).map((file) => file.date.toISOString().slice(0, 10)));
    expect(dates).toEqual(new Set(['2027-01-05']));
  });

  it('leaves the dates out rather than use the clock when the plan has no date', async () => {
    const plan = samplePlan();
    delete plan.meta.date;
    const bytes = await writer.write(plan);
    const docx = await writeAndOpen(plan);
    expect(all(await docx.part('docProps/core.xml'), 'dcterms:created')).toHaveLength(0);
    expect(Buffer.from(await writer.write(plan)).equals(Buffer.from(bytes))).toBe(true);
    const invalid = samplePlan();
    invalid.meta.date = '2027-02-30';
    expect(all(await (await writeAndOpen(invalid)).part('docProps/core.xml'), 'dcterms:created')).toHaveLength(0);
  });

  it('declares writer format and extension', () => {
    expect(writer.format).toBe('docx');
    expect(writer.extension).toBe('.docx');
  });
});
