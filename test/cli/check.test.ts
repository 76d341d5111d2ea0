import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir as makeTempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';
import { RULES, RULE_IDS } from '../../src/check/rules/index.js';

const tempDir = () => makeTempDir('unionplan-check-cli-');

const FRONT = '---\ntitle: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\nyear: 2027\n---\n\n';
/** One error (line 7) and one warning (line 9). */
const WITH_ERROR = `${FRONT}在xx年工作的基础上，做好工作。\n\n坚持以人为本,突出重点。\n`;
/** Warnings only, all fixable. */
const WITH_WARNINGS = `${FRONT}坚持以人为本,突出重点;整体推进。。加强 建设。\n`;

describe('unionplan check', () => {
  it('prints each finding as file:line:column  severity  rule  message, then a count, and exits 1 on an error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WITH_ERROR);
    const { status, stdout, stderr } = await runCli(dir, 'check', 'plan.md');
    expect(status).toBe(1);
    expect(stdout).toBe(
      [
        'plan.md:7:2  错误  placeholder  未填写的占位符“xx”',
        '    建议：改为实际内容（年份、单位名称、数字等）',
        'plan.md:9:7  警告  halfwidth-punctuation  中文之间用了半角标点“,”',
        '    建议：改为全角“，”',
        '',
        '共 2 个问题（1 个错误，1 个警告）',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('错误：检查发现错误\n  plan.md: 1 个错误\n');
  });

  it('exits 0 on warnings alone, and 1 with --strict', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WITH_WARNINGS);
    const plain = await runCli(dir, 'check', 'plan.md');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('共 4 个问题（0 个错误，4 个警告）');
    expect(plain.stderr).toBe('');
    const strict = await runCli(dir, 'check', '--strict', 'plan.md');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('plan.md: 4 个错误或警告（--strict）');
  });

  it('groups findings by file, in the order the files were given', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), WITH_WARNINGS);
    writeFileSync(join(dir, 'b.md'), WITH_ERROR);
    copyFileSync(join(EXAMPLES, 'school.yaml'), join(dir, 'clean.yaml'));
    const { stdout } = await runCli(dir, 'check', 'b.md', 'clean.yaml', 'a.md');
    const groups = stdout.trimEnd().split('\n\n');
    expect(groups).toHaveLength(3);
    expect(groups[0]!.split('\n').every((line) => line.startsWith('b.md:') || line.startsWith('    建议'))).toBe(true);
    expect(groups[1]!.split('\n').every((line) => line.startsWith('a.md:') || line.startsWith('    建议'))).toBe(true);
    expect(groups[2]).toBe('共 6 个问题（1 个错误，5 个警告）');
  });

  it('prints an array of findings with --json', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WITH_ERROR);
    const { status, stdout } = await runCli(dir, 'check', '--json', 'plan.md');
    expect(status).toBe(1);
    const findings = JSON.parse(stdout) as Record<string, unknown>[];
    expect(findings).toHaveLength(2);
    expect(findings[0]).toEqual({
      file: 'plan.md',
      line: 7,
      column: 2,
      severity: 'error',
      rule: 'placeholder',
      message: '未填写的占位符“xx”',
      suggestion: '改为实际内容（年份、单位名称、数字等）',
    });
    expect(findings[1]).toMatchObject({ rule: 'halfwidth-punctuation', fix: { offset: expect.any(Number), length: 1, replacement: '，' } });
    expect(JSON.parse((await runCli(dir, 'check', '--json', join(EXAMPLES, 'town.yaml'))).stdout)).toEqual([]);
  });

  it('--fix rewrites the file with the safe fixes, says what changed, and touches nothing else', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WITH_WARNINGS);
    writeFileSync(join(dir, 'other.md'), WITH_WARNINGS);
    const otherBefore = statSync(join(dir, 'other.md')).mtimeMs;
    const { status, stdout } = await runCli(dir, 'check', '--fix', 'plan.md');
    expect(status).toBe(0);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(`${FRONT}坚持以人为本，突出重点；整体推进。加强建设。\n`);
    expect(stdout).toBe(
      [
        '已修改 plan.md（4 处）：',
        '  7:7  “,” → “，”',
        '  7:12  “;” → “；”',
        '  7:17  “。。” → “。”',
        '  7:20  “强␣” → “强”',
        '',
        '未发现问题',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'other.md'), 'utf8')).toBe(WITH_WARNINGS);
    expect(statSync(join(dir, 'other.md')).mtimeMs).toBe(otherBefore);
    expect(readdirSync(dir).sort()).toEqual(['other.md', 'plan.md']);
  });

  it('--fix rewrites an outline inside its values only, keeping comments, keys and quoting', async () => {
    const dir = tempDir();
    const before = [
      '# 提纲, 注释里的半角标点不改',
      'type: school',
      'org: 城南实验小学工会',
      'year: 2027',
      'preface: 坚持以人为本,突出重点',
      'guidance: "加强(工会)建设;做好 工作"',
      'sections:',
      '  - title: 板块',
      '    items:',
      '      - title: 条目一',
      '        text: |',
      '          第一段,有问题。。',
      '      - 条目二',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'plan.yaml'), before);
    const { status, stdout } = await runCli(dir, 'check', '--fix', 'plan.yaml');
    expect(status).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(
      before
        .replace('坚持以人为本,突出重点', '坚持以人为本，突出重点')
        .replace('"加强(工会)建设;做好 工作"', '"加强（工会）建设；做好工作"')
        .replace('第一段,有问题。。', '第一段，有问题。'),
    );
    expect(stdout).toContain('已修改 plan.yaml（6 处）：\n  5:16  “,” → “，”\n  6:14  “(工会)” → “（工会）”\n');
    // What is left is structure, which only the writer can decide.
    expect(stdout).toContain('共 3 个问题（0 个错误，3 个警告）');
    expect(stdout).toContain('plan.yaml:6:11  警告  missing-current-wording  2027年计划的指导思想缺少现行提法');
    expect(stdout).toContain('plan.yaml:8:12  警告  single-item  “板块”下只有一个1.');
    expect((await runCli(dir, 'build', 'plan.yaml')).status).toBe(0);
  });

  it('--fix leaves what it cannot fix, and a file with nothing to fix untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WITH_ERROR);
    const clean = join(dir, 'clean.yaml');
    copyFileSync(join(EXAMPLES, 'school.yaml'), clean);
    const before = statSync(clean).mtimeMs;
    const { status, stdout } = await runCli(dir, 'check', '--fix', 'plan.md', 'clean.yaml');
    expect(status).toBe(1);
    expect(stdout).toContain('已修改 plan.md（1 处）：\n  9:7  “,” → “，”\n');
    expect(stdout).toContain('plan.md:7:2  错误  placeholder');
    expect(stdout).toContain('共 1 个问题（1 个错误，0 个警告）');
    expect(statSync(clean).mtimeMs).toBe(before);
  });

  it('reports a file it cannot read or that is no valid outline as build does', async () => {
    const dir = tempDir();
    expect(await runCli(dir, 'check', 'nope.yaml')).toMatchObject({ status: 3, stderr: expect.stringContaining('nope.yaml: 文件不存在') });
    writeFileSync(join(dir, 'bad.yaml'), 'type: school\norg: 某校工会\nperiod: 全学年\n');
    const bad = await runCli(dir, 'check', 'bad.yaml');
    expect(bad.status).toBe(4);
    expect(bad.stderr).toContain('bad.yaml:3:9: period（计划期间）的值 “全学年” 无效');
    writeFileSync(join(dir, 'unionplan.config.yaml'), 'check:\n  disable: [no-such-rule]\n');
    copyFileSync(join(EXAMPLES, 'school.yaml'), join(dir, 'plan.yaml'));
    const config = await runCli(dir, 'check', 'plan.yaml');
    expect(config.status).toBe(4);
    expect(config.stderr).toContain('unionplan.config.yaml:2:13: check.disable 中的 “no-such-rule” 不是检查规则');
  });

  it('lists every rule in its help, with what it finds, and the README has a row for each in both languages', async () => {
    const { stdout } = await runCli(tempDir(), 'check', '--help');
    const lines = stdout.split('\n');
    for (const rule of RULES) {
      const severity = rule.severity === 'error' ? '错误' : '警告';
      expect(
        lines.some(
          (line) =>
            /^ {2}[a-z-]+ +(错误|警告) {2}/.test(line) &&
            line.split(/ +/)[1] === rule.id &&
            line.endsWith(`${severity}  ${rule.description}`),
        ),
        rule.id,
      ).toBe(true);
    }
    expect(stdout).toContain('lists: 检查词表.yaml');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const [chinese, english] = readme.split('\n## English\n');
    for (const id of RULE_IDS) {
      expect(chinese, id).toMatch(new RegExp(`^\\| \`${id}\` \\| (错误|警告) \\|`, 'm'));
      expect(english, id).toMatch(new RegExp(`^\\| \`${id}\` \\| (error|warning) \\|`, 'm'));
    }
  });

  it('reads a unit’s check.lists from unionplan.config.yaml and from the outline, and keeps it findable from the built plan', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '词表.yaml'),
      'staples:\n  - name: 职工书屋\n    text: 职工书屋\n    types: [school]\n    note: 本市要求学校建设职工书屋\n',
    );
    writeFileSync(join(dir, 'unionplan.config.yaml'), 'check:\n  lists: 词表.yaml\n');
    expect((await runCli(dir, 'new', '--type', 'school', '--org', '城南实验小学工会', '--year', '2027')).status).toBe(0);
    const checked = await runCli(dir, 'check', 'plan.yaml', '--json');
    const findings = JSON.parse(checked.stdout) as { rule: string; message: string; line: number }[];
    const staple = findings.filter((f) => f.rule === 'missing-staple');
    expect(staple.map((f) => f.message)).toEqual(['计划中没有写到“职工书屋”：本市要求学校建设职工书屋']);
    // At the outline's sections:, where the plan's work is.
    const lines = readFileSync(join(dir, 'plan.yaml'), 'utf8').split('\n');
    expect(lines[staple[0]!.line - 1]).toMatch(/^sections:/);
    // Named in the outline instead, the list travels into the built plan's front matter.
    rmSync(join(dir, 'unionplan.config.yaml'));
    writeFileSync(join(dir, 'plan.yaml'), `check:\n  lists: 词表.yaml\n${lines.join('\n')}`);
    expect((await runCli(dir, 'build', 'plan.yaml', '--out', 'out', '--format', 'md')).status).toBe(0);
    const md = readFileSync(join(dir, 'out', 'plan.md'), 'utf8');
    expect(md.split('\n---\n')[0]).toMatch(/\ncheck:\n {2}lists: \.\.\/词表\.yaml$/);
    expect((await runCli(dir, 'check', join('out', 'plan.md'), '--json')).stdout).toContain('职工书屋');
  });

  it('finds nothing in the outline `new` writes for any type and period', async () => {
    const dir = tempDir();
    const cases = ['school', 'kindergarten', 'enterprise', 'town', 'street', 'community', 'district', 'audit'].map((type) => [type]);
    cases.push(['school', '--period', 'first-half'], ['school', '--period', 'second-half']);
    for (const [type, ...rest] of cases) {
      expect(
        (await runCli(dir, 'new', '--type', type!, '--org', '城南实验小学工会', '--year', '2027', '-o', 'plan.yaml', '--force', ...rest))
          .status,
      ).toBe(0);
      const { status, stdout } = await runCli(dir, 'check', 'plan.yaml');
      expect({ type, rest, status, stdout }).toEqual({ type, rest, status: 0, stdout: '未发现问题\n' });
    }
  });
});

describe('unionplan build runs the checks', () => {
  it('prints the findings and still builds', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WITH_ERROR);
    const { status, stdout, stderr } = await runCli(dir, 'build', 'plan.md', '--out', 'out');
    expect(status).toBe(0);
    expect(stderr).toContain('plan.md:7:2  错误  placeholder  未填写的占位符“xx”');
    expect(stderr).toContain('共 2 个问题（1 个错误，1 个警告）');
    expect(stdout).toBe(`已生成 ${join('out', 'plan.md')}\n`);
    expect(existsSync(join(dir, 'out', 'plan.md'))).toBe(true);
  });

  it('with --strict refuses to write anything for an input with an error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WITH_ERROR);
    const { status, stderr } = await runCli(dir, 'build', '--strict', 'plan.md', '--out', 'out', '--format', 'md,docx');
    expect(status).toBe(1);
    expect(stderr).toContain('plan.md:7:2  错误  placeholder');
    expect(stderr).toContain('错误：检查发现错误\n  plan.md: 检查发现 1 个错误，未生成任何文件（--strict）');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('with --strict still builds an input with warnings only', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), WITH_WARNINGS);
    const { status, stderr } = await runCli(dir, 'build', '--strict', 'plan.md', '--out', 'out');
    expect(status).toBe(0);
    expect(stderr).toContain('共 4 个问题（0 个错误，4 个警告）');
    expect(existsSync(join(dir, 'out', 'plan.md'))).toBe(true);
  });

  it('is silent about a clean input', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'district.yaml'), join(dir, 'plan.yaml'));
    expect(await runCli(dir, 'build', 'plan.yaml')).toMatchObject({ status: 0, stderr: '' });
  });
});
