import { describe, expect, it } from 'vitest';
import { check, markdown, outline, places } from './helpers.js';

const HALF = 'type: kindergarten\norg: 城南幼儿园工会\nyear: 2027\nperiod: first-half\n';
const HALF_FRONT = 'title: 城南幼儿园工会2027年上半年工作计划\norg: 城南幼儿园工会\nyear: 2027\nperiod: first-half\n';

describe('empty-section and single-item (warnings)', () => {
  const yaml = outline(
    [
      'sections:',
      '  - title: 空板块',
      '  - title: 单条目板块',
      '    items:',
      '      - title: 唯一条目',
      '        text: 内容。',
      '      - 没有标题的条目只是一段文字，不编号',
      '  - title: 只有导语的板块',
      '    intro: 导语。',
      '  - kind: culture',
      '    items:',
      '      - title: 条目一',
      '      - title: 条目二',
      '',
    ].join('\n'),
  );
  const md = markdown(
    [
      '# 一、主要工作',
      '## （一）空板块',
      '## （二）单条目板块',
      '### 1.唯一条目',
      '内容。',
      '## （三）两个条目',
      '### 1.条目一',
      '### 2.条目二',
      '',
    ].join('\n\n'),
  );

  it('finds an empty section at its title', () => {
    const found = check(yaml, 'yaml', 'empty-section');
    expect(places(found)).toEqual(['5:12']);
    expect(found[0]!.message).toBe('“空板块”下面没有内容');
    expect(places(check(md, 'md', 'empty-section'))).toEqual(['9:1']);
  });

  it('finds a part with one numbered item (text-only items are not numbered)', () => {
    const found = check(yaml, 'yaml', 'single-item');
    expect(places(found)).toEqual(['6:12']);
    expect(found[0]!.message).toBe('“单条目板块”下只有一个1.');
    expect(places(check(md, 'md', 'single-item'))).toEqual(['11:1']);
  });

  it('passes sections with content and with two items', () => {
    const ok = outline(
      'sections:\n  - title: 板块\n    intro: 导语。\n    items:\n      - title: 一\n      - title: 二\n  - title: 另一板块\n    intro: 导语。\n',
    );
    expect(check(ok, 'yaml', 'empty-section')).toEqual([]);
    expect(check(ok, 'yaml', 'single-item')).toEqual([]);
  });
});

describe('month-outside-period (warning)', () => {
  it('finds months outside a half-year plan’s half', () => {
    const yaml = outline(
      'schedule:\n  - month: 3\n    items: [召开教代会]\n  - month: 9\n    items: [庆祝教师节]\n  - months: [6, 7]\n    items: [暑期疗休养]\n',
      HALF,
    );
    const found = check(yaml, 'yaml', 'month-outside-period');
    expect(places(found)).toEqual(['8:12', '10:13']);
    expect(found[0]!.message).toBe('9月不在上半年（1—6月）之内');
    const md = markdown(
      '| 月份 | 工作内容 |\n| --- | --- |\n| 3月 | 召开教代会 |\n| 九月 | 庆祝教师节 |\n| 7—8月 | 疗休养 |\n',
      HALF_FRONT,
    );
    expect(places(check(md, 'md', 'month-outside-period'))).toEqual(['11:3', '12:3']);
  });

  it('finds words of other months in the body at their line:column, in outlines and Markdown plans', () => {
    const yaml = outline(
      'sections:\n  - title: 维权\n    items:\n      - title: 做好暑期疗休养工作\n        text: 开展读书活动，年末评选先进，“三八”节开展活动。\n',
      HALF,
    );
    const found = check(yaml, 'yaml', 'month-outside-period');
    expect(places(found)).toEqual(['8:18', '9:22']);
    expect(found.map((f) => f.message)).toEqual(['“暑期”（7—8月）不在上半年（1—6月）之内', '“年末”（12月）不在上半年（1—6月）之内']);
    const md = markdown('1.做好帮扶。9月走访，教师节慰问，元旦春节送温暖。\n\n下半年举办“金秋趣味”运动会。\n', HALF_FRONT);
    const inMd = check(md, 'md', 'month-outside-period');
    expect(places(inMd)).toEqual(['8:8', '8:13', '10:1', '10:7']);
    expect(inMd[3]!.message).toBe('“金秋”（9—11月）不在上半年（1—6月）之内');
  });

  it('judges an item that says its months by them, not by its words', () => {
    const yaml = outline(
      'sections:\n  - title: 维权\n    items:\n      - title: 疗休养\n        months: [6, 7]\n        text: 组织暑期疗休养。\n      - title: 读书\n        months: [12]\n        text: 暑期读书。\n',
      HALF,
    );
    expect(places(check(yaml, 'yaml', 'month-outside-period'))).toEqual(['13:15']);
  });

  it('judges a term plan by its months, September to January for a first term', () => {
    const front = 'title: 某校工会2027—2028学年第一学期工作计划\norg: 某校工会\nyear: 2027\nperiod: 第一学期\n';
    const md = markdown(
      '寒假前走访慰问，教师节表彰，五一劳动节表彰。\n\n| 月份 | 工作内容 |\n| --- | --- |\n| 1月 | 春节慰问 |\n| 3月 | 三八节 |\n',
      front,
    );
    const found = check(md, 'md', 'month-outside-period');
    expect(places(found)).toEqual(['8:15', '13:3']);
    expect(found.map((f) => f.message)).toEqual([
      '“五一劳动节”（5月）不在第一学期（9月至次年1月）之内',
      '3月不在第一学期（9月至次年1月）之内',
    ]);
  });

  it('passes an annual plan, and a half-year plan within its half', () => {
    expect(check(outline('schedule:\n  - month: 9\n    items: [庆祝教师节]\n'), 'yaml', 'month-outside-period')).toEqual([]);
    expect(check(outline('schedule:\n  - month: 6\n    items: [总结]\n', HALF), 'yaml', 'month-outside-period')).toEqual([]);
  });
});

describe('duplicate-month (warning)', () => {
  it('finds a month scheduled twice, spans included', () => {
    const yaml = outline(
      'schedule:\n  - month: 3\n    items: [a]\n  - months: [7, 8]\n    items: [b]\n  - month: 8\n    items: [c]\n  - month: 3\n    items: [d]\n',
    );
    const found = check(yaml, 'yaml', 'duplicate-month');
    expect(places(found)).toEqual(['9:12', '11:12']);
    expect(found.map((f) => f.message)).toEqual(['8月已在“7—8月”一行中安排过', '3月已在“3月”一行中安排过']);
    const md = markdown('| 月份 | 工作内容 |\n| --- | --- |\n| 3月 | a |\n| 7—8月 | b |\n| 8月 | c |\n');
    expect(places(check(md, 'md', 'duplicate-month'))).toEqual(['11:3']);
  });

  it('passes a schedule with each month once', () => {
    expect(
      check(outline('schedule:\n  - month: 3\n    items: [a]\n  - months: [7, 8]\n    items: [b]\n'), 'yaml', 'duplicate-month'),
    ).toEqual([]);
  });
});

describe('target-without-value (warning)', () => {
  it('finds a target with no value', () => {
    const yaml = outline('targets:\n  - name: 教职工入会率\n    value: 100\n    unit: "%"\n  - name: 提案办复率\n    unit: "%"\n');
    const found = check(yaml, 'yaml', 'target-without-value');
    expect(places(found)).toEqual(['8:5']);
    expect(found[0]!.message).toBe('工作目标“提案办复率”没有目标值');
    const md = markdown('| 序号 | 指标 | 目标值 |\n| --- | --- | --- |\n| 1 | 入会率 | 100% |\n| 2 | 办复率 |  |\n');
    expect(places(check(md, 'md', 'target-without-value'))).toEqual(['10:13']);
  });

  it('passes targets with values', () => {
    expect(check(outline('targets:\n  - name: 入会率\n    value: 100\n    unit: "%"\n'), 'yaml', 'target-without-value')).toEqual([]);
  });
});

describe('date-outside-year (warning)', () => {
  it('finds a signature date outside the plan year', () => {
    const found = check(outline('date: 2025-05-01\n'), 'yaml', 'date-outside-year');
    expect(places(found)).toEqual(['4:7']);
    expect(found[0]!.message).toBe('落款日期“2025-05-01”不在计划年度2027年内');
    const md = markdown('正文。\n\n<!-- 落款 -->\n\n城南实验小学工会\n\n2025年3月1日\n');
    expect(places(check(md, 'md', 'date-outside-year'))).toEqual(['13:1']);
  });

  it('passes a date in the year, or from October of the year before', () => {
    expect(check(outline('date: 2027-03-01\n'), 'yaml', 'date-outside-year')).toEqual([]);
    expect(check(outline('date: 2026-12-20\n'), 'yaml', 'date-outside-year')).toEqual([]);
    expect(places(check(outline('date: 2026-09-30\n'), 'yaml', 'date-outside-year'))).toEqual(['4:7']);
  });

  it('passes a first term dated in its January, of the next calendar year', () => {
    expect(check(outline('period: first-term\ndate: 2028-01-10\n'), 'yaml', 'date-outside-year')).toEqual([]);
    expect(places(check(outline('period: first-term\ndate: 2028-02-10\n'), 'yaml', 'date-outside-year'))).toEqual(['5:7']);
  });
});

describe('title-names-unit-year (warning)', () => {
  it('finds a title without the unit or the year', () => {
    const found = check(outline('title: 工作计划\n'), 'yaml', 'title-names-unit-year');
    expect(places(found)).toEqual(['4:8']);
    expect(found[0]!.message).toBe('标题“工作计划”没有写明单位（城南实验小学工会）和年度（2027年）');
    const md = markdown('正文。\n', 'title: 城南实验小学工会工作计划\norg: 城南实验小学工会\nyear: 2027\n');
    const inMd = check(md, 'md', 'title-names-unit-year');
    expect(places(inMd)).toEqual(['2:8']);
    expect(inMd[0]!.message).toBe('标题“城南实验小学工会工作计划”没有写明年度（2027年）');
    expect(places(check('正文。\n', 'md', 'title-names-unit-year'))).toEqual(['1:1']);
  });

  it('passes a title that names both, the words of the union’s name placed freely', () => {
    expect(check(outline('title: 城南实验小学2027年工会工作计划\n'), 'yaml', 'title-names-unit-year')).toEqual([]);
    expect(check(outline('preface: 没有 title 时标题自动生成。\n'), 'yaml', 'title-names-unit-year')).toEqual([]);
  });
});
