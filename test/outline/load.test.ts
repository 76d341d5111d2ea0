import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOutline, parseOutline } from '../../src/outline/load.js';
import { BUILT_IN_ORDER } from '../../src/templates/registry.js';
import { outlineProblems } from './outline-problems.js';

const options = { types: BUILT_IN_ORDER, today: new Date(2026, 10, 23) };

const problems = (text: string): string[] => outlineProblems(text, options);

const VALID = `type: school
org: 城南实验小学工会
year: 2027
sections:
  - title: 民主管理
    items:
      - title: 教代会
        text: 每学年召开一次。
`;

describe('parseOutline', () => {
  it('loads a valid outline and fills in the defaults', () => {
    const outline = parseOutline('plan.yaml', VALID, options);
    expect(outline).toMatchObject({
      type: 'school',
      org: '城南实验小学工会',
      year: 2027,
      period: 'annual',
      date: '2026-11-23',
      targets: [],
      schedule: [],
    });
    expect(outline.sections[0]).toEqual({ kind: 'custom', title: '民主管理', items: [{ title: '教代会', text: '每学年召开一次。' }] });
  });

  it('uses the next year from October on when year is left out', () => {
    const outline = parseOutline('plan.yaml', 'type: town\norg: 青山镇总工会\n', options);
    expect(outline.year).toBe(2027);
    const spring = parseOutline('plan.yaml', 'type: town\norg: 青山镇总工会\n', { ...options, today: new Date(2027, 2, 10) });
    expect(spring.year).toBe(2027);
    expect(spring.date).toBe('2027-03-10');
  });

  it('gives a kind section its default title', () => {
    const outline = parseOutline(
      'plan.yaml',
      'type: town\norg: 镇工会\nsections:\n  - kind: women\n    items: [做好女职工工作]\n',
      options,
    );
    expect(outline.sections[0]).toMatchObject({ kind: 'women', title: '做好女职工工作', items: [{ text: '做好女职工工作' }] });
  });

  it.each<[string, string, string[]]>([
    [
      'missing org and type',
      'year: 2027\n',
      ['plan.yaml:1:1: 缺少必填字段 type（计划类型）', 'plan.yaml:1:1: 缺少必填字段 org（工会全称）'],
    ],
    [
      'unknown type',
      'type: hospital\norg: 医院工会\n',
      [`plan.yaml:1:7: type（计划类型）的值 “hospital” 无效，应为 ${BUILT_IN_ORDER.join('、')} 之一`],
    ],
    [
      'bad year',
      'type: school\norg: 某校工会\nyear: 二〇二七\n',
      ['plan.yaml:3:7: year（年度）的值 “二〇二七” 无效，应为四位数的年份，如 2027'],
    ],
    [
      'bad period',
      'type: school\norg: 某校工会\nperiod: 半年\n',
      [
        'plan.yaml:3:9: period（计划期间）的值 “半年” 无效，应为 annual（全年）、first-half（上半年）、second-half（下半年）、first-term（第一学期）、second-term（第二学期） 之一',
      ],
    ],
    [
      'bad date',
      'type: school\norg: 某校工会\ndate: 2027-02-30\n',
      ['plan.yaml:3:7: date（落款日期）的值 “2027-02-30” 无效，应为 YYYY-MM-DD 格式的日期，如 2027-01-05'],
    ],
    [
      'misspelt key',
      'type: school\norg: 某校工会\ntitel: 计划\n',
      [
        'plan.yaml:3:1: 未知字段 “titel”，是否想写 title？此处可用的字段：type、org、level、superior、year、period、itemStyle、date、title、preface、guidance、targets、sections、schedule、fonts、check、kind、seal、attachments、notice',
      ],
    ],
    ['org is a list', 'type: school\norg: [a, b]\n', ['plan.yaml:2:6: org（工会全称）应为文本，实际为列表']],
    ['empty org', 'type: school\norg: ""\n', ['plan.yaml:2:6: org（工会全称）不能为空']],
    [
      'sections not a list',
      'type: school\norg: 某校工会\nsections: 民主管理\n',
      ['plan.yaml:3:11: sections（工作板块）应为列表（每项以“- ”开头），实际为文本 “民主管理”'],
    ],
    [
      'section without title',
      'type: school\norg: 某校工会\nsections:\n  - items: [a, b]\n',
      ['plan.yaml:4:5: sections[0] 缺少 title（板块标题）；只有写了 kind 的板块才能省略标题'],
    ],
    [
      'bad kind',
      'type: school\norg: 某校工会\nsections:\n  - kind: sport\n    title: 文体\n',
      [
        'plan.yaml:4:11: sections[0].kind（板块类别）的值 “sport” 无效，应为 ideology（思想引领）、democracy（民主管理）、rights（维权服务）、quality（素质提升）、self-building（自身建设）、women（女职工）、culture（文体）、custom（其他） 之一',
      ],
    ],
    [
      'item of wrong shape',
      'type: school\norg: 某校工会\nsections:\n  - title: 文体\n    items:\n      - [a]\n',
      ['plan.yaml:6:9: sections[0].items[0]（工作条目）应为文本或含 title、text 的键值对，实际为列表'],
    ],
    [
      'empty item',
      'type: school\norg: 某校工会\nsections:\n  - title: 文体\n    items:\n      - {}\n',
      ['plan.yaml:6:9: sections[0].items[0]（工作条目）至少要有 title 或 text'],
    ],
    ['target without name', 'type: school\norg: 某校工会\ntargets:\n  - value: 90\n', ['plan.yaml:4:5: 缺少必填字段 name（指标名称）']],
    [
      'target value a list',
      'type: school\norg: 某校工会\ntargets:\n  - name: 入会率\n    value: [90]\n',
      ['plan.yaml:5:12: targets[0].value（目标值）应为数字或文本，实际为列表'],
    ],
    [
      'month out of range',
      'type: school\norg: 某校工会\nschedule:\n  - month: 13\n    items: [总结]\n',
      ['plan.yaml:4:12: schedule[0].month（月份）的值 “13” 无效，应为 1 到 12 的整数'],
    ],
    [
      'month and months',
      'type: school\norg: 某校工会\nschedule:\n  - month: 7\n    months: [7, 8]\n    items: [疗休养]\n',
      ['plan.yaml:4:5: schedule[0] 同时写了 month 和 months，只保留一个'],
    ],
    [
      'schedule without items',
      'type: school\norg: 某校工会\nschedule:\n  - month: 3\n',
      ['plan.yaml:4:5: schedule[0] 缺少 items（本月工作内容）'],
    ],
    [
      'bad font role',
      'type: school\norg: 某校工会\nfonts:\n  headline: 黑体\n',
      ['plan.yaml:4:3: 未知字段 “headline”。此处可用的字段：title、body、heading1、heading2、heading3、heading4、pageNumber、table'],
    ],
    ['not a map', '- a\n- b\n', ['plan.yaml:1:1: 提纲应为键值对（如 org: 某单位工会），实际为列表']],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reports every problem of a file in one run', () => {
    const text =
      'type: school\norg: 某校工会\nyear: 20270\nperiod: 全学年\nsections:\n  - kind: sport\n    title: 文体\nschedule:\n  - month: 0\n    items: [x]\n';
    expect(problems(text).map((p) => p.split(':').slice(1, 3).join(':'))).toEqual(['3:7', '4:9', '6:11', '9:12']);
  });

  it('explains YAML syntax errors in Chinese with their place', () => {
    const found = problems('type: school\norg: 某校工会\nsections:\n  - title: 文体\n   items: [a]\n');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^plan\.yaml:5:\d+: YAML 语法错误：/);
    expect(problems('type: school\ntype: town\norg: x\n')[0]).toMatch(/^plan\.yaml:2:1: YAML 语法错误：同一层里字段名重复/);
    expect(problems('type: school\norg: "未闭合\n')[0]).toMatch(/^plan\.yaml:3:\d+: YAML 语法错误：缺少字符/);
  });
});

describe('loadOutline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unionplan-load-'));

  it('says a missing file is missing', async () => {
    await expect(loadOutline(join(dir, 'none.yaml'), options)).rejects.toThrow(/none\.yaml: 文件不存在/);
  });

  it('says a folder is not a file', async () => {
    mkdirSync(join(dir, 'folder.yaml'));
    await expect(loadOutline(join(dir, 'folder.yaml'), options)).rejects.toThrow(/folder\.yaml: 这是一个文件夹/);
  });

  it.skipIf(process.getuid?.() === 0)('says an unreadable file cannot be read', async () => {
    const file = join(dir, 'secret.yaml');
    writeFileSync(file, VALID);
    chmodSync(file, 0o000);
    await expect(loadOutline(file, options)).rejects.toThrow(/没有读取这个文件的权限/);
  });

  it('reads a file with a byte-order mark', async () => {
    const file = join(dir, 'bom.yaml');
    writeFileSync(file, `\uFEFF${VALID}`);
    await expect(loadOutline(file, options)).resolves.toMatchObject({ org: '城南实验小学工会' });
  });
});
