import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoster } from '../../src/batch/roster/read-roster.js';
import { rowOutline } from '../../src/batch/rows/row-outline.js';
import { parseMarkdown } from '../../src/document/parse.js';
import { parseOutline } from '../../src/outline/load.js';
import { TemplateRegistry } from '../../src/templates/registry.js';
import { typeNames } from '../../src/templates/type-names.js';
import { tempDir } from '../helpers/cli.js';
import { outlineProblems } from './outline-problems.js';

const registry = new TemplateRegistry();
const options = { types: registry.typeChoices(), today: new Date(2026, 10, 23) };

const problems = (text: string): string[] => outlineProblems(text, options);

describe('Chinese values in an outline', () => {
  it.each([
    ['学校', 'school'],
    ['学校工会', 'school'],
    ['幼儿园', 'kindergarten'],
    ['街道总工会', 'street'],
    ['经审会', 'audit'],
    ['ＳＣＨＯＯＬ', 'school'],
  ])('takes type: %s as %s', (name, type) => {
    expect(parseOutline('plan.yaml', `type: ${name}\norg: 某单位工会\n`, options).type).toBe(type);
  });

  it('takes every Chinese word for a period, a kind, an item style and a section kind', () => {
    const outline = parseOutline(
      'plan.yaml',
      'type: 学校\norg: 某校工会\nperiod: 下学期\nkind: 工作要点\nitemStyle: 单独成行\nsections:\n  - kind: 民主管理\n    items: [教代会]\n',
      options,
    );
    expect(outline).toMatchObject({ type: 'school', period: 'second-term', kind: 'points', itemStyle: 'heading' });
    expect(outline.sections[0]).toMatchObject({ kind: 'democracy', title: '推进民主管理' });
  });

  it('says which value a near miss most likely meant, at its line and column', () => {
    expect(problems('type: scool\norg: 某校工会\nperiod: 上半\nkind: 工作要典\n')).toEqual([
      expect.stringMatching(
        /^plan\.yaml:1:7: type（计划类型）的值 “scool” 无效，是否想写 school？应为 school（学校）、kindergarten（幼儿园）.* 之一$/,
      ),
      'plan.yaml:3:9: period（计划期间）的值 “上半” 无效，是否想写 first-half（上半年）？应为 annual（全年）、first-half（上半年）、second-half（下半年）、first-term（第一学期）、second-term（第二学期） 之一',
      'plan.yaml:4:7: kind（文种）的值 “工作要典” 无效，是否想写 points（工作要点）？应为 plan（工作计划）或 points（工作要点）',
    ]);
  });

  it('guesses nothing when a value is as near to two choices', () => {
    expect(problems('type: school\norg: 某校工会\nperiod: 半年\n')[0]).toContain('“半年” 无效，应为 annual（全年）');
  });
});

describe('Chinese values in a Markdown plan’s front matter', () => {
  it('reads period, kind and item style in Chinese as their keys', () => {
    const doc = parseMarkdown(
      'plan.md',
      '---\ntitle: 某校工会2027年工作要点\nperiod: 第一学期\nkind: 工作要点\nitemStyle: 接排加粗\n---\n\n正文\n',
    );
    expect(doc.meta).toMatchObject({ period: 'first-term', kind: 'points', itemStyle: 'run-in-bold' });
  });

  it('reports a bad value at its line with the value it most likely meant', () => {
    expect(() => parseMarkdown('plan.md', '---\ntitle: 计划\nperiod: 上半\n---\n\n正文\n')).toThrow(
      /plan\.md:3:9: front matter 中的period（计划期间）的值 “上半” 无效，是否想写 first-half（上半年）？/,
    );
  });
});

describe('Chinese values in a roster', () => {
  it('reads the level (本级) and the period in Chinese, and a year as 2027年', async () => {
    const file = join(tempDir(), 'units.csv');
    writeFileSync(file, '单位名称,类型,本级,计划期间,年度\n青山乡工会联合会,乡镇,乡,下半年,2027年\n');
    const roster = await readRoster(file);
    const [row] = await Promise.all(
      roster.rows.map(async (r) => rowOutline(r, { roster, registry, types: await typeNames(registry), today: options.today })),
    );
    expect(row!.problems).toEqual([]);
    expect(row!.outline).toMatchObject({ type: 'town', level: '乡', period: 'second-half', year: 2027 });
  });

  it('refuses a year outside 1949–2200 by the one year rule, also for the template’s defaults', async () => {
    const file = join(tempDir(), 'units.csv');
    writeFileSync(file, '单位名称,类型,年度\n甲小学工会,学校,1800\n');
    const roster = await readRoster(file);
    const [row] = await Promise.all(
      roster.rows.map(async (r) => rowOutline(r, { roster, registry, types: await typeNames(registry), today: options.today })),
    );
    expect(row!.problems.map((p) => p.message)).toEqual(['year（年度）的值 “1800” 无效，应为四位数的年份，如 2027']);
  });
});
