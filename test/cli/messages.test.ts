/** Messages that say what is wrong and what to do: no errno words, no reasonless rows, no silent flags. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SANS, sourceFile } from '../../src/writers/pdf/bundled.js';
import { EXAMPLES, tempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';
import { renameFont } from '../writers/pdf/helpers.js';

describe('roster rows', () => {
  it('refuses spreadsheet error values such as #REF! as a union name or any field, saying what they mean', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), '单位名称,类型,上级工会\n#REF!,school,城南区教育工会\n城东小学工会,school,#N/A\n');
    const result = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out');
    expect(result.status).toBe(6);
    expect(result.stderr).toContain('units.csv:第2行 “单位名称”列: 这一格是表格的错误值 “#REF!”（公式引用的单元格已被删除），不是单位名称');
    expect(result.stderr).toContain('units.csv:第3行 “上级工会”列: 这一格是表格的错误值 “#N/A”');
    expect(result.stderr).not.toContain('单位名称为空');
  });

  it('says why a row whose type is a list is invalid', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.yaml'), '- org: 城南实验小学工会\n  type: [school]\n');
    const result = await runCli(dir, 'batch', 'units.yaml', '--format', 'md', '--out', 'out', '--report', 'report.json');
    expect(result.status).toBe(6);
    expect(result.stderr).toContain('units.yaml:第2行 “type”: 类型 “["school"]” 无效');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { units: { status: string; problems: unknown[] }[] };
    expect(report.units[0]!.status).toBe('invalid');
    expect(report.units[0]!.problems).toHaveLength(1);
  });
});

describe('errors said in words', () => {
  it('never shows a bare errno word such as EEXIST', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), '单位名称,类型\n城南实验小学工会,school\n');
    writeFileSync(join(dir, 'out'), 'a file where the folder should be');
    const batch = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out');
    expect(batch.status).toBe(5);
    expect(batch.stderr).toContain('out: 无法创建输出文件夹：同名的文件已存在');
    copyFileSync(join(EXAMPLES, 'school.yaml'), join(dir, 'plan.yaml'));
    const build = await runCli(dir, 'build', 'plan.yaml', '--out', 'out');
    expect(build.status).toBe(5);
    for (const text of [batch.stderr, build.stderr]) expect(text).not.toMatch(/\bE[A-Z]{3,}\b/);
  });

  it('prints no “未发现问题” above a settings error that stopped the check', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'school.yaml'), join(dir, 'plan.yaml'));
    writeFileSync(join(dir, 'unionplan.config.yaml'), 'check:\n  disable: [no-such-rule]\n');
    const result = await runCli(dir, 'check', 'plan.yaml');
    expect(result.status).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unionplan.config.yaml:2:13: check.disable 中的 “no-such-rule” 不是检查规则');
  });
});

describe('fonts', () => {
  it('refuses a --font-dir that is not there, in build, batch and fonts', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'school.yaml'), join(dir, 'plan.yaml'));
    writeFileSync(join(dir, 'units.csv'), '单位名称,类型\n城南实验小学工会,school\n');
    for (const args of [['build', 'plan.yaml', '--format', 'pdf'], ['batch', 'units.csv', '--format', 'pdf', '--out', 'out'], ['fonts']]) {
      const result = await runCli(dir, ...args, '--font-dir', 'no-such-folder');
      expect(result.status).toBe(3);
      expect(result.stderr).toContain('no-such-folder: --font-dir 指定的字体文件夹不存在');
    }
    const file = await runCli(dir, 'fonts', '--font-dir', 'plan.yaml');
    expect(file.status).toBe(3);
    expect(file.stderr).toContain('plan.yaml: --font-dir 应指定一个文件夹');
  });

  it('does not name a damaged font file, which Typst would not use', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'fonts'));
    const simhei = join(dir, 'fonts', 'simhei.ttf');
    renameFont(sourceFile(BUNDLED_SANS[0]!)!, simhei, { family: 'SimHei', chinese: '黑体' });
    expect((await runCli(dir, 'fonts', '--font-dir', 'fonts')).stdout).toContain('一级标题\t黑体\t→ SimHei\tfonts/simhei.ttf');
    // A damaged copy: its names still read, but its hhea table lies past the end of the file, so
    // Typst's font parser refuses it and the PDF would use the stand-in.
    const font = readFileSync(simhei);
    for (let i = 0; i < font.readUInt16BE(4); i++) {
      if (font.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'hhea') font.writeUInt32BE(font.length + 100, 20 + 16 * i);
    }
    writeFileSync(simhei, font);
    const result = await runCli(dir, 'fonts', '--font-dir', 'fonts');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(simhei);
    expect(result.stdout).toMatch(/一级标题\t黑体\t→ .*内置字体/);
  });
});

describe('inputs that are no ordinary files', () => {
  it('refuses a device, a pipe or an oversized file at once, instead of reading for ever or hanging', async () => {
    const dir = tempDir();
    spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const pipe = await runCli(dir, 'build', 'pipe.yaml');
    expect(pipe.status).toBe(3);
    expect(pipe.stderr).toContain('pipe.yaml: 不是普通文件（是设备、管道或套接字）');
    const zero = await runCli(dir, 'batch', '/dev/zero', '--out', 'out');
    expect(zero.status).toBe(3);
    expect(zero.stderr).toContain('/dev/zero: 不是普通文件');
    writeFileSync(join(dir, 'huge.md'), Buffer.alloc(17 * 1024 * 1024, 0x41));
    const huge = await runCli(dir, 'check', 'huge.md');
    expect(huge.status).toBe(4);
    expect(huge.stderr).toContain('huge.md: 文件有 17 MB，超过输入文件的上限 16 MB');
  });
});
