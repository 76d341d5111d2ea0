import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { UserError, formatProblem } from '../../src/errors.js';
import { parseLists } from '../../src/check/lists/lists.js';
import { TODAY, check, markdown, outline, places } from './helpers.js';

// What a county federation's office returns a plan for (issue 25, point 7): each probe found at
// its line and column, in an outline and in a Markdown plan, and a correct text left alone.

const head = (type: string, org: string, extra = '') => `type: ${type}\norg: ${org}\nyear: 2027\n${extra}`;
const front = (type: string, org: string) => `title: ${org}2027年工作计划\ntype: ${type}\norg: ${org}\nyear: 2027\n`;

describe('outdated-reference: dated formulas of the union’s role and guidance', () => {
  const old =
    '发挥维护、建设、参与、教育四项职能，坚持组织起来、切实维权，以“三个代表”重要思想为指导，贯彻工会十四大精神，以科学发展观为指导。';

  it('finds each in a Markdown plan, with the current formula as suggestion', () => {
    const found = check(markdown(`${old}\n`), 'md', 'outdated-reference');
    expect(places(found)).toEqual(['7:3', '7:21', '7:31', '7:48', '7:56']);
    expect(found.map((f) => f.suggestion)).toEqual([
      '改为“维护职工合法权益、竭诚服务职工群众的基本职责”或当前的提法，或删去',
      '改为“维护职工合法权益、竭诚服务职工群众”或当前的提法，或删去',
      '改为“以习近平新时代中国特色社会主义思想为指导”或当前的提法，或删去',
      // 工会十四大 → 十五大 → … → 十八大: the one current in 2027.
      '改为“中国工会十八大”或当前的提法，或删去',
      '改为“以习近平新时代中国特色社会主义思想为指导”或当前的提法，或删去',
    ]);
    expect(found[0]!.message).toContain('“维护、建设、参与、教育”是过时的提法');
  });

  it('finds each in an outline', () => {
    const found = check(outline(`preface: ${old}\n`), 'yaml', 'outdated-reference');
    expect(places(found)).toEqual(['4:12', '4:30', '4:40', '4:57', '4:65']);
  });

  it('leaves the current formulas alone: the full guidance, the 基本职责, another congress’s 十四大', () => {
    const current =
      '坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导，' +
      '履行维护职工合法权益、竭诚服务职工群众的基本职责，认真落实中国工会十八大和省总工会十四大部署。';
    expect(check(markdown(`${current}\n`), 'md', 'outdated-reference')).toEqual([]);
    expect(check(outline(`preface: ${current}\n`), 'yaml', 'outdated-reference')).toEqual([]);
  });
});

describe('outdated-reference: an ended campaign’s 成果', () => {
  it('does not flag 巩固拓展……学习教育成果, the normal way to refer to an ended campaign', () => {
    const text = '巩固拓展深入贯彻中央八项规定精神学习教育成果，巩固党纪学习教育的成果。';
    expect(check(markdown(`${text}\n`), 'md', 'outdated-reference')).toEqual([]);
    expect(check(outline(`preface: ${text}\n`), 'yaml', 'outdated-reference')).toEqual([]);
  });

  it('still flags the campaign itself as a task of the year', () => {
    expect(places(check(markdown('深入开展党纪学习教育。\n'), 'md', 'outdated-reference'))).toEqual(['7:5']);
  });
});

describe('target-without-value: values that are none', () => {
  const targets = (a: string, b: string, c: string) =>
    `targets:\n  - name: 新入会\n    value: ${a}\n  - name: 新建工会驿站\n    value: ${b}\n  - name: 工会驿站\n    value: ${c}\n`;

  it('takes 待定, 完成上级工会下达的任务, 正常运行 as empty, in an outline', () => {
    const found = check(outline(targets('待定', '完成上级工会下达的任务', '正常运行')), 'yaml', 'target-without-value');
    expect(places(found)).toEqual(['6:12', '8:12', '10:12']);
    expect(found[0]!.message).toBe('工作目标“新入会”的目标值写成“待定”，等于没有写');
    expect(found[1]!.message).toBe(
      '工作目标“新建工会驿站”的目标值写成“完成上级工会下达的任务”，等于没有写（这是一句要求，不是目标值；写上级下达的具体数字）',
    );
  });

  it('and in a Markdown plan’s table', () => {
    const md = markdown(
      '| 序号 | 指标 | 目标值 |\n| --- | --- | --- |\n| 1 | 新入会 | 待定 |\n| 2 | 新建工会驿站 | 完成上级工会下达的任务 |\n| 3 | 工会驿站 | 确保正常运行 |\n',
    );
    const found = check(md, 'md', 'target-without-value');
    expect(places(found)).toEqual(['9:13', '10:16', '11:14']);
    expect(found[2]!.message).toBe(
      '工作目标“工会驿站”的目标值写成“确保正常运行”，“正常运行”等于没有写（写可以核对的数字，如开放天数、服务人次）',
    );
  });

  it('passes values', () => {
    expect(check(outline(targets('120', '3', '开放300天')), 'yaml', 'target-without-value')).toEqual([]);
  });
});

describe('frequency-schedule-mismatch', () => {
  const body =
    'sections:\n  - title: 服务职工\n    items:\n      - title: 办好工会驿站\n        text: 已建驿站每季度检查一次开放和服务情况。\n';
  const rows = (months: number[]) =>
    `schedule:\n${months.map((m) => `  - month: ${m}\n    items: [检查工会驿站开放情况]\n`).join('')}  - month: 5\n    items: [庆祝五一]\n`;

  it('finds 每季度 work the schedule has in fewer quarters, at the frequency word', () => {
    const found = check(outline(body + rows([3, 9])), 'yaml', 'frequency-schedule-mismatch');
    expect(places(found)).toEqual(['8:19']);
    expect(found[0]!.message).toBe(
      '正文写“已建驿站每季度检查一次开放和服务情况”，月度安排中只有2个季度安排了这项工作（应有4个季度），缺第二季度、第四季度',
    );
  });

  it('counts the quarters of a half-year plan only, and goes back a clause for the work (台账，每半年更新一次)', () => {
    const half = head('community', '青山社区工会联合会', 'period: first-half\n');
    expect(places(check(outline(body + rows([3]), half), 'yaml', 'frequency-schedule-mismatch'))).toEqual(['9:19']);
    expect(check(outline(body + rows([3, 6]), half), 'yaml', 'frequency-schedule-mismatch')).toEqual([]);
    const ledger =
      'preface: 建立建会入会台账，每半年更新一次。\nschedule:\n  - month: 2\n    items: [建立建会入会台账]\n  - month: 10\n    items: [走访企业]\n';
    const found = check(outline(ledger), 'yaml', 'frequency-schedule-mismatch');
    expect(places(found)).toEqual(['4:19']);
    expect(found[0]!.message).toContain('缺下半年');
  });

  it('finds 每月 in a Markdown plan, at its line and column', () => {
    const md = markdown(
      '# 主要工作\n\n工会委员会每月召开一次例会。\n\n# 具体工作安排\n\n| 月份 | 工作内容 |\n| --- | --- |\n| 1—6月 | 工会委员会例会 |\n| 9月 | 教师节慰问 |\n',
    );
    const found = check(md, 'md', 'frequency-schedule-mismatch');
    expect(places(found)).toEqual(['9:6']);
    expect(found[0]!.message).toContain('只有6个月安排了这项工作（应有12个月），缺7月、8月、9月、10月、11月、12月');
  });

  it('is quiet when every quarter has the work, or there is no schedule', () => {
    expect(check(outline(body + rows([3, 6, 9, 12])), 'yaml', 'frequency-schedule-mismatch')).toEqual([]);
    expect(check(outline(body), 'yaml', 'frequency-schedule-mismatch')).toEqual([]);
  });
});

describe('level-mismatch: the audit type and the 乡', () => {
  const county = head('audit', '青山县总工会经费审查委员会');
  const grassroots = head('audit', '城南实验小学工会经费审查委员会');
  const countyText = 'preface: 审查会费收缴情况，向会员（代表）大会报告，开展工会主席离任审计。\n';
  const grassrootsText = 'preface: 审查乡镇（街道）工会经费，指导下级经审会。\n';

  it('finds grassroots work in a county 经审会’s plan (outline)', () => {
    const found = check(outline(countyText, county), 'yaml', 'level-mismatch');
    expect(places(found)).toEqual(['4:12', '4:20', '4:33']);
    expect(found.map((f) => f.message.split('：')[0])).toEqual([
      '本计划是县一级（工会全称',
      '本计划是县一级（工会全称',
      '本计划是县一级（工会全称',
    ]);
    expect(found[0]!.message).toContain('“会费收缴”与本级不符');
  });

  it('and in a Markdown plan, by `level` as well as the name', () => {
    const found = check(
      markdown('审查会费收缴情况，向会员（代表）大会报告，开展工会主席离任审计。\n', front('audit', '青山县总工会经费审查委员会')),
      'md',
      'level-mismatch',
    );
    expect(places(found)).toEqual(['8:3', '8:11', '8:24']);
    expect(found[2]!.message).toContain('“工会主席离任审计”与本级不符');
    expect(places(check(outline(countyText, `${grassroots}level: 区\n`), 'yaml', 'level-mismatch'))).toEqual(['5:12', '5:20', '5:33']);
  });

  it('finds county work in a grassroots 经审会’s plan', () => {
    const found = check(outline(grassrootsText, grassroots), 'yaml', 'level-mismatch');
    expect(places(found)).toEqual(['4:12', '4:25']);
    expect(found[0]!.message).toMatch(/^本计划是基层工会（工会全称：城南实验小学工会经费审查委员会），“乡镇（街道）工会”与本级不符/);
    const md = check(
      markdown('审查乡镇（街道）工会经费，指导下级经审会。\n', front('audit', '城南实验小学工会经费审查委员会')),
      'md',
      'level-mismatch',
    );
    expect(places(md)).toEqual(['8:3', '8:16']);
  });

  it('leaves each 经审会 its own work, and a county’s guidance to grassroots unions', () => {
    expect(check(outline(countyText, grassroots), 'yaml', 'level-mismatch')).toEqual([]);
    expect(check(outline(grassrootsText, county), 'yaml', 'level-mismatch')).toEqual([]);
    const guidance = 'preface: 督促基层工会按时向会员（代表）大会报告经费收支情况。\n';
    expect(check(outline(guidance, county), 'yaml', 'level-mismatch')).toEqual([]);
  });

  it('finds 园区 and 规模以上企业 in a 乡’s plan, and 园区 only there', () => {
    const text = 'preface: 推动园区和规模以上企业建会。\n';
    const found = check(outline(text, head('town', '青山乡工会联合会')), 'yaml', 'level-mismatch');
    expect(places(found)).toEqual(['4:12', '4:15']);
    expect(found[1]!.suggestion).toBe('改为“25人以上的企业单独建会，不足25人的单独或联合建会”');
    const md = check(markdown('推动园区和规模以上企业建会。\n', front('town', '青山乡工会联合会')), 'md', 'level-mismatch');
    expect(places(md)).toEqual(['8:3', '8:6']);
    expect(places(check(outline(text, head('town', '青山镇总工会')), 'yaml', 'level-mismatch'))).toEqual(['4:15']);
    expect(check(outline(text, head('street', '青山街道总工会')), 'yaml', 'level-mismatch')).toEqual([]);
  });
});

describe('missing-staple', () => {
  const sections = (text: string) => `sections:\n  - title: 主要工作\n    items:\n      - title: 工作\n        text: ${text}\n`;
  const cases: [string, string, string, string[]][] = [
    ['community', '青山社区工会联合会', '开展区域性工资集体协商，建立区域职代会。', ['集体协商', '民主管理']],
    ['enterprise', '青山机械有限公司工会', '健全劳动法律监督委员会，参与劳动争议调解。', ['劳动法律监督', '劳动争议调解']],
    ['town', '青山镇总工会', '开展“安康杯”竞赛和群众性安全生产监督。', ['安全生产']],
    ['district', '青山县总工会', '推进职工医疗互助保障，组织劳模疗休养。', ['互助保障', '疗休养']],
  ];

  for (const [type, org, text, names] of cases) {
    it(`${type}: finds each missing staple at 主要工作, and none when the plan has them`, () => {
      const found = check(outline(sections('团结职工。'), head(type, org)), 'yaml', 'missing-staple');
      expect(found.map((f) => f.message.replace(/：.*$/, ''))).toEqual(names.map((n) => `计划中没有写到“${n}”`));
      expect(new Set(places(found))).toEqual(new Set(['4:1']));
      const md = check(
        markdown('# 一、指导思想\n\n团结职工。\n\n# 二、主要工作\n\n团结职工。\n', front(type, org)),
        'md',
        'missing-staple',
      );
      expect(new Set(places(md))).toEqual(new Set(['12:1']));
      expect(md).toHaveLength(names.length);
      expect(check(outline(sections(text), head(type, org)), 'yaml', 'missing-staple')).toEqual([]);
      expect(check(markdown(`# 二、主要工作\n\n${text}\n`, front(type, org)), 'md', 'missing-staple')).toEqual([]);
    });
  }

  it('asks a 乡 for no 安全生产 (the 镇 has it), and a school for none of these', () => {
    expect(check(outline(sections('团结职工。'), head('town', '青山乡工会联合会')), 'yaml', 'missing-staple')).toEqual([]);
    expect(check(outline(sections('团结职工。')), 'yaml', 'missing-staple')).toEqual([]);
  });
});

describe('check.lists: a unit’s own words, added to the built-in ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unionplan-lists-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'plan.yaml');

  it('adds non-values, frequencies, level words and staples', () => {
    writeFileSync(
      join(dir, '词表.yaml'),
      [
        'non-values:',
        '  - text: 力争完成',
        'frequencies:',
        '  - text: 每两个月',
        '    months: 2',
        'levels:',
        '  - text: 开发区',
        '    levels: [乡]',
        '    note: 本乡没有开发区',
        'staples:',
        '  - name: 职工书屋',
        '    text: 职工书屋',
        '    types: [town]',
        '',
      ].join('\n'),
    );
    const text = outline(
      'check:\n  lists: 词表.yaml\ntargets:\n  - name: 新入会\n    value: 力争完成\npreface: 开发区工会每两个月走访一次企业。\nschedule:\n  - month: 3\n    items: [走访企业]\n',
      head('town', '青山乡工会联合会'),
    );
    const found = checkText(file, text, { today: TODAY }).filter((f) =>
      ['target-without-value', 'frequency-schedule-mismatch', 'level-mismatch', 'missing-staple'].includes(f.rule),
    );
    expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([
      // No 主要工作 in this outline: the finding is at its start.
      '1:1 missing-staple',
      '8:12 target-without-value',
      '9:10 level-mismatch',
      '9:15 frequency-schedule-mismatch',
    ]);
    expect(found[2]!.message).toContain('本乡没有开发区');
  });

  it('reports every mistake of a list at its line and column, without echoing the file', () => {
    writeFileSync(
      join(dir, '错表.yaml'),
      'frequencies:\n  - text: 每旬\n    months: 5\nlevels:\n  - text: 园区\n    levels: [村]\nstaples:\n  - pattern: (a+)+$\n    types: [town]\nextra: []\n',
    );
    const text = outline('check:\n  lists: 错表.yaml\n');
    let problems: string[] = [];
    try {
      checkText(file, text, { today: TODAY });
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      problems = (error as UserError).problems.map(formatProblem);
    }
    const list = join(dir, '错表.yaml');
    expect(problems).toEqual([
      `${list}:3:13: months（间隔的月数）应为 1、2、3、4、6 之一，如每季度为 3`,
      `${list}:6:14: levels（层级）的第 1 项无效，可用的：区、县、市、旗、镇、乡、街道、基层`,
      `${list}:8:5: staples 的第 1 项应有 name（提示时显示的名称）`,
      `${list}:8:14: pattern（正则表达式）不能使用：不能用 *、+ 或 {n,} 这类不限次数的重复，请写出次数上限，如 {0,3}`,
      `${list}:10:1: 检查词表中的未知组，可用的组：non-values、frequencies、common-words、levels、staples`,
    ]);
  });
});

describe('the README’s example of a check.lists file', () => {
  it('is a list file the checker reads, with one entry of each group it shows', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('#### 检查词表'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const lists = parseLists('README.md', example);
    expect([lists.nonValues.length, lists.frequencies.length, lists.levels.length, lists.staples.length]).toEqual([1, 1, 1, 1]);
    expect(lists.levels[0]).toMatchObject({ levels: ['乡'], types: ['town'], note: '本乡没有开发区' });
  });
});
