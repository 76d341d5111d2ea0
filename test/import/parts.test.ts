import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { signatureDate } from '../../src/import/head.js';
import { YearRoller } from '../../src/import/roll-forward.js';
import { importPlan } from '../../src/import/import-plan.js';
import { scheduleFromLines } from '../../src/import/schedule.js';
import { parseTargetClause, targetsFromText } from '../../src/import/targets.js';
import { BUILT_IN_ORDER } from '../../src/templates/registry.js';
import { commentedOutlineText, newOutlineFields } from '../../src/templates/new-outline.js';
import { TODAY, markdownOf, registry } from './helpers.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

const LAST_YEAR = `城南实验小学工会2025年工作计划

2025年，学校工会将围绕学校中心工作，团结全体教职工建功立业。

一、工作目标

1、教职工入会率达到100%；

2、困难教职工走访慰问覆盖率达到95%以上。

二、加强思想政治引领

1.组织政治理论学习。每月组织一次集中学习，2019年以来从未间断。

2.开展师德师风评议

每学期末开展一次。

（1）制订评议办法

（2）公布评议结果

三、具体工作安排

二月份：召开教代会；慰问困难教职工。

3月：庆祝三八节

城南实验小学工会

二〇二五年一月八日
`;

describe('targets', () => {
  it('reads name, value and unit from a clause', () => {
    expect(parseTargetClause('教职工入会率达到100%')).toEqual({ name: '教职工入会率', value: 100, unit: '%' });
    expect(parseTargetClause('3、建会率达95%以上；')).toEqual({ name: '建会率', value: 95, unit: '%', note: '以上' });
    expect(parseTargetClause('全年开展培训不少于12场')).toEqual({ name: '开展培训', value: 12, unit: '场' });
    expect(parseTargetClause('加强工会自身建设')).toBeUndefined();
  });

  it('takes a list only when every clause is a target', () => {
    expect(targetsFromText(['集体合同签订率达90%，', '职工覆盖率达95%'])).toHaveLength(2);
    expect(targetsFromText(['集体合同签订率达90%', '加强工会自身建设'])).toBeUndefined();
  });
});

describe('schedule lines', () => {
  it('one entry per month, one item per clause', () => {
    const { entries, leftover } = scheduleFromLines([
      '二月份：召开教代会；慰问困难教职工。',
      '3月：庆祝三八节',
      '七、八月份',
      '组织疗休养',
      '9—10月：教师节；重阳节',
    ]);
    expect(leftover).toEqual([]);
    expect(entries).toEqual([
      { months: [2], items: ['召开教代会', '慰问困难教职工'] },
      { months: [3], items: ['庆祝三八节'] },
      { months: [7, 8], items: ['组织疗休养'] },
      { months: [9, 10], items: ['教师节', '重阳节'] },
    ]);
  });

  it('splits months glued into one line and passes a year before them', () => {
    const { entries, years } = scheduleFromLines(['xx年年1月：建立档案2月：慰问特困教职工。', '7月8月：组织考察。']);
    expect(years).toEqual(['xx年年']);
    expect(entries).toEqual([
      { months: [1], items: ['建立档案'] },
      { months: [2], items: ['慰问特困教职工'] },
      { months: [7, 8], items: ['组织考察'] },
    ]);
  });

  it('keeps lines before the first month as left over', () => {
    expect(scheduleFromLines(['全年安排如下', '1月：总结']).leftover).toEqual(['全年安排如下']);
  });
});

describe('roll-forward', () => {
  it('moves the source year, in Arabic or Chinese numerals, and leaves other years', () => {
    const roller = new YearRoller(2025, 2026);
    expect(roller.roll('2025年，学校工会将……；二〇二五年度；2019年以来；12025年')).toBe(
      '2026年，学校工会将……；二〇二六年度；2019年以来；12025年',
    );
    expect(roller.replaced).toBe(2);
  });
});

describe('signature dates', () => {
  it('reads Arabic and Chinese numerals', () => {
    expect(signatureDate('2025年1月8日')).toBe('2025-01-08');
    expect(signatureDate('二〇二五年一月八日')).toBe('2025-01-08');
    expect(signatureDate('二〇二四年十二月三十一日')).toBe('2024-12-31');
    expect(signatureDate('2025年2月30日')).toBeUndefined();
  });
});

describe('a plan as text: title, 落款, run-in items, targets, schedule, roll-forward', () => {
  it('rolls forward to the next year', async () => {
    const { outline, yaml, summary } = await importPlan(utf8(LAST_YEAR), 'last.txt', { registry, today: TODAY });
    expect(outline).toMatchObject({ type: 'school', org: '城南实验小学工会', year: 2026, period: 'annual' });
    expect(yaml).not.toMatch(/^date:/m);
    expect(yaml).not.toMatch(/^title:/m);
    // “2025年，学校工会将……” meant this year; 2019 stays.
    expect(outline.preface).toBe('2026年，学校工会将围绕学校中心工作，团结全体教职工建功立业。');
    expect(outline.targets).toEqual([
      { name: '教职工入会率', value: 100, unit: '%' },
      { name: '困难教职工走访慰问覆盖率', value: 95, unit: '%', note: '以上' },
    ]);
    expect(outline.sections).toEqual([
      {
        kind: 'ideology',
        title: '加强思想政治引领',
        items: [
          { title: '组织政治理论学习', text: '每月组织一次集中学习，2019年以来从未间断。' },
          { title: '开展师德师风评议', text: '每学期末开展一次。', items: [{ title: '制订评议办法' }, { title: '公布评议结果' }] },
        ],
      },
    ]);
    expect(outline.schedule).toEqual([
      { months: [2], items: ['召开教代会', '慰问困难教职工'] },
      { months: [3], items: ['庆祝三八节'] },
    ]);
    expect(summary).toMatchObject({ sourceYear: 2025, year: 2026, yearsRolled: 2, sections: 1, items: 2, targets: 2, months: 2 });
  });

  it('keeps its year, its words and its date with --year of its own year', async () => {
    const { outline, yaml } = await importPlan(utf8(LAST_YEAR), 'last.txt', { year: 2025, registry, today: TODAY });
    expect(outline.year).toBe(2025);
    expect(outline.date).toBe('2025-01-08');
    expect(yaml).toMatch(/^date: 2025-01-08$/m);
    expect(outline.preface).toContain('2025年，学校工会将');
  });

  it('takes --year, --type and --org over what it finds', async () => {
    const { outline } = await importPlan(utf8(LAST_YEAR), 'last.txt', {
      year: 2028,
      type: 'enterprise',
      org: '城南公司工会',
      registry,
      today: TODAY,
    });
    expect(outline).toMatchObject({ year: 2028, type: 'enterprise', org: '城南公司工会' });
    expect(outline.preface).toContain('2028年，学校工会将');
  });

  it('reads the period from the title', async () => {
    const { outline } = await importPlan(utf8('青山镇工会2025年下半年工作计划\n\n一、加强维权\n\n1、推进集体协商。'), 'p.txt', {
      registry,
      today: TODAY,
    });
    expect(outline).toMatchObject({ type: 'town', period: 'second-half', year: 2026 });
  });

  it('prints check findings with their places in the new outline', async () => {
    const { yaml, findings } = await importPlan(utf8(LAST_YEAR.replace('每月组织', '每月组织xx')), 'last.txt', { registry, today: TODAY });
    const placeholder = findings.find((f) => f.rule === 'placeholder');
    expect(placeholder).toBeDefined();
    expect(yaml.split('\n')[placeholder!.line - 1]!.slice(placeholder!.column - 1)).toMatch(/^xx/);
  });
});

describe('what is not recognised stays as text', () => {
  it('keeps a 工作目标 that is not a list of values as a section, and says so', async () => {
    const text =
      '青山镇工会2025年工作计划\n\n一、工作目标\n\n1、建会率达到95%。\n\n2、进一步加强基层工会建设。\n\n二、加强维权\n\n1、推进集体协商。';
    const { outline, summary } = await importPlan(utf8(text), 'p.txt', { registry, today: TODAY });
    expect(outline.targets).toEqual([]);
    expect(outline.sections.map((s) => s.title)).toEqual(['工作目标', '加强维权']);
    expect(outline.sections[0]!.items.map((i) => i.title)).toEqual(['建会率达到95%', '进一步加强基层工会建设']);
    expect(summary.keptAsText.join('\n')).toMatch(/工作目标.*保留为一个板块/);
  });

  it('keeps a plan without numbering as its opening text', async () => {
    const { outline, summary } = await importPlan(utf8('今年工会要做好三件事。\n\n第一件事是建家。'), 'p.txt', { registry, today: TODAY });
    expect(outline.preface).toBe('今年工会要做好三件事。\n\n第一件事是建家。');
    expect(outline.sections).toEqual([]);
    expect(summary.orgFound).toBe(false);
    expect(outline.org).toBe('XX单位工会');
  });

  it('keeps a Markdown table that is neither targets nor months as lines of text', async () => {
    const md = '# 一、加强维权\n\n## 1.走访慰问\n\n| 对象 | 人数 |\n| --- | --- |\n| 困难职工 | 35 |\n';
    const { outline, summary } = await importPlan(utf8(md), 'p.md', { registry, today: TODAY });
    expect(outline.sections[0]!.items[0]).toEqual({ title: '走访慰问', text: '对象，人数\n\n困难职工，35' });
    expect(summary.keptAsText.join('\n')).toMatch(/表格/);
  });
});

describe('Markdown by hand', () => {
  it('reads list items as paragraphs of their own', async () => {
    const md = '# 城南小学工会2025年工作计划\n\n## 一、加强维权\n\n- 1. 走访慰问困难教职工\n- 2. 推进校务公开\n';
    const { outline } = await importPlan(utf8(md), 'p.md', { registry, today: TODAY });
    expect(outline.sections).toEqual([
      { kind: expect.any(String), title: '加强维权', items: [{ title: '走访慰问困难教职工' }, { title: '推进校务公开' }] },
    ]);
  });
});

describe('web-page furniture', () => {
  const PAGE = `2024年工会工作计划(优质2篇)

时间过得真快，又到了写工作计划的时候。这里给大家分享一些最新的计划书范文，方便大家学习。

工会工作计划篇一

一、加强思想引领

1、组织职工学习。要从职工最关心的问题入手，推动学习深入开展，发挥工会在民主管理、民主监督中

的作用，保障职工的知情权。

本文来源：某某范文网

工会工作计划篇二

一、丰富文体生活

1、举办职工运动会。
`;

  it('keeps the first sample, drops the boilerplate, joins broken paragraphs and says so', async () => {
    const { outline, summary } = await importPlan(utf8(PAGE), 'page.txt', { registry, today: TODAY });
    expect(outline.sections.map((s) => s.title)).toEqual(['加强思想引领']);
    expect(outline.sections[0]!.items[0]!.text).toBe(
      '要从职工最关心的问题入手，推动学习深入开展，发挥工会在民主管理、民主监督中的作用，保障职工的知情权。',
    );
    expect(outline.year).toBe(2025);
    expect(summary.joined).toHaveLength(1);
    expect(summary.dropped.join('\n')).toMatch(/时间过得真快/);
    expect(summary.dropped.join('\n')).toMatch(/本文来源/);
    expect(summary.notes.join('\n')).toMatch(/2 篇范文.*第 1 篇/);
  });

  it('takes another sample with piece', async () => {
    const { outline } = await importPlan(utf8(PAGE), 'page.txt', { piece: 2, registry, today: TODAY });
    expect(outline.sections.map((s) => s.title)).toEqual(['丰富文体生活']);
  });
});

describe('a Markdown plan unionplan wrote', () => {
  it.each(BUILT_IN_ORDER)('%s imports back into an outline that builds the same Markdown', async (type) => {
    const template = await registry.get(type);
    const fields = newOutlineFields(template, { org: '城南工会', year: 2025, period: template.meta.period, date: '2025-03-01' });
    const markdown = await markdownOf(commentedOutlineText(template, fields));
    const { outline, yaml } = await importPlan(utf8(markdown), 'plan.md', { year: 2025, registry, today: TODAY });
    expect(outline.type).toBe(type);
    expect(await markdownOf(yaml)).toBe(markdown);
  });
});

describe('limits', () => {
  it('refuses a .docx that unpacks to more than 100 MB (a zip bomb) before unpacking it', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(101 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await importPlan(bomb, 'bomb.docx', { registry, today: TODAY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).kind).toBe('invalid');
    expect((error as UserError).message).toMatch(/解压后超过 100 MB/);
  });
});
