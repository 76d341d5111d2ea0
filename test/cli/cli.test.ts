import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, run, tempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';

beforeAll(() => requireBuild());

describe('unionplan new → build', () => {
  // The built CLI, spawned, once: the bundle as users run it (the other tests run its commands in-process).
  it('writes an outline, builds it to Markdown, and builds the Markdown again', () => {
    const dir = tempDir();
    const created = run(dir, 'new', '--type', 'school', '--org', '城南实验小学工会', '--year', '2027');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('plan.yaml');
    const yaml = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(yaml).toContain('org: 城南实验小学工会');
    expect(yaml).toContain('year: 2027');
    expect(yaml).toContain('教代会');

    const built = run(dir, 'build', 'plan.yaml');
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const md = readFileSync(join(dir, 'plan.md'), 'utf8');
    expect(md).toMatch(/^---\ntitle: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\n/);
    expect(md).toContain('# 一、指导思想');
    expect(md).toContain('## （一）');
    // Items run into their first paragraph: “1.标题。正文”.
    expect(md).toMatch(/\n\n1\.[^\n]+。[^\n]+\n/);
    // One owner (the union committee) for every row: no owner column.
    expect(md).toContain('| 月份 | 工作内容 |\n');
    expect(md).not.toContain('责任部门');
    // Signed today when written in October–December of the year before, else early in 2027.
    expect(md).toMatch(/<!-- 落款 -->\n\n城南实验小学工会\n\n20(26|27)年\d+月\d+日\n$/);

    // A hand-edited plan.md: a section deleted, renumbered without a gap.
    const edited = md.replace(/## （一）[\s\S]*?(?=## （二）)/, '');
    writeFileSync(join(dir, 'edited.md'), edited);
    const rebuilt = run(dir, 'build', 'edited.md', '--out', 'out');
    expect(rebuilt.status).toBe(0);
    const again = readFileSync(join(dir, 'out', 'edited.md'), 'utf8');
    expect(again).toContain('## （一）健全民主管理，推进校务公开');
    expect(again).not.toContain('## （六）');
  });

  it('keeps the check: settings from the outline into the Markdown, and from Markdown to Markdown', async () => {
    const dir = tempDir();
    await runCli(dir, 'new', '--type', 'community', '--org', '城东社区工会', '--year', '2027');
    const outline = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    writeFileSync(join(dir, 'plan.yaml'), `check:\n  disable: [single-item, stale-year]\n${outline}`);
    expect((await runCli(dir, 'build', 'plan.yaml')).status).toBe(0);
    const md = readFileSync(join(dir, 'plan.md'), 'utf8');
    const settings = /\ncheck:\n {2}disable:\n {4}- single-item\n {4}- stale-year$/;
    expect(md.split('\n---\n')[0]).toMatch(settings);
    expect((await runCli(dir, 'build', 'plan.md', '--out', 'again')).status).toBe(0);
    expect(readFileSync(join(dir, 'again', 'plan.md'), 'utf8').split('\n---\n')[0]).toMatch(settings);
    // And check still reads them there: a year long past is not reported while stale-year is off.
    const rebuilt = readFileSync(join(dir, 'again', 'plan.md'), 'utf8').replace('\n---\n\n', '\n---\n\n回顾2019年以来的工作。\n\n');
    writeFileSync(join(dir, 'kept.md'), rebuilt);
    writeFileSync(join(dir, 'dropped.md'), rebuilt.replace(/\ncheck:\n(?: .*\n)+/, '\n'));
    expect((await runCli(dir, 'check', 'kept.md', '--json')).stdout).not.toContain('stale-year');
    expect((await runCli(dir, 'check', 'dropped.md', '--json')).stdout).toContain('stale-year');
  });

  it('keeps a check.references list findable from the folder the plan is written to', async () => {
    const dir = tempDir();
    await runCli(dir, 'new', '--type', 'town', '--org', '城东镇总工会', '--year', '2027');
    writeFileSync(join(dir, 'refs.yaml'), '- text: 老提法\n  since: 2020\n  replacement: 新提法\n');
    const outline = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    writeFileSync(join(dir, 'plan.yaml'), `check:\n  references: refs.yaml\n${outline}`);
    expect((await runCli(dir, 'build', 'plan.yaml', '--out', 'out')).status).toBe(0);
    const md = readFileSync(join(dir, 'out', 'plan.md'), 'utf8');
    expect(md.split('\n---\n')[0]).toMatch(/\ncheck:\n {2}references: \.\.\/refs\.yaml$/);
    // The list is read from there: its wording is found in the plan.
    writeFileSync(join(dir, 'out', 'plan.md'), md.replace('\n---\n\n', '\n---\n\n继续沿用老提法。\n\n'));
    const checked = await runCli(dir, 'check', join('out', 'plan.md'), '--json');
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toContain('新提法');
  });

  it('writes the outline where -o says and the output where --out says', async () => {
    const dir = tempDir();
    expect((await runCli(dir, 'new', '--type', 'town', '--org', '青山镇总工会', '-o', 'town.yaml')).status).toBe(0);
    expect((await runCli(dir, 'build', 'town.yaml', '--out', 'plans', '--format', 'md')).status).toBe(0);
    expect(readdirSync(join(dir, 'plans'))).toEqual(['town.md']);
  });

  it('cuts the schedule to a half-year period', async () => {
    const dir = tempDir();
    await runCli(dir, 'new', '--type', 'school', '--org', '某校工会', '--year', '2027', '--period', 'second-half');
    await runCli(dir, 'build', 'plan.yaml');
    const md = readFileSync(join(dir, 'plan.md'), 'utf8');
    expect(md).toContain('title: 某校工会2027年下半年工作计划');
    expect(md).not.toMatch(/^\| [1-6]月 \|/m);
    expect(md).toMatch(/^\| 9月 \|/m);
  });
});

describe('unionplan types and eject', () => {
  it('lists the eight types with their Chinese names', async () => {
    const { stdout, status } = await runCli(tempDir(), 'types');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'school 学校',
      'kindergarten 幼儿园',
      'enterprise 企业',
      'town 乡镇',
      'street 街道',
      'community 社区',
      'district 区（县）总工会',
      'audit 经费审查委员会',
    ]);
  });

  it('ejects a template that --templates then renders with', async () => {
    const dir = tempDir();
    expect((await runCli(dir, 'eject', '--type', 'school', 'my')).status).toBe(0);
    const file = join(dir, 'my', 'school', 'template.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('# 指导思想', '# 总体思路'));
    await runCli(dir, 'new', '--type', 'school', '--org', '某校工会', '--year', '2027', '--templates', 'my');
    expect((await runCli(dir, 'build', 'plan.yaml', '--templates', 'my')).status).toBe(0);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toContain('# 一、总体思路');
    expect((await runCli(dir, 'eject', '--type', 'school', 'my')).status).toBe(5);
  });
});

describe('bad input', () => {
  it('never overwrites without --force', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.yaml'), '我的提纲');
    const again = await runCli(dir, 'new', '--type', 'school', '--org', '某校工会');
    expect(again.status).toBe(5);
    expect(again.stderr).toContain('plan.yaml: 文件已存在，未覆盖。要覆盖请加 --force');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('我的提纲');
    expect((await runCli(dir, 'new', '--type', 'school', '--org', '某校工会', '--force')).status).toBe(0);
    expect((await runCli(dir, 'build', 'plan.yaml')).status).toBe(0);
    expect((await runCli(dir, 'build', 'plan.yaml')).status).toBe(5);
    expect((await runCli(dir, 'build', 'plan.yaml', '--force')).status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('lists the valid types for an unknown --type', async () => {
    const { status, stderr } = await runCli(tempDir(), 'new', '--type', 'hospital', '--org', 'x');
    expect(status).toBe(2);
    expect(stderr).toContain(
      '未知的计划类型 “hospital”。可用的类型：school（学校）、kindergarten（幼儿园）、enterprise（企业）、town（乡镇）、street（街道）、community（社区）、district（区（县）总工会）、audit（经费审查委员会）',
    );
    expect(stderr).not.toContain('是不是');
  });

  it('accepts the Chinese name of a type in --type, and suggests the nearest for a near miss', async () => {
    const dir = tempDir();
    expect((await runCli(dir, 'new', '--type', '幼儿园', '--org', '城南幼儿园工会', '--year', '2027')).status).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(/^type: kindergarten$/m);
    expect((await runCli(dir, 'eject', '--type', '经审会', 'mine')).status).toBe(0);
    expect(readdirSync(join(dir, 'mine'))).toEqual(['audit']);
    const latin = await runCli(dir, 'new', '--type', 'scool', '--org', 'x', '-o', 'a.yaml');
    expect(latin.status).toBe(2);
    expect(latin.stderr).toContain('未知的计划类型 “scool”。是不是 school？');
    const chinese = await runCli(dir, 'new', '--type', '幼儿圆', '--org', 'x', '-o', 'b.yaml');
    expect(chinese.stderr).toContain('是不是 kindergarten？');
  });

  it('reports every schema problem with file:line:column and no stack trace', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'type: school\norg: 某校工会\nyear: 二〇二七\nperiod: 全学年\n');
    const { status, stderr } = await runCli(dir, 'build', 'bad.yaml');
    expect(status).toBe(4);
    expect(stderr).toContain('错误：输入内容有误（共 2 处）');
    expect(stderr).toContain('bad.yaml:3:7: year（年度）的值 “二〇二七” 无效');
    expect(stderr).toContain('bad.yaml:4:9: period（计划期间）的值 “全学年” 无效');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'bad.md'))).toBe(false);
  });

  it('says a missing file is missing', async () => {
    const { status, stderr } = await runCli(tempDir(), 'build', 'nope.yaml');
    expect(status).toBe(3);
    expect(stderr).toContain('nope.yaml: 文件不存在');
  });

  it('rejects unknown formats, options and file types with usage status 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.txt'), 'x');
    expect((await runCli(dir, 'build', 'plan.txt')).stderr).toContain('无法识别的文件类型 “.txt”');
    const format = await runCli(dir, 'build', 'plan.yaml', '--format', 'md,html,odt');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('不支持的输出格式 “html”、“odt”');
    const option = await runCli(dir, 'build', '--bogus');
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('未知选项 --bogus');
    expect((await runCli(dir, 'new', '--type', 'school')).stderr).toContain('请用 --org 给出工会全称');
    expect((await runCli(dir, 'new', '--type', 'school', '--org', 'x', '--year', '27')).stderr).toContain('--year 的值 “27” 无效');
  });

  it('prints help in Chinese and exits 0', async () => {
    const { status, stdout } = await runCli(tempDir(), 'build', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('输出格式');
    expect(stdout).toContain('用法： unionplan build [选项] <文件…>');
    // The format's default now comes from unionplan.config.yaml when there is one.
    expect(stdout.replace(/\s+/g, '')).toContain('（默认取unionplan.config.yaml的formats，否则为md）');
    // commander's own default, in the Chinese frame.
    expect(run(tempDir(), 'new', '--help').stdout).toContain('（默认：plan.yaml）');
  });

  it('has no English frame words in any help, and prints help when run bare', async () => {
    const bare = await runCli(tempDir());
    expect(bare.status).toBe(0);
    expect(bare.stderr).toBe('');
    expect(bare.stdout).toContain('命令：');
    const commands = [...bare.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['new', 'build', 'check', 'batch', 'types', 'help']));
    const helps = [bare.stdout];
    for (const command of commands.filter((c) => c !== 'help')) helps.push((await runCli(tempDir(), command, '--help')).stdout);
    for (const help of helps) {
      expect(help).not.toMatch(/Usage:|Options:|Commands:|Arguments:|\(default:|choices:|\[options\]|\[command\]/);
      expect(help).toContain('用法：');
    }
  });
});

describe('unionplan new --period: terms and Chinese names', () => {
  it('writes and builds a second-term plan named in Chinese: the 2026—2027 school year for --year 2027', async () => {
    const dir = tempDir();
    const created = await runCli(dir, 'new', '--type', 'school', '--org', '城南实验小学工会', '--year', '2027', '--period', '第二学期');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const yaml = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(yaml).toMatch(/^period: second-term$/m);
    expect(yaml).toMatch(/^date: 2027-02-01$/m);
    const built = await runCli(dir, 'build', 'plan.yaml');
    expect(built.status).toBe(0);
    const md = readFileSync(join(dir, 'plan.md'), 'utf8');
    expect(md).toContain('title: 城南实验小学工会2026—2027学年第二学期工作计划');
    expect(md).toContain('| 2月 |');
    expect(md).not.toContain('| 9月 |');
    expect(md).not.toContain('教师节');
    expect((await runCli(dir, 'check', 'plan.yaml')).stdout).toContain('未发现问题');
  });

  it('refuses a period it does not know, naming the ones it does', async () => {
    const result = await runCli(tempDir(), 'new', '--type', 'school', '--org', '某校工会', '--period', '半年');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      '--period 的值 “半年” 无效，应为 annual（全年）、first-half（上半年）、second-half（下半年）、first-term（第一学期）、second-term（第二学期） 之一',
    );
  });
});
