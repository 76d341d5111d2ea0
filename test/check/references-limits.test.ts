/**
 * Issue 12: `check.references` names any path a plan, its outline or `unionplan.config.yaml`
 * likes. Only regular files up to 1 MB are read, a pattern must match in bounded time, and a
 * message never quotes what the named file holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsafePattern } from '../../src/text/safe-pattern.js';
import { tempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';

const plan = (references: string) =>
  `---\ntitle: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\nyear: 2027\ncheck:\n  references: ${references}\n---\n\n正文${'a'.repeat(40)}。\n`;

describe('check.references: what may be read', () => {
  it('refuses a device, a named pipe, a folder and a file over 1 MB, each at its place, without reading them', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'big.yaml'), `- text: 老提法\n  since: 2020\n  replacement: 新提法\n#${'x'.repeat(1024 * 1024)}\n`);
    writeFileSync(join(dir, 'plan.md'), plan('[/dev/zero, pipe.yaml, folder, big.yaml]'));
    // Before: /dev/zero was read until memory ran out, and the pipe waited for a writer for ever.
    const result = await runCli(dir, 'check', 'plan.md');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('plan.md:6:16: check.references 中的文件 “/dev/zero” 不是普通文件（是设备、管道或套接字）');
    expect(result.stderr).toContain('plan.md:6:27: check.references 中的文件 “pipe.yaml” 不是普通文件（是设备、管道或套接字）');
    expect(result.stderr).toContain('plan.md:6:38: check.references 中的文件 “folder” 是一个文件夹');
    expect(result.stderr).toMatch(/plan\.md:6:46: check\.references 中的文件 “big\.yaml” 太大（1025 KB），列表文件最大 1024 KB/);
  });

  it('refuses the same in unionplan.config.yaml and in an outline', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'unionplan.config.yaml'), 'check:\n  references: /dev/zero\n');
    writeFileSync(join(dir, 'plan.md'), plan('[]'));
    const viaConfig = await runCli(dir, 'check', 'plan.md');
    expect(viaConfig.status).toBe(4);
    expect(viaConfig.stderr).toContain('unionplan.config.yaml:2:15: check.references 中的文件 “/dev/zero” 不是普通文件');
    const other = tempDir();
    writeFileSync(join(other, 'plan.yaml'), 'type: school\norg: 城南实验小学工会\nyear: 2027\ncheck:\n  references: /dev/zero\n');
    const viaOutline = await runCli(other, 'build', 'plan.yaml', '--format', 'md');
    expect(viaOutline.status).toBe(4);
    expect(viaOutline.stderr).toContain('plan.yaml:5:15: check.references 中的文件 “/dev/zero” 不是普通文件');
  });
});

describe('check.references: patterns and messages', () => {
  it('refuses patterns that could backtrack without bound, and never quotes the list’s content', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'words.yaml'),
      [
        '- pattern: (a+)+$', // exponential: hung check on a line of a's
        '  since: 2020',
        '  replacement: 新提法',
        '- pattern: (?:a|a){20}b',
        '  since: 2020',
        '  replacement: 新提法',
        '- pattern: (x)\\1',
        '  since: 2020',
        '  replacement: 新提法',
        '- pattern: secret(',
        '  since: password123',
        '  replacement: 新提法',
        '  token-abc: 1',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'plan.md'), plan('words.yaml'));
    const result = await runCli(dir, 'check', 'plan.md');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('words.yaml:1:12: pattern（正则表达式）不能使用：不能用 *、+ 或 {n,} 这类不限次数的重复');
    expect(result.stderr).toContain('words.yaml:4:12: pattern（正则表达式）不能使用：可选部分、分支和重复的组合太多（超过 1000 种）');
    expect(result.stderr).toContain('words.yaml:7:12: pattern（正则表达式）不能使用：不能用反向引用');
    expect(result.stderr).toContain('words.yaml:10:12: pattern（正则表达式）写法有误');
    expect(result.stderr).toContain('words.yaml:11:10: since（从哪一年起过时）应为四位数的年份');
    for (const secret of ['secret', 'password123', 'token-abc', '(a+)+']) expect(result.stderr).not.toContain(secret);
  });

  it('still reads a list with the patterns the built-in list uses', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'words.yaml'), '- pattern: 老(?:提法|说法)(?!以来)第?[一二三].?届\n  since: 2020\n  replacement: 新提法\n');
    writeFileSync(join(dir, 'plan.md'), plan('words.yaml').replace('正文', '正文老说法第二届，'));
    const result = await runCli(dir, 'check', 'plan.md');
    expect(result.stderr).not.toMatch(/错误/);
    expect(result.stdout).toContain('outdated-reference  “老说法第二届”是过时的提法：2020年起已由“新提法”取代');
  });

  it('accepts every pattern of the built-in list and bounded ones, refuses unbounded ones', async () => {
    for (const safe of [
      '十八大(?!以来)',
      '十七届(?:[一二三四五六七]中全会|历次全会)',
      '三严三实.?专题教育',
      '(?:全总|全国总工会)第?十四届',
      'a{0,3}b',
    ]) {
      expect(unsafePattern(safe)).toBeUndefined();
    }
    for (const unsafe of ['(a+)+$', 'a*b', '.+x', 'a{2,}', '(a|aa){0,40}', '(?:a?){30}a{30}', 'x'.repeat(201)]) {
      expect(unsafePattern(unsafe)).toBeDefined();
    }
  });
});
