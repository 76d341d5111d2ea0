import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { parseMarkdown } from '../../src/document/parse.js';
import { lineText } from '../../src/document/model.js';
import { defaultPlanDate } from '../../src/vocab/dates.js';
import { parseOutline } from '../../src/outline/load.js';
import { periodMonths, toPeriod, type Period } from '../../src/vocab/periods.js';
import { newOutlineFields, newOutlineText } from '../../src/templates/new-outline.js';
import { cutText, defaultsForPeriod } from '../../src/templates/period-filter.js';
import { BUILT_IN_ORDER, TemplateRegistry } from '../../src/templates/registry.js';
import { renderOutline } from '../../src/templates/render.js';
import { monthReferences, outside } from '../../src/text/period-words.js';

const registry = new TemplateRegistry();
const options = { types: BUILT_IN_ORDER, today: new Date(2026, 10, 23) };
const PERIODS: Period[] = ['first-half', 'second-half', 'first-term', 'second-term'];

/** Every string in a value, deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

async function newPlan(type: string, period: Period, year = 2027) {
  const template = await registry.get(type);
  const text = newOutlineText(template, { org: '城南实验小学工会', year, period, date: defaultPlanDate(year, period, options.today) });
  const outline = parseOutline('plan.yaml', text, options);
  const markdown = await renderOutline(outline, template);
  return { text, outline, markdown, doc: parseMarkdown('plan.md', markdown) };
}

describe('periods', () => {
  it('are read in English and Chinese', () => {
    expect(['全年', '上半年', '下半年', '第一学期', '第二学期', 'second-term', ' 上学期 '].map(toPeriod)).toEqual([
      'annual',
      'first-half',
      'second-half',
      'first-term',
      'second-term',
      'second-term',
      'first-term',
    ]);
    expect(toPeriod('半年')).toBeUndefined();
  });

  it('cover their months: a first term from September to January', () => {
    expect(periodMonths('first-term')).toEqual([9, 10, 11, 12, 1]);
    expect(periodMonths('second-term')).toEqual([2, 3, 4, 5, 6, 7]);
    expect(defaultPlanDate(2027, 'first-term', new Date(2028, 0, 10))).toBe('2028-01-10');
    expect(defaultPlanDate(2027, 'first-term', new Date(2027, 5, 10))).toBe('2027-09-01');
    expect(defaultPlanDate(2027, 'second-term', new Date(2026, 10, 23))).toBe('2027-02-01');
  });
});

describe('a term plan', () => {
  it('first-term 2027 is the 2027—2028 school year, its schedule September to January in that order', async () => {
    const { doc, outline } = await newPlan('school', 'first-term');
    expect(doc.meta.title).toBe('城南实验小学工会2027—2028学年第一学期工作计划');
    expect(outline.date).toBe('2027-09-01');
    const table = doc.blocks.filter((b) => b.type === 'table').at(-1)!;
    expect(table.type === 'table' && table.rows.map((row) => lineText(row[0]![0]!))).toEqual(['9月', '10月', '11月', '12月', '1月']);
  });

  it('second-term 2027 is the 2026—2027 school year, February to July', async () => {
    const { doc, outline } = await newPlan('kindergarten', 'second-term');
    expect(doc.meta.title).toBe('城南实验小学工会2026—2027学年第二学期工作计划');
    for (const entry of outline.schedule) for (const m of entry.months) expect(periodMonths('second-term')).toContain(m);
  });
});

// Terms are what schools and kindergartens plan by; the other types plan by year or half-year.
const TERM_TYPES = ['school', 'kindergarten'];

describe.each(BUILT_IN_ORDER)('%s: a half-year or term plan keeps to its months', (type) => {
  it.each(PERIODS.filter((period) => TERM_TYPES.includes(type) || !period.endsWith('-term')))(
    '%s: schedule and body, and check finds nothing outside the period',
    async (period) => {
      const { text, outline, doc } = await newPlan(type, period);
      const allowed = periodMonths(period);
      for (const entry of outline.schedule) for (const m of entry.months) expect(allowed, `${m}月`).toContain(m);
      // Every dated word left in the body lies in the period (the schedule's rows say their month).
      const body = strings([outline.preface, outline.guidance, outline.targets, outline.sections]);
      for (const ref of body.flatMap(monthReferences)) expect(outside(ref, allowed), ref.text).toBe(false);
      expect(doc.blocks.length).toBeGreaterThan(10);
      const findings = checkText('plan.yaml', text, { today: options.today }).filter((f) => f.rule === 'month-outside-period');
      expect(findings).toEqual([]);
    },
  );
});

describe('cutting the defaults to a period', () => {
  const FIRST_HALF = periodMonths('first-half');

  it('leaves out what belongs only to other months: items, sentences, clauses, list entries', async () => {
    const { outline } = await newPlan('school', 'first-half');
    const all = strings(outline.sections).join('\n');
    for (const word of ['暑期', '教师节', '重阳', '国庆', '下半年', '年末', '金秋']) expect(all).not.toContain(word);
    // What is dated in the period stays, and so does the undated rest of a cut sentence.
    expect(all).toContain('春节前走访慰问困难教职工');
    expect(all).toContain('完善困难教职工档案，教职工生病住院等按规定慰问');
    expect(all).toContain('“三八”国际妇女节');
  });

  it('restates targets counted for the whole year', () => {
    const targets = [
      { name: '工会干部学习会议', value: 4, unit: '次', note: '全年不少于' },
      { name: '教职工入会率', value: 100, unit: '%', note: '全年' },
    ];
    const half = defaultsForPeriod({ targets }, 'first-half').targets as Record<string, unknown>[];
    expect(half[0]).toEqual({ name: '工会干部学习会议', value: 2, unit: '次', note: '上半年不少于' });
    expect(half[1]).toMatchObject({ name: '教职工入会率', value: 100 });
    const term = defaultsForPeriod({ targets }, 'first-term').targets as Record<string, unknown>[];
    expect(term[0]?.note).toBe('本学期不少于');
  });

  it('keeps lists to the period’s entries, with their lead-in and tail', () => {
    expect(cutText('围绕元旦、春节、“三八”、“五一”、国庆等重要节日策划主题活动。', periodMonths('second-half'))).toBe(
      '围绕元旦、国庆等重要节日策划主题活动。',
    );
    expect(cutText('组织教师节、重阳节和迎新年活动，让教职工感受温暖。', FIRST_HALF)).toBe('组织迎新年活动，让教职工感受温暖。');
    expect(cutText('深入开展元旦春节送温暖、夏送清凉、金秋助学等活动。', periodMonths('second-term'))).toBe('深入开展夏送清凉等活动。');
    expect(cutText('上半年举办比赛，下半年举办运动会，增强凝聚力。', FIRST_HALF)).toBe('上半年举办比赛，增强凝聚力。');
    // A sentence, and then a paragraph, that belongs only to other months goes as a whole.
    expect(cutText('第一段。暑期组织疗休养。\n\n开展读书活动，年末评选先进。\n', FIRST_HALF)).toBe('第一段。\n');
  });

  it('lets an item’s months: decide over its words', () => {
    const defaults = {
      sections: [
        {
          title: '板块',
          items: [
            { title: '读书活动', text: '评选读书先进。', months: [12] },
            { title: '暑期安排', text: '组织暑期疗休养。', months: [6, 7] },
            { title: '日常工作', text: '做好日常工作。' },
          ],
        },
      ],
    };
    const cut = defaultsForPeriod(defaults, 'first-half') as typeof defaults;
    expect(cut.sections[0]!.items.map((item) => item.title)).toEqual(['暑期安排', '日常工作']);
  });

  it('leaves a whole-year plan as it is (in a year with nothing expected in it)', async () => {
    const template = await registry.get('school');
    const fields = newOutlineFields(template, { org: '某校工会', year: 2026, period: 'annual', date: '2026-01-05' });
    expect(fields.sections).toEqual(template.meta.defaults.sections);
    expect(fields.schedule).toEqual(template.meta.defaults.schedule);
  });
});
