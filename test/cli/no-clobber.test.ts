/** Nothing lost: every output of a run is checked before the first is written. */
import iconv from 'iconv-lite';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';

const ROSTER = '单位名称,类型\n城南实验小学工会,school\n青山镇总工会,town\n';

function rosterDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'units.csv'), ROSTER);
  return dir;
}

describe('batch --report', () => {
  it('never replaces the roster, even with --force, and writes no plan', async () => {
    const dir = rosterDir();
    for (const extra of [[], ['--force']]) {
      const result = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'units.csv', ...extra);
      expect(result.status).toBe(5);
      expect(result.stderr).toContain('units.csv: --report 会写到输入文件 units.csv 上');
      expect(readFileSync(join(dir, 'units.csv'), 'utf8')).toBe(ROSTER);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
  });

  it('knows the roster however it is spelled (a link to it), and shares no path with --zip', async () => {
    const dir = rosterDir();
    symlinkSync('units.csv', join(dir, 'alias.csv'));
    const viaLink = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'alias.csv', '--force');
    expect(viaLink.status).toBe(5);
    expect(readFileSync(join(dir, 'units.csv'), 'utf8')).toBe(ROSTER);
    const shared = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'all.csv', '--zip', 'all.csv');
    expect(shared.status).toBe(5);
    expect(shared.stderr).toContain('--zip 和 --report 会写到同一个文件');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('keeps an existing report unless --force (or --skip-existing resuming the run), checked before any plan is written', async () => {
    const dir = rosterDir();
    writeFileSync(join(dir, 'report.json'), 'last month');
    const refused = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'report.json');
    expect(refused.status).toBe(5);
    expect(refused.stderr).toContain('report.json: 报告文件已存在，未覆盖。要覆盖请加 --force');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('last month');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(
      (await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'report.json', '--force', '-q')).status,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ counts: { done: 2 } });
    expect(
      (await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'report.json', '--skip-existing', '-q'))
        .status,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ counts: { skipped: 2 } });
  });
});

describe('build', () => {
  it('refuses two inputs that map to one output, before writing either, even with --force', async () => {
    const dir = tempDir();
    for (const sub of ['d1', 'd2']) {
      mkdirSync(join(dir, sub));
      copyFileSync(join(EXAMPLES, sub === 'd1' ? 'school.yaml' : 'town.yaml'), join(dir, sub, 'x.yaml'));
    }
    const result = await runCli(dir, 'build', 'd1/x.yaml', 'd2/x.yaml', '--out', 'same', '--force');
    expect(result.status).toBe(5);
    expect(result.stderr).toContain('same/x.md: d1/x.yaml 和 d2/x.yaml 会写到同一个文件');
    expect(existsSync(join(dir, 'same'))).toBe(false);
  });

  it('checks every format before writing any: an existing plan.pdf stops plan.md and plan.docx too', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'school.yaml'), join(dir, 'plan.yaml'));
    writeFileSync(join(dir, 'plan.pdf'), 'mine');
    const result = await runCli(dir, 'build', 'plan.yaml', '--format', 'md,docx,pdf');
    expect(result.status).toBe(5);
    expect(result.stderr).toContain('plan.pdf: 文件已存在，未覆盖');
    expect(readdirSync(dir).sort()).toEqual(['plan.pdf', 'plan.yaml']);
    expect(readFileSync(join(dir, 'plan.pdf'), 'utf8')).toBe('mine');
  });

  it('refuses to write a Markdown plan over itself without --force, and renumbers it with --force', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'school.yaml'), join(dir, 'plan.yaml'));
    expect((await runCli(dir, 'build', 'plan.yaml')).status).toBe(0);
    const before = readFileSync(join(dir, 'plan.md'), 'utf8');
    const refused = await runCli(dir, 'build', 'plan.md', '--format', 'docx,md');
    expect(refused.status).toBe(5);
    expect(refused.stderr).toContain('plan.md: plan.md 会写到输入文件 plan.md 上');
    expect(existsSync(join(dir, 'plan.docx'))).toBe(false);
    expect((await runCli(dir, 'build', 'plan.md', '--force')).status).toBe(0);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(before);
  });
});

describe('check --fix', () => {
  it('fixes the file a symbolic link points to and keeps the link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'plan.md'), '---\ntitle: 城南小学工会2027年工作计划\n---\n\n坚持以人为本,突出重点。\n');
    symlinkSync(join('real', 'plan.md'), join(dir, 'link.md'));
    const result = await runCli(dir, 'check', '--fix', 'link.md');
    expect(result.stdout).toContain('已修改 link.md（1 处）');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'plan.md'), 'utf8')).toContain('坚持以人为本，突出重点。');
    expect(readdirSync(join(dir, 'real'))).toEqual(['plan.md']);
  });

  it('writes a GBK or UTF-16 file back in its own encoding', async () => {
    const dir = tempDir();
    const text = '---\ntitle: 城南小学工会2027年工作计划\n---\n\n坚持以人为本,突出重点。\n';
    const fixed = text.replace('以人为本,', '以人为本，');
    writeFileSync(join(dir, 'gbk.md'), iconv.encode(text, 'gbk'));
    writeFileSync(join(dir, 'wide.md'), iconv.encode(text, 'utf-16le', { addBOM: true }));
    expect((await runCli(dir, 'check', '--fix', 'gbk.md', 'wide.md')).status).toBe(0);
    expect(readFileSync(join(dir, 'gbk.md')).equals(iconv.encode(fixed, 'gbk'))).toBe(true);
    expect(readFileSync(join(dir, 'wide.md')).equals(iconv.encode(fixed, 'utf-16le', { addBOM: true }))).toBe(true);
  });
});
