import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/import/import-plan.js';
import { typedNumber } from '../../src/import/number-forms.js';
import { TODAY, markdownOf, registry } from './helpers.js';

const CN = ['一', '二', '三'];

/** The number `n` (1-based) written in a form. */
function numbered(form: string, n: number): string {
  const cn = CN[n - 1]!;
  const forms: Record<string, string> = {
    '一、': `${cn}、`,
    '（一）': `（${cn}）`,
    '(一)': `(${cn})`,
    '(一)、': `(${cn})、`,
    '第一、': `第${cn}、`,
    '1、': `${n}、`,
    '1.': `${n}.`,
    '1．': `${n}．`,
    '（1）': `（${n}）`,
    '(1)': `(${n})`,
    '①': '①②③'[n - 1]!,
  };
  return forms[form]!;
}

const FORMS = ['一、', '（一）', '(一)', '(一)、', '第一、', '1、', '1.', '1．', '（1）', '(1)', '①'];

async function docx(paragraphs: Paragraph[], numbering?: ConstructorParameters<typeof Document>[0]['numbering']): Promise<Uint8Array> {
  const doc = new Document({ ...(numbering ? { numbering } : {}), sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const plain = (text: string) => new Paragraph({ text });

/** Two sections of two items each, the sections numbered in one form and the items in another. */
function typedPlan(sectionForm: string, itemForm: string): Paragraph[] {
  return [
    new Paragraph({ text: '城南实验小学工会2025年工作计划', heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    plain('为做好今年的工会工作，特制定本计划。'),
    plain(`${numbered(sectionForm, 1)}加强思想政治引领`),
    plain('坚持把思想政治引领放在首位。'),
    plain(`${numbered(itemForm, 1)}组织政治学习`),
    plain('每月组织一次集中学习。'),
    plain(`${numbered(itemForm, 2)}开展师德教育`),
    plain('每学期开展师德师风评议。'),
    plain(`${numbered(sectionForm, 2)}推进民主管理`),
    plain(`${numbered(itemForm, 1)}开好教代会`),
    plain(`${numbered(itemForm, 2)}深化校务公开`),
    plain('城南实验小学工会'),
    plain('二〇二五年一月八日'),
  ];
}

describe('typed numbering: every form is found, mapped by order and stripped', () => {
  it.each(FORMS)('%s is read as a number of its own form', (form) => {
    const found = typedNumber(`${numbered(form, 2)}推进民主管理`);
    expect(found?.form).toBe(typedNumber(`${numbered(form, 1)}x`)?.form);
    expect(found?.rest).toBe('推进民主管理');
  });

  it.each(FORMS)('sections numbered %s, items in another form', async (form) => {
    const itemForm = form === '（1）' || form === '(1)' ? '①' : '（1）';
    const result = await importPlan(await docx(typedPlan(form, itemForm)), 'plan.docx', { registry, today: TODAY });
    const { outline } = result;
    expect(outline.sections.map((s) => s.title)).toEqual(['加强思想政治引领', '推进民主管理']);
    expect(outline.sections[0]!.intro).toBe('坚持把思想政治引领放在首位。');
    expect(outline.sections[0]!.items).toEqual([
      { title: '组织政治学习', text: '每月组织一次集中学习。' },
      { title: '开展师德教育', text: '每学期开展师德师风评议。' },
    ]);
    expect(outline.sections[1]!.items.map((i) => i.title)).toEqual(['开好教代会', '深化校务公开']);
    expect(outline.preface).toBe('为做好今年的工会工作，特制定本计划。');
    expect(outline.org).toBe('城南实验小学工会');
    expect(outline.year).toBe(2026);
    // The numbers are generated again, never kept as typed.
    const markdown = await markdownOf(result.yaml);
    expect(markdown).toContain('\n## 加强思想政治引领\n');
    expect(markdown).toContain('\n### 开展师德教育\n');
    expect(markdown).not.toContain(`${numbered(form, 1)}加强`);
  });

  it.each(FORMS.filter((f) => f !== '一、'))('items numbered %s under 一、 sections', async (form) => {
    const { outline } = await importPlan(await docx(typedPlan('一、', form)), 'plan.docx', { registry, today: TODAY });
    expect(outline.sections.map((s) => s.items.map((i) => i.title))).toEqual([
      ['组织政治学习', '开展师德教育'],
      ['开好教代会', '深化校务公开'],
    ]);
  });
});

describe('Word automatic numbering (w:numPr) and heading styles', () => {
  it('reads the levels from numbering.xml and drops the generated numbers', async () => {
    const numbering = {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
            { level: 2, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%3' },
          ],
        },
      ],
    };
    const at = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'plan', level } });
    const bytes = await docx(
      [
        new Paragraph({ text: '青山镇工会2025年工作计划', heading: HeadingLevel.TITLE }),
        at('加强思想政治引领', 0),
        at('组织政治学习', 1),
        plain('每月组织一次集中学习。'),
        at('学习党章', 2),
        at('学习工会法', 2),
        at('开展劳动竞赛', 1),
        at('维护职工权益', 0),
        at('推进集体协商', 1),
      ],
      numbering,
    );
    const { outline } = await importPlan(bytes, 'plan.docx', { registry, today: TODAY });
    expect(outline.type).toBe('town');
    expect(outline.sections.map((s) => s.title)).toEqual(['加强思想政治引领', '维护职工权益']);
    expect(outline.sections[0]!.items).toEqual([
      { title: '组织政治学习', text: '每月组织一次集中学习。', items: [{ title: '学习党章' }, { title: '学习工会法' }] },
      { title: '开展劳动竞赛' },
    ]);
    expect(outline.sections[1]!.items).toEqual([{ title: '推进集体协商' }]);
  });

  it('takes headings made with Word heading styles, typed numbers stripped, and tables of targets and months', async () => {
    const row = (...cells: string[]) => new TableRow({ children: cells.map((text) => new TableCell({ children: [plain(text)] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '城南机械有限公司工会2025年上半年工作计划', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '一、指导思想', heading: HeadingLevel.HEADING_1 }),
            plain('以职工为中心。'),
            new Paragraph({ text: '二、工作目标', heading: HeadingLevel.HEADING_1 }),
            new Table({
              rows: [
                row('序号', '指标', '目标值', '说明'),
                row('1', '职工入会率', '98%', '新职工及时入会'),
                row('2', '职工培训', '12场', ''),
              ],
            }),
            new Paragraph({ text: '三、安全生产', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '1.开展安康杯竞赛', heading: HeadingLevel.HEADING_2 }),
            plain('全年开展一次。'),
            new Paragraph({ text: '四、具体工作安排', heading: HeadingLevel.HEADING_1 }),
            new Table({
              rows: [row('月份', '工作内容', '责任部门'), row('3月', '庆祝三八节；女职工体检', '女工委'), row('7—8月', '送清凉', '工会')],
            }),
          ],
        },
      ],
    });
    const { outline } = await importPlan(new Uint8Array(await Packer.toBuffer(doc)), 'plan.docx', { registry, today: TODAY });
    expect(outline.period).toBe('first-half');
    expect(outline.type).toBe('enterprise');
    expect(outline.guidance).toBe('以职工为中心。');
    expect(outline.targets).toEqual([
      { name: '职工入会率', value: 98, unit: '%', note: '新职工及时入会' },
      { name: '职工培训', value: 12, unit: '场' },
    ]);
    expect(outline.sections).toEqual([
      { kind: expect.any(String), title: '安全生产', items: [{ title: '开展安康杯竞赛', text: '全年开展一次。' }] },
    ]);
    expect(outline.schedule).toEqual([
      { months: [3], items: ['庆祝三八节', '女职工体检'], owner: '女工委' },
      { months: [7, 8], items: ['送清凉'], owner: '工会' },
    ]);
  });
});
