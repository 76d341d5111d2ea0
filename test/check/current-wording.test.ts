import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/check/check.js';
import { TODAY, check, markdown, outline, places } from './helpers.js';

const CURRENT =
  '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，深入学习贯彻习近平总书记关于工人阶级和工会工作的重要论述，认真落实中国工会十八大部署';
const SCHOOL = '，深入贯彻全国教育大会精神，建设教育强国，大力弘扬教育家精神';

describe('missing-current-wording (warning)', () => {
  it('finds a 2027 指导思想 without the current formulas, at the 指导思想', () => {
    const found = check(
      outline('guidance: 以习近平新时代中国特色社会主义思想为指导，贯彻党的教育方针。\n'),
      'yaml',
      'missing-current-wording',
    );
    expect(places(found)).toEqual(['4:11']);
    expect(found[0]!.message).toBe(
      '2027年计划的指导思想缺少现行提法：“党的二十大和二十届历次全会精神”、“习近平总书记关于工人阶级和工会工作的重要论述”、“中国工会十八大精神（或部署）”、“全国教育大会精神”、“教育强国”、“教育家精神”',
    );
    expect(found[0]!.suggestion).toContain('全面贯彻党的二十大和二十届历次全会精神');
  });

  it('is satisfied by the current formulas, and asks a school for its own', () => {
    expect(check(outline(`guidance: ${CURRENT}${SCHOOL}。\n`), 'yaml', 'missing-current-wording')).toEqual([]);
    const found = check(outline(`guidance: ${CURRENT}。\n`), 'yaml', 'missing-current-wording');
    expect(found[0]!.message).toBe('2027年计划的指导思想缺少现行提法：“全国教育大会精神”、“教育强国”、“教育家精神”');
    const district = 'type: district\norg: 青山县总工会\nyear: 2027\n';
    expect(check(outline(`guidance: ${CURRENT}。\n`, district), 'yaml', 'missing-current-wording')).toEqual([]);
  });

  it('asks a 2028 plan for 党的二十一大 and finds the 指导思想 of a Markdown plan', () => {
    const front = 'title: 青山县总工会2028年工作计划\norg: 青山县总工会\ntype: district\nyear: 2028\n';
    const text = markdown(`# 指导思想\n\n${CURRENT}。\n\n# 主要工作\n\n做好工作。\n`, front);
    const found = check(text, 'md', 'missing-current-wording');
    expect(places(found)).toEqual(['10:1']);
    expect(found[0]!.message).toBe('2028年计划的指导思想缺少现行提法：“党的二十一大精神”');
    expect(
      check(text.replace('全面贯彻党的二十大和二十届历次全会精神', '全面学习贯彻党的二十一大精神'), 'md', 'missing-current-wording'),
    ).toEqual([]);
  });

  it('says nothing for a plan that names no year', () => {
    expect(check('# 指导思想\n\n以习近平新时代中国特色社会主义思想为指导。\n', 'md', 'missing-current-wording')).toEqual([]);
  });

  it('reads the user’s wording list named by check.wording, which replaces the year’s entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wording-'));
    writeFileSync(
      join(dir, '现行提法.yaml'),
      '- from: 2027\n  guidance: 本省的提法\n  task: 本省的任务\n  formulas:\n    - name: 省工会十五大精神\n      text: 省工会十五大\n',
    );
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, outline(`guidance: ${CURRENT}${SCHOOL}。\ncheck:\n  wording: 现行提法.yaml\n`));
    const found = (await checkFile(file, { today: TODAY })).filter((f) => f.rule === 'missing-current-wording');
    expect(places(found)).toEqual(['4:11']);
    // The school's own formulas still come from the built-in list, and this guidance has them.
    expect(found[0]!.message).toBe('2027年计划的指导思想缺少现行提法：“省工会十五大精神”');
  });

  it('reports a bad wording list at its line and column', async () => {
    const { parseWording } = await import('../../src/templates/wording.js');
    let error: unknown;
    try {
      parseWording('w.yaml', '- from: 27\n  guidance: 甲\n  task: 乙\n  formulas:\n    - name: 丙\n');
    } catch (thrown) {
      error = thrown;
    }
    // Checked outside the catch: a list that parsed without error fails here instead of passing.
    expect(error).toBeInstanceOf(UserError);
    const problems = (error as UserError).problems;
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['1:9', '5:7']);
    expect(problems[0]!.message).toMatch(/from/);
    expect(problems[0]!.message).toContain('实际为 “27”');
  });
});

describe('outdated-reference: campaigns that have ended, and 新时期', () => {
  it('finds each at its line and column', () => {
    const found = check(
      markdown('深入开展党史学习教育和党纪学习教育，巩固中央八项规定精神学习教育成果，抓好疫情防控，开创新时期工会工作新局面。\n'),
      'md',
      'outdated-reference',
    );
    // 巩固……学习教育成果 is how a later plan refers to an ended campaign: not outdated.
    expect(places(found)).toEqual(['7:5', '7:12', '7:38', '7:45']);
    expect(found.map((f) => f.suggestion)).toEqual([
      '改为“当年党中央部署的学习教育”或当前的提法，或删去',
      '改为“当年党中央部署的学习教育”或当前的提法，或删去',
      '改为“职工健康服务”或当前的提法，或删去',
      '改为“新时代”或当前的提法，或删去',
    ]);
  });

  it('keeps 落实中央八项规定精神 and 中国工会十八大, which are current', () => {
    expect(check(markdown('落实中央八项规定精神，深入学习贯彻中国工会十八大精神。\n'), 'md', 'outdated-reference')).toEqual([]);
  });
});

describe('body-schedule-mismatch (warning)', () => {
  const body = 'sections:\n  - title: 文体\n    items:\n      - title: 读书\n        text: 9月开展读书活动，教师节表彰优秀教师。\n';
  it('finds schedule work the body does not describe, at the schedule row', () => {
    const found = check(
      outline(`${body}schedule:\n  - month: 9\n    items: [开展读书活动, 庆祝教师节]\n  - month: 10\n    items: [举办教职工运动会]\n`),
      'yaml',
      'body-schedule-mismatch',
    );
    expect(places(found)).toEqual(['12:12']);
    expect(found[0]!.message).toBe('月度安排“10月”中的“运动会”在正文中没有相应的工作');
  });

  it('finds dated body work the schedule leaves out, at the body text', () => {
    const found = check(outline(`${body}schedule:\n  - month: 10\n    items: [开展读书活动]\n`), 'yaml', 'body-schedule-mismatch');
    expect(places(found)).toEqual(['8:15', '8:15']);
    expect(found.map((f) => f.message)).toEqual([
      '正文写到“9月”的工作，但月度安排中没有9月',
      '正文写到“教师节”的工作，但月度安排中没有这项工作',
    ]);
  });

  it('reads a Markdown plan’s schedule table, not its owner column', () => {
    const text = markdown(
      '# 主要工作\n\n开展读书活动。\n\n# 具体工作安排\n\n| 月份 | 工作内容 | 责任部门 |\n| --- | --- | --- |\n| 6月 | 读书交流 | 工会委员会 |\n| 7—8月 | 组织暑期疗休养 | 工会委员会 |\n',
    );
    const found = check(text, 'md', 'body-schedule-mismatch');
    expect(places(found)).toEqual(['16:3']);
    expect(found[0]!.message).toBe('月度安排“7—8月”中的“疗休养”在正文中没有相应的工作');
  });
});

describe('drafting-after-date (warning)', () => {
  const plan = (date: string, month: number, item: string) =>
    outline(`date: ${date}\nschedule:\n  - month: ${month}\n    items: [${item}]\n`);
  it('finds a row that schedules writing the plan after the date it is signed', () => {
    const found = check(plan('2027-01-04', 2, 制订('年度工会工作计划')), 'yaml', 'drafting-after-date');
    expect(places(found)).toEqual(['6:12']);
    expect(found[0]!.message).toBe('月度安排在“2月”安排“制订年度工会工作计划”，但本计划落款日期为2027-01-04：计划不会在成文之后才制订');
    // Signed in the year before: every month of the plan year is after.
    expect(places(check(plan('2026-12-20', 1, 制订('年度工会工作计划')), 'yaml', 'drafting-after-date'))).toEqual(['6:12']);
  });

  it('leaves the next plan and rows before the date alone', () => {
    expect(check(plan('2027-01-04', 12, 制订('下一年度工会工作计划')), 'yaml', 'drafting-after-date')).toEqual([]);
    expect(check(plan('2027-03-01', 2, 制订('年度工会工作计划')), 'yaml', 'drafting-after-date')).toEqual([]);
  });
});

function 制订(what: string): string {
  return `制订${what}`;
}

describe('level-mismatch (warning)', () => {
  const county = 'type: district\norg: 青山县总工会\nyear: 2027\n';
  it('finds another level’s self-references in a county’s plan, at each', () => {
    const found = check(
      outline('preface: 在区委领导下，团结全区职工，推进全区域协同，指导社区委员会工作。\n', county),
      'yaml',
      'level-mismatch',
    );
    expect(places(found)).toEqual(['4:11', '4:19']);
    expect(found[0]!.message).toBe('本计划是县一级（工会全称：青山县总工会），“区委”与本级不符');
    expect(found.map((f) => f.suggestion)).toEqual(['改为“县委”', '改为“全县”']);
  });

  it('goes by level: over the name, and leaves superiors of another tier alone', () => {
    const town = 'type: town\norg: 青山镇总工会\nlevel: 乡\nyear: 2027\n';
    const found = check(outline('preface: 在镇党委和青山县总工会领导下，团结全镇职工。\n', town), 'yaml', 'level-mismatch');
    expect(places(found)).toEqual(['5:11', '5:27']);
    expect(found[1]!.suggestion).toBe('改为“全乡”');
  });

  it('reads a Markdown plan’s type as an outline’s, by its Chinese name too', () => {
    for (const type of ['town', '乡镇', '乡镇工会']) {
      const found = check(
        markdown('团结全镇职工。\n', `title: 青山乡工会2027年工作计划\ntype: ${type}\norg: 青山乡工会\nyear: 2027\n`),
        'md',
        'level-mismatch',
      );
      expect(
        found.map((f) => f.suggestion),
        type,
      ).toEqual(['改为“全乡”']);
    }
    // A type that is none is left as text, as before: no level, no finding.
    expect(check(markdown('团结全镇职工。\n', 'type: 学效\norg: 青山乡工会\nyear: 2027\n'), 'md', 'level-mismatch')).toEqual([]);
  });

  it('says nothing about grassroots plans, which have no level', () => {
    expect(check(outline('preface: 团结全区教职工。\n'), 'yaml', 'level-mismatch')).toEqual([]);
  });
});
