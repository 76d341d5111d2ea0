/**
 * What a county office looks for in every default plan (issue 25): the content of each level, the
 * 二十一大 by period from wording.yaml, targets that are values, and half-year and term plans that
 * keep their work and lose the other half's.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { cutText, defaultsForPeriod } from '../../src/templates/period-filter.js';
import { TemplateRegistry } from '../../src/templates/registry.js';
import { newOutlineFields, newOutlineText } from '../../src/templates/new-outline.js';
import { parseWording } from '../../src/templates/wording.js';
import { planLevel } from '../../src/vocab/level.js';
import { periodMonths, type Period } from '../../src/vocab/periods.js';
import { UserError } from '../../src/errors.js';

const registry = new TemplateRegistry();
const today = new Date(2026, 10, 23);
const PERIODS: Period[] = ['annual', 'first-half', 'second-half', 'first-term', 'second-term'];

type Dict = Record<string, unknown>;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

async function fields(type: string, org: string, period: Period = 'annual', year = 2027): Promise<Dict> {
  return newOutlineFields(await registry.get(type), { org, year, period, date: '2027-01-05' });
}

/** A union of every type and level the defaults are written for. */
const UNITS: [type: string, org: string][] = [
  ['school', '城南实验小学工会'],
  ['kindergarten', '城南区阳光幼儿园工会'],
  ['enterprise', '云川机械制造有限公司工会'],
  ['town', '青山镇总工会'],
  ['town', '白沙乡工会联合会'],
  ['street', '城东街道总工会'],
  ['community', '城东街道和平社区工会联合会'],
  ['district', '城南区总工会'],
  ['district', '青山县总工会'],
  ['audit', '青山县总工会经费审查委员会'],
  ['audit', '城南实验小学工会经费审查委员会'],
];

describe.each(UNITS)('%s, %s: every period', (type, org) => {
  const periods = PERIODS.filter((p) => ['school', 'kindergarten'].includes(type) || !p.endsWith('-term'));
  it.each(periods)('%s: check has nothing to say, and no schedule row is left without its work', async (period) => {
    const template = await registry.get(type);
    const text = newOutlineText(template, { org, year: 2027, period, date: '2027-01-05' });
    const findings = checkText('plan.yaml', text, { today });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([]);
  });

  it('has targets that are values, each with its 说明, a percentage naming its 基数', async () => {
    const targets = (await fields(type, org)).targets as Dict[];
    expect(targets.length).toBeGreaterThan(2);
    for (const target of targets) {
      const value = String(target.value ?? '');
      expect(value, String(target.name)).toMatch(/^\d+(\.\d+)?$/);
      expect(String(target.note ?? '').trim(), String(target.name)).not.toBe('');
      if (target.unit === '%') expect(String(target.note), String(target.name)).toMatch(/基数|÷/);
    }
  });
});

describe('each level gets a text of its own', () => {
  it('reads a federation audit committee’s level from its name, and none from a grassroots one’s', () => {
    expect(planLevel('audit', '青山县总工会经费审查委员会')).toBe('县');
    expect(planLevel('audit', '云川市城南区总工会经费审查委员会')).toBe('区');
    expect(planLevel('audit', '云川市第一中学工会经费审查委员会')).toBeUndefined();
    expect(planLevel('audit', '城南实验小学工会经费审查委员会', '县')).toBe('县');
  });

  it('a county 经审会 audits the unions below it, and has nothing of a grassroots one', async () => {
    const county = await fields('audit', '青山县总工会经费审查委员会');
    const all = strings([county.preface, county.guidance, county.targets, county.sections, county.schedule]).join('\n');
    expect(county.level).toBe('县');
    for (const word of ['乡镇（街道）工会', '轮审', '专项资金', '工会驿站建设补助资金', '直属单位', '全委会', '常委会', '业务培训'])
      expect(all).toContain(word);
    for (const word of ['会费', '会员（代表）大会', '离任', '全区']) expect(all).not.toContain(word);
    const grassroots = await fields('audit', '城南实验小学工会经费审查委员会');
    expect(grassroots.level).toBeUndefined();
    expect(strings(grassroots.sections).join('\n')).toContain('会费');
  });

  it('a 乡 is not a 镇 with its words swapped', async () => {
    const xiang = strings(await fields('town', '白沙乡工会联合会')).join('\n');
    const zhen = strings(await fields('town', '青山镇总工会')).join('\n');
    for (const word of ['卫生院', '村工会', '外出务工', '返乡创业', '民宿', '农家乐', '来料加工', '快递进村'])
      expect(xiang).toContain(word);
    for (const word of ['园区', '规模以上企业', '全镇', '镇党委']) expect(xiang).not.toContain(word);
    for (const word of ['安全生产', '安康杯', '群众性安全生产监督', '25人以上', '不足25人']) expect(zhen).toContain(word);
    expect(zhen).not.toContain('规模以上企业');
  });

  it('the county federation issues a 工作要点 with the staples of a county text, and schedules no 全委会 of its own', async () => {
    const county = await fields('district', '青山县总工会');
    expect(county.kind).toBe('points');
    const all = strings(county).join('\n');
    for (const word of [
      '中央八项规定及其实施细则精神',
      '职工（医疗）互助保障',
      '劳模疗休养',
      '春风行动',
      '为职工办实事项目清单',
      '和谐劳动关系创建',
      '两癌',
      '职工服务中心',
      '工人文化宫',
      '坚持以职工为中心',
      '牵头制定',
      '本工作要点',
    ])
      expect(all).toContain(word);
    expect(all).not.toContain('本计划');
    expect(strings(county.schedule).join('\n')).not.toMatch(/召开.*全委会/);
    const text = newOutlineText(await registry.get('district'), { org: '青山县总工会', year: 2027, period: 'annual', date: '2027-01-05' });
    expect(text).toMatch(/^# 青山县总工会2027年工作要点 提纲/m);
  });

  it.each([
    ['community', '城东街道和平社区工会联合会'],
    ['street', '城东街道总工会'],
    ['town', '青山镇总工会'],
    ['district', '青山县总工会'],
  ])('%s has a democracy section with 集体协商 and 职代会', async (type, org) => {
    const sections = (await fields(type, org)).sections as Dict[];
    const democracy = sections.find((s) => s.kind === 'democracy');
    expect(democracy).toBeDefined();
    expect(strings(democracy).join('')).toMatch(/区域性（行业性）工资集体协商/);
    expect(strings(democracy).join('')).toMatch(/职工代表大会/);
  });

  it('the community reaches 家政服务员, 网约配送员 and 货车司机, and has 厂务公开', async () => {
    const all = strings(await fields('community', '城东街道和平社区工会联合会')).join('\n');
    for (const word of ['家政服务员', '网约配送员', '货车司机', '区域职工代表大会', '厂务公开']) expect(all).toContain(word);
  });

  it('a grassroots union reports its funds at the spring 职代会 or 教代会, a town and street to 代表大会 or 全委会', async () => {
    for (const [type, org] of UNITS.filter(([t]) => ['school', 'kindergarten', 'enterprise'].includes(t))) {
      const f = await fields(type, org);
      expect(strings(f.sections).join(''), type).toMatch(/春季.*(职代会|教代会).*经费收支/);
      const march = (f.schedule as Dict[]).find((row) => row.month === 3);
      expect(strings(march).join(''), type).toContain('经费收支');
      expect(strings((f.schedule as Dict[]).filter((row) => row.month === 12)).join(''), type).not.toContain('经费收支');
    }
    for (const [type, org] of [
      ['town', '青山镇总工会'],
      ['street', '城东街道总工会'],
      ['town', '白沙乡工会联合会'],
    ] as const)
      expect(strings((await fields(type, org)).sections).join(''), org).toContain('向工会代表大会或全委会报告经费收支情况');
  });

  it('kindergarten plans are annual by default; terms stay available', async () => {
    const template = await registry.get('kindergarten');
    expect(template.meta.period).toBe('annual');
    expect((await fields('kindergarten', '某幼儿园工会', 'first-term')).period).toBe('first-term');
  });
});

describe('党的二十一大 by period, from wording.yaml', () => {
  const STUDY = '学习宣传贯彻党的二十一大精神';
  it.each([
    ['annual', 'school', true],
    ['second-half', 'district', true],
    ['first-term', 'school', true],
    ['first-half', 'district', false],
    ['second-term', 'kindergarten', false],
  ] as const)('%s (%s): studies it after it meets: %s', async (period, type, reaches) => {
    const f = await fields(type, type === 'district' ? '青山县总工会' : '某工会', period);
    const ideology = (f.sections as Dict[]).find((s) => s.kind === 'ideology')!;
    const first = (ideology.items as Dict[])[0]!;
    const rows = (f.schedule as Dict[]).filter((row) => strings(row.items).some((item) => item.includes(STUDY)));
    expect(String(f.guidance)).toContain('迎接党的二十一大胜利召开');
    if (reaches) {
      expect(first.title).toBe(STUDY);
      expect(rows.map((row) => row.month)).toEqual([11]);
      expect(String(f.guidance)).toContain(`认真${STUDY}`);
    } else {
      expect(strings(f).join('')).not.toContain(STUDY);
    }
  });

  it('a 2028 plan has no 2027 event', async () => {
    expect(strings(await fields('school', '某校工会', 'annual', 2028)).join('')).not.toContain('召开前');
  });

  it('reports a wrong event of a user’s list at its line and column', () => {
    const text = [
      '- from: 2027',
      '  guidance: 指导思想',
      '  task: 任务',
      '  events:',
      '    - expected: 2027年秋',
      '      schedule:',
      '        month: 13',
      '        item: 学习',
      '      when: 秋季',
    ].join('\n');
    try {
      parseWording('wording.yaml', text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      const problems = (error as UserError).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
      expect(problems).toEqual([
        expect.stringMatching(/^9:13 未知字段 “when”/),
        expect.stringMatching(/^5:17 expected（预计的年月）应写成 2027-10 这样，实际为 “2027年秋”/),
        expect.stringMatching(/^7:16 schedule.month 应为 1 到 12 的整数/),
      ]);
    }
  });
});

describe('a period plan keeps its work and loses the other half’s', () => {
  const AUTUMN = periodMonths('first-term');
  const SPRING = periodMonths('second-term');

  it('cuts the clause of an item that names another month, not the whole item', () => {
    // It used to drop the whole sentence: a first term lost all its 女教职工 work for one 三八.
    expect(cutText('落实女职工劳动保护规定，安排女教职工专项体检；“三八”国际妇女节期间组织女教职工主题活动。', AUTUMN)).toBe(
      '落实女职工劳动保护规定，安排女教职工专项体检。',
    );
    // Undated clauses that belong to a dated one go with it.
    expect(cutText('暑期组织教职工疗休养，优先安排一线骨干教师。关心教职工健康。', SPRING.slice(0, 4))).toBe('关心教职工健康。');
  });

  it('keeps the work under a title that names another month', () => {
    const cut = defaultsForPeriod(
      { sections: [{ title: '板块', items: [{ title: '庆祝教师节', text: '开展师德师风建设。教师节期间表彰优秀教师。' }, '其他工作。'] }] },
      'second-term',
    ) as { sections: { items: unknown[] }[] };
    expect(cut.sections[0]!.items).toEqual(['开展师德师风建设。', '其他工作。']);
  });

  it('a second-term school plan keeps its 师德 item; a first-term one its 女教职工 item', async () => {
    const spring = strings((await fields('school', '某校工会', 'second-term')).sections).join('\n');
    expect(spring).toContain('大力弘扬教育家精神');
    expect(spring).not.toContain('教师节');
    const autumn = strings((await fields('school', '某校工会', 'first-term')).sections).join('\n');
    expect(autumn).toContain('维护女教职工特殊权益');
    expect(autumn).toContain('关心孕期、哺乳期女教职工');
  });

  it('drops the items the schedule puts in the other half', async () => {
    const words = async (type: string, period: Period) => strings((await fields(type, '某工会', period)).sections).join('\n');
    expect(await words('school', 'second-term')).not.toContain('运动会');
    expect(await words('school', 'first-half')).not.toContain('民主评议');
    expect(await words('enterprise', 'first-half')).not.toContain('思想状况调查');
    expect(await words('enterprise', 'first-half')).not.toContain('履约');
    expect(await words('enterprise', 'first-half')).not.toContain('运动会');
    expect(await words('school', 'first-half')).not.toContain('疗休养，');
  });
});

describe('a user’s template may have variants', () => {
  const dir = mkdtempSync(join(tmpdir(), 'variants-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports levels that are not levels and defaults that are not a map', async () => {
    mkdirSync(join(dir, 'mine'));
    writeFileSync(
      join(dir, 'mine', 'template.md'),
      '---\nname: 我的\ndefaults:\n  guidance: 甲\nvariants:\n  - levels: [乡, 村]\n    defaults: {guidance: 乙}\n  - levels: [县]\n    defaults: 丙\n---\n{{guidance}}\n',
    );
    const template = await new TemplateRegistry(dir).get('mine');
    expect(() => template.meta).toThrowError(/variants 的第 1 项的 levels 应为本级列表[\s\S]*variants 的第 2 项的 defaults 应为键值对/);
  });
});
