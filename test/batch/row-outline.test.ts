import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaseOutline } from '../../src/batch/rows/base-outline.js';
import { COLUMNS, columnFor } from '../../src/batch/roster/columns.js';
import { typeNames } from '../../src/templates/type-names.js';
import { readRoster } from '../../src/batch/roster/read-roster.js';
import { checkRosterColumns } from '../../src/batch/roster/roster-columns.js';
import { describeProblem } from '../../src/batch/rows/row-fields.js';
import { rowOutline, type RowOutline } from '../../src/batch/rows/row-outline.js';
import { UserError, formatProblem } from '../../src/errors.js';
import { TemplateRegistry } from '../../src/templates/registry.js';
import { fixture, tempDir } from './helpers.js';

const registry = new TemplateRegistry();
const today = new Date(2026, 10, 23);

/** Every row of a roster file made into an outline. */
async function outlines(file: string, base?: string): Promise<RowOutline[]> {
  const roster = await readRoster(file);
  const context = {
    roster,
    registry,
    types: await typeNames(registry),
    today,
    ...(base ? { base: await loadBaseOutline(base, registry, today) } : {}),
  };
  return Promise.all(roster.rows.map((row) => rowOutline(row, context)));
}

function csv(text: string): string {
  const file = join(tempDir(), 'units.csv');
  writeFileSync(file, text);
  return file;
}

describe('column headers', () => {
  it('knows every field by its key, its Chinese header, and common variants', () => {
    for (const spec of COLUMNS) {
      expect(columnFor(spec.key)?.key).toBe(spec.key);
      expect(columnFor(spec.header)?.key).toBe(spec.key);
    }
    expect(columnFor(' 单位名称（必填） ')?.key).toBe('org');
    expect(columnFor('单位名称*')?.key).toBe('org');
    expect(columnFor('ＯＲＧ')?.key).toBe('org');
    expect(columnFor('Type')?.key).toBe('type');
    expect(columnFor('工会全称')?.key).toBe('org');
    expect(columnFor('联系人')).toBeUndefined();
  });
});

describe('a row made into an outline', () => {
  it('takes the type’s defaults (as `new` does) with Chinese values translated', async () => {
    const [school, street, kindergarten] = await outlines(fixture('utf8-bom', 'units.csv'));
    expect(school!.problems).toEqual([]);
    expect(school!.outline).toMatchObject({
      type: 'school',
      org: '城南实验小学工会',
      superior: '城南区教育工会',
      year: 2027,
      period: 'annual',
      date: '2027-01-05',
    });
    expect(school!.outline!.sections.length).toBeGreaterThan(3);
    expect(street!.outline).toMatchObject({ type: 'street', org: '柳溪街道总工会', date: '2026-11-23' });
    // 上半年: a half-year plan, its schedule cut to January–June like `new --period first-half`.
    expect(kindergarten!.outline!.period).toBe('first-half');
    expect(kindergarten!.outline!.schedule.every((entry) => entry.months.every((m) => m <= 6))).toBe(true);
  });

  it('reads a school term from the roster in Chinese: its title, months and body follow the term', async () => {
    const [row] = await outlines(csv('单位名称,类型,年度,计划期间\n甲小学工会,school,2027,第二学期\n'));
    expect(row!.problems).toEqual([]);
    expect(row!.outline).toMatchObject({ period: 'second-term', year: 2027, date: '2027-02-01' });
    expect(row!.outline!.schedule.flatMap((entry) => entry.months)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(JSON.stringify(row!.outline!.sections)).not.toContain('教师节');
  });

  it('lays a row’s list fields, written as YAML in a cell, over the defaults', async () => {
    const [row] = await outlines(csv('单位名称,类型,工作目标\n甲工会,town,"[{name: 建会率, value: 90, unit: ""%""}]"\n'));
    expect(row!.outline!.targets).toEqual([{ name: '建会率', value: 90, unit: '%' }]);
  });

  it('reads a YAML roster the same way', async () => {
    const [school, enterprise] = await outlines(fixture('yaml', 'units.yaml'));
    expect(school!.outline).toMatchObject({ type: 'school', org: '城南实验小学工会', year: 2027 });
    expect(enterprise!.outline!.targets).toEqual([{ name: '职工入会率', value: 98, unit: '%' }]);
  });

  it('reports each bad row with its row number, column and what is wrong', async () => {
    const rows = await outlines(fixture('bad-rows', 'units.csv'));
    const said = rows.map((r) => r.problems.map((p) => describeProblem(p, 'units.csv')));
    expect(said[0]).toEqual([]);
    expect(said[1]).toEqual(['units.csv:第3行 “单位名称”列: 单位名称为空：每一行都要写工会全称']);
    expect(said[2]).toEqual([
      expect.stringMatching(/^units\.csv:第4行 “类型”列: 类型 “村委会” 无效，应为 school（学校）、kindergarten（幼儿园）/),
    ]);
    expect(said[3]).toEqual(['units.csv:第5行 “年度”列: year（年度）的值 “二〇二七” 无效，应为四位数的年份，如 2027']);
    expect(said[4]).toEqual([expect.stringMatching(/^units\.csv:第6行 “落款日期”列: date（落款日期）的值 “2027-02-30” 无效/)]);
    expect(said[5]).toEqual([expect.stringMatching(/^units\.csv:第7行 “工作目标”列: targets（工作目标）应为列表/)]);
    expect(said[6]).toEqual([
      expect.stringMatching(/^units\.csv:第8行 “工作目标”列: 工作目标（targets）应写成 YAML 列表或键值对.*不是有效的 YAML：请检查括号/),
    ]);
    expect(said[7]).toEqual([]);
    expect(rows[1]!.problems[0]).toMatchObject({ row: 3, column: 1, header: '单位名称' });
    expect(rows.map((r) => r.outline !== undefined)).toEqual([true, false, false, false, false, false, false, true]);
  });

  it('names the field and the line in a YAML roster', async () => {
    const file = join(tempDir(), 'units.yaml');
    writeFileSync(file, '- org: 甲工会\n  type: school\n  year: 1800\n- 城南实验小学工会\n');
    const [first, second] = await outlines(file);
    expect(first!.problems.map((p) => describeProblem(p))).toEqual([
      '第3行 “year”: year（年度）的值 “1800” 无效，应为四位数的年份，如 2027',
    ]);
    expect(second!.problems.map((p) => describeProblem(p))[0]).toContain('第4行: 这一项应为键值对');
  });

  it('starts every row from --outline, row fields over it', async () => {
    const [gui, dan, street] = await outlines(fixture('base-outline', 'units.csv'), fixture('base-outline', 'base.yaml'));
    expect(gui!.outline).toMatchObject({ type: 'community', org: '桂花社区工会', superior: '柳溪街道总工会', year: 2027 });
    expect(gui!.outline!.targets).toEqual([{ name: '职工入会率', value: 95, unit: '%' }]);
    expect(gui!.outline!.sections[0]!.items[0]!.title).toContain('春送岗位');
    expect(dan!.outline!.year).toBe(2028);
    expect(street!.outline).toMatchObject({ type: 'street', org: '柳溪街道总工会' });
    expect(street!.outline!.guidance).toContain('围绕街道中心工作');
  });

  it('checks --outline itself once, at its own lines', async () => {
    const file = join(tempDir(), 'base.yaml');
    writeFileSync(file, 'guidance: 文字\nyear: 二〇二七\ntargets: 很多\n');
    const error = await loadBaseOutline(file, registry, today).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/base\.yaml:2:7: year（年度）的值 “二〇二七” 无效/),
      expect.stringMatching(/base\.yaml:3:10: targets（工作目标）应为列表/),
    ]);
  });

  it('gives the plan.yaml of --emit outline with its year, period and date spelt out', async () => {
    const [row] = await outlines(csv('单位名称,类型\n甲工会,kindergarten\n'));
    expect(Object.keys(row!.fields!).slice(0, 6)).toEqual(['type', 'org', 'year', 'period', 'date', 'preface']);
    expect(row!.fields).toMatchObject({ type: 'kindergarten', org: '甲工会', year: 2027, period: 'annual', date: '2026-11-23' });
  });
});

describe('the roster’s header as a whole', () => {
  async function problems(text: string, typeFromBase = false): Promise<string[]> {
    try {
      checkRosterColumns(await readRoster(csv(text)), typeFromBase);
      return [];
    } catch (error) {
      return (error as UserError).problems.map((p) => p.message);
    }
  }

  it('needs a name column and, without --outline, a type column', async () => {
    expect(await problems('类型,年度\nschool,2027\n')).toEqual([expect.stringContaining('名录缺少“单位名称”列')]);
    expect(await problems('单位名称,年度\n甲,2027\n')).toEqual([expect.stringContaining('名录缺少“类型”列')]);
    expect(await problems('单位名称,年度\n甲,2027\n', true)).toEqual([]);
  });

  it('refuses two columns for one field', async () => {
    expect(await problems('单位名称,类型,org\n甲,school,乙\n')).toEqual([
      '“单位名称”列和 “org”列（C 列）都表示单位名称（org），请删去一列',
    ]);
  });
});
