/**
 * Issue 12: hostile or unlucky input is the user's problem, said as such (exit 2 or 4, file and
 * place named), never an internal error (exit 70) or a stack overflow.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';

const FRONT = '---\ntitle: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\nyear: 2027\n---\n\n';

/** Nine anchors, each a list of nine aliases of the one before: 9^9 values once expanded. */
function aliasBomb(indent = ''): string {
  const lines = [`${indent}a0: &a0 [x, x, x, x, x, x, x, x, x]`];
  for (let i = 1; i < 9; i++) lines.push(`${indent}a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

function expectUserError(result: { status: number | null; stderr: string }, status: number): void {
  expect(result.stderr).not.toMatch(/内部错误|RangeError|ReferenceError| {4}at /);
  expect(result.status).toBe(status);
}

describe('a YAML alias bomb is exit 4 with a message, in every entry point', () => {
  const message = /YAML 别名（\*名称）展开后过大/;

  it('in an outline, a front matter, a YAML roster, unionplan.config.yaml and a references list', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.yaml'), `type: school\norg: 城南实验小学工会\n${aliasBomb()}\n`);
    writeFileSync(join(dir, 'plan.md'), `---\ntitle: x\n${aliasBomb()}\n---\n\n正文。\n`);
    writeFileSync(join(dir, 'units.yaml'), `- 单位名称: 城南实验小学工会\n  类型: school\n  extra:\n${aliasBomb('    ')}\n`);

    // Built into folders of their own: plan.md beside plan.yaml would be an existing output (exit 5).
    for (const args of [
      ['build', 'plan.yaml', '--format', 'md', '--out', 'a'],
      ['check', 'plan.yaml'],
      ['build', 'plan.md', '--format', 'md', '--out', 'b'],
      ['check', 'plan.md'],
      ['batch', 'units.yaml', '--out', 'out'],
    ]) {
      const result = await runCli(dir, ...args);
      expectUserError(result, 4);
      expect(result.stderr).toMatch(message);
    }
    const outline = await runCli(dir, 'check', 'plan.yaml');
    expect(outline.stderr).toMatch(/plan\.yaml:\d+:\d+: YAML 别名/);

    const config = join(dir, 'config');
    mkdirSync(config);
    writeFileSync(join(config, 'unionplan.config.yaml'), `check:\n  disable: []\n${aliasBomb('  ')}\n`);
    writeFileSync(join(config, 'plan.md'), `${FRONT}正文。\n`);
    const viaConfig = await runCli(config, 'check', 'plan.md');
    expectUserError(viaConfig, 4);
    expect(viaConfig.stderr).toMatch(/unionplan\.config\.yaml:\d+:\d+: YAML 别名/);

    const list = join(dir, 'list');
    mkdirSync(list);
    // The same bomb as a list, the shape of a references file.
    writeFileSync(join(list, 'words.yaml'), `${aliasBomb().replace(/^a\d+: /gm, '- ')}\n`);
    writeFileSync(
      join(list, 'plan.md'),
      `---\ntitle: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\nyear: 2027\ncheck:\n  references: words.yaml\n---\n\n正文。\n`,
    );
    const viaList = await runCli(list, 'check', 'plan.md');
    expectUserError(viaList, 4);
    expect(viaList.stderr).toMatch(/words\.yaml:\d+:\d+: YAML 别名/);
  });
});

describe('deep nesting and long plans', () => {
  it('refuses Markdown nested deeper than 100 levels, naming the place (5,000 quotes overflowed the stack)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), `${FRONT}${'> '.repeat(5000)}深处的一段。\n`);
    for (const args of [
      ['build', 'plan.md', '--format', 'md', '--out', 'out'],
      ['check', 'plan.md'],
    ]) {
      const result = await runCli(dir, ...args);
      expectUserError(result, 4);
      expect(result.stderr).toMatch(/plan\.md:7:\d+: Markdown 嵌套层数过多.*超过了 100 层的上限/);
    }
  });

  it('says that YAML nested thousands of levels deep is too deep, not that the parser ran out of stack', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.yaml'), `type: school\norg: 城南实验小学工会\npreface: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const result = await runCli(dir, 'build', 'plan.yaml', '--format', 'md');
    expectUserError(result, 4);
    expect(result.stderr).toMatch(/plan\.yaml:3:\d+: YAML 语法错误：YAML 嵌套层数过多/);
    expect(result.stderr).not.toMatch(/call stack/);
  });

  it('builds 98 quotes deep, where the paragraph and its text make the 100 levels of the limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), `${FRONT}${'> '.repeat(98)}深处的一段。\n`);
    const result = await runCli(dir, 'build', 'plan.md', '--format', 'md', '--out', 'out');
    expectUserError(result, 0);
  });

  it('checks a 16,000-paragraph plan with ten findings a paragraph (the findings overflowed the stack)', async () => {
    const dir = tempDir();
    // Ten findings a paragraph (eight half-width marks, a stale year, a doubled full stop): the
    // 160,000 findings of the bug with two fifths of the text to parse.
    const paragraphs = Array.from({ length: 16_000 }, (_, i) => `第${i + 1}段,甲;乙,丙;丁,戊;己,庚;辛总结2019年经验。。`);
    writeFileSync(join(dir, 'plan.md'), `${FRONT + paragraphs.join('\n\n')}\n`);
    // 160,000 findings print about 30 MB, more than await runCli()'s default buffer.
    const spawned = spawnSync(process.execPath, [BIN, 'check', 'plan.md'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const result = { status: spawned.status, stdout: spawned.stdout, stderr: spawned.stderr };
    expectUserError(result, 0);
    expect(result.stdout).toMatch(/共 160000 个问题（0 个错误，160000 个警告）/);
  }, 120_000);
});

describe('--templates', () => {
  it('naming a file is a usage error that says a folder is wanted (it was an internal error)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'templates'), 'not a folder');
    writeFileSync(join(dir, 'plan.md'), `${FRONT}正文。\n`);
    for (const args of [
      ['build', 'plan.md', '--templates', 'templates'],
      ['check', 'plan.md', '--templates', 'templates'],
      ['types', '--templates', 'templates'],
    ]) {
      const result = await runCli(dir, ...args);
      expectUserError(result, 2);
      expect(result.stderr).toContain('templates: --templates 应为模板文件夹');
    }
  });
});
