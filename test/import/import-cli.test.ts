import { readFileSync, writeFileSync, truncateSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { machinePaths } from '../helpers/machine-path.js';
import { runCli } from '../helpers/cli-in-process.js';

const SAMPLE = new URL('../fixtures/import/samples/08-school.txt', import.meta.url).pathname;

describe('unionplan import, as a user runs it', () => {
  it('imports a Word plan unionplan wrote, prints the summary and check findings, and the outline builds', async () => {
    const dir = tempDir();
    expect((await runCli(dir, 'new', '-t', 'school', '--org', '城南实验小学工会', '--year', '2025', '-o', 'last.yaml')).status).toBe(0);
    expect((await runCli(dir, 'build', 'last.yaml', '--format', 'docx')).status).toBe(0);
    const result = await runCli(dir, 'import', 'last.docx', '-o', 'plan.yaml');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('已生成提纲 plan.yaml（2026年）');
    expect(result.stdout).toContain('原计划 2025 年 → 新提纲 2026 年');
    expect(result.stdout).toMatch(/识别出：开头语，指导思想，\d+ 个工作板块/);
    const yaml = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(yaml).toMatch(/^# 由 unionplan import last\.docx 生成/m);
    expect(machinePaths(yaml, dir)).toEqual([]);
    expect(yaml).toMatch(/^year: 2026$/m);
    expect((await runCli(dir, 'build', 'plan.yaml', '--format', 'md')).status).toBe(0);
  });

  it('prints check findings with places in the new outline', async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, 'last.txt'));
    const result = await runCli(dir, 'import', 'last.txt', '-o', 'plan.yaml', '--org', '城南小学工会');
    expect(result.status).toBe(0);
    const match = /plan\.yaml:(\d+):(\d+) +错误 +placeholder +未填写的占位符“(\S+?)”/.exec(result.stdout);
    expect(match).not.toBeNull();
    const line = readFileSync(join(dir, 'plan.yaml'), 'utf8').split('\n')[Number(match![1]) - 1]!;
    expect(line.slice(Number(match![2]) - 1)).toMatch(new RegExp(`^${match![3]}`));
  });

  it('does not overwrite an outline without --force', async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, 'last.txt'));
    writeFileSync(join(dir, 'plan.yaml'), 'mine');
    const result = await runCli(dir, 'import', 'last.txt');
    expect(result.status).toBe(5);
    expect(result.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('mine');
    expect((await runCli(dir, 'import', 'last.txt', '--force')).status).toBe(0);
  });

  it('reads GBK text as Windows Notepad saves it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'last.txt'), iconv.encode(readFileSync(SAMPLE, 'utf8'), 'gbk'));
    const result = await runCli(dir, 'import', 'last.txt', '-o', 'plan.yaml');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('GBK/GB18030 编码');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('加强组织会员学习争创师德群体先进');
  });
});

describe('unionplan import: bad input gets a message and an exit code, never an internal error', () => {
  const cases: [string, string, (dir: string) => void, number, RegExp][] = [
    [
      'a text file named .docx',
      'plan.docx',
      (dir) => writeFileSync(join(dir, 'plan.docx'), '这不是 Word 文件'),
      4,
      /plan\.docx: 不是 Word 文档（\.docx）/,
    ],
    [
      'a broken zip',
      'plan.docx',
      (dir) => writeFileSync(join(dir, 'plan.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])),
      4,
      /文件已损坏/,
    ],
    [
      'an Excel file named .docx',
      'plan.docx',
      (dir) => writeFileSync(join(dir, 'plan.docx'), zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })),
      4,
      /压缩包中没有 word\/document\.xml（是否是 Excel 或 PowerPoint 文件？）/,
    ],
    ['an empty zip', 'plan.docx', (dir) => writeFileSync(join(dir, 'plan.docx'), zipSync({})), 4, /没有 word\/document\.xml/],
    [
      'an encrypted .docx',
      'plan.docx',
      (dir) =>
        writeFileSync(
          join(dir, 'plan.docx'),
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(512),
            Buffer.from('EncryptionInfo', 'utf16le'),
          ]),
        ),
      4,
      /设置了打开密码（已加密）/,
    ],
    [
      'an old .doc',
      'plan.doc',
      (dir) => writeFileSync(join(dir, 'plan.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      4,
      /Word 或 WPS 中打开，“另存为”选择“Word 文档（\*\.docx）”/,
    ],
    ['an empty file', 'plan.txt', (dir) => writeFileSync(join(dir, 'plan.txt'), ''), 4, /文件是空的/],
    ['blank lines only', 'plan.txt', (dir) => writeFileSync(join(dir, 'plan.txt'), '\n  \n\n'), 4, /没有文字/],
    ['a binary file named .txt', 'plan.txt', (dir) => writeFileSync(join(dir, 'plan.txt'), Buffer.alloc(400, 1)), 4, /不是文本文件/],
    [
      'a huge file',
      'plan.txt',
      (dir) => {
        writeFileSync(join(dir, 'plan.txt'), '');
        truncateSync(join(dir, 'plan.txt'), 21 * 1024 * 1024);
      },
      4,
      /超过导入上限 20 MB/,
    ],
    [
      'a PDF',
      'plan.pdf',
      (dir) => writeFileSync(join(dir, 'plan.pdf'), '%PDF-1.7'),
      2,
      /请给出 Word 文档（\.docx）、文本文件（\.txt）或 Markdown 文件（\.md）/,
    ],
    ['a missing file', 'nothing.docx', () => {}, 3, /文件不存在/],
  ];

  it.each(cases)('%s', async (_name, file, make, status, message) => {
    const dir = tempDir();
    make(dir);
    const result = await runCli(dir, 'import', file, '-o', 'plan.yaml');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
    expect(result.status).toBe(status);
  });

  it('rejects a bad --piece and an unknown --type', async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, 'last.txt'));
    expect((await runCli(dir, 'import', 'last.txt', '--piece', '0')).status).toBe(2);
    const result = await runCli(dir, 'import', 'last.txt', '--type', 'factory');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('未知的计划类型');
  });
});
