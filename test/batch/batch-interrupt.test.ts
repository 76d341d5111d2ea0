import JSZip from 'jszip';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, requireBuild, run, start, tempDir, until } from './helpers.js';

beforeAll(requireBuild);

const TYPES = ['school', 'kindergarten', 'enterprise', 'town', 'street', 'community', 'district', 'audit'];
/** Enough that Ctrl-C after the second PDF always leaves some not run (two workers hold four jobs at most). */
const COUNT = 24;

interface Report {
  interrupted: boolean;
  zip: string | null;
  counts: Record<'done' | 'skipped' | 'invalid' | 'failed' | 'not-run', number>;
  units: { name: string; status: string; files: string[] }[];
}

describe('unionplan batch: Ctrl-C, then --skip-existing', () => {
  it('stops cleanly on Ctrl-C, reports what finished, and a rerun with --skip-existing completes the rest', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: COUNT }, (_, i) => `第${i + 1}测试单位工会,${TYPES[i % TYPES.length]},2027`);
    writeFileSync(join(dir, 'units.csv'), `单位名称,类型,年度\n${rows.join('\n')}\n`);
    const args = [
      'batch',
      'units.csv',
      '--format',
      'docx,pdf',
      '--out',
      'out',
      '--report',
      'report.json',
      '--zip',
      'plans.zip',
      '--jobs',
      '2',
    ];

    const child = start(dir, ...args);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const pdfs = (): number => listFiles(join(dir, 'out')).filter((f) => f.endsWith('.pdf')).length;
    expect(await until(() => pdfs() >= 2, 30_000)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);

    expect(stderr).toContain('正在停止');
    expect(stderr).toContain('错误：已中断');
    expect(stderr).toContain('加 --skip-existing 再运行');
    // No temporary file, no half-written document, no zip of a partial run.
    const files = listFiles(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).not.toContain('plans.zip');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.interrupted).toBe(true);
    expect(report.zip).toBeNull();
    expect(report.counts['not-run']).toBeGreaterThan(0);
    const done = report.units.filter((u) => u.status === 'done');
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(report.counts.done + report.counts['not-run']).toBe(COUNT);
    // Every finished union has both its files, and both are whole.
    const written = listFiles(join(dir, 'out'));
    expect(written.sort()).toEqual(done.flatMap((u) => u.files).sort());
    for (const unit of done) {
      const pdf = readFileSync(join(dir, 'out', `${unit.name}.pdf`));
      expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
      await JSZip.loadAsync(readFileSync(join(dir, 'out', `${unit.name}.docx`)));
    }

    // A union stopped between its DOCX and its PDF: only the PDF is missing.
    const half = done[0]!.name;
    rmSync(join(dir, 'out', `${half}.pdf`));
    const before = new Map(listFiles(join(dir, 'out')).map((f) => [f, statSync(join(dir, 'out', f)).mtimeMs]));

    const resumed = run(dir, ...args, '--skip-existing');
    expect(resumed.stderr).not.toContain('错误');
    expect(resumed.status).toBe(0);
    const again = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(again.interrupted).toBe(false);
    expect(again.counts).toEqual({ done: COUNT - done.length + 1, skipped: done.length - 1, invalid: 0, failed: 0, 'not-run': 0 });
    const all = listFiles(join(dir, 'out'));
    expect(all).toHaveLength(COUNT * 2);
    for (const [file, mtime] of before) expect(statSync(join(dir, 'out', file)).mtimeMs, file).toBe(mtime);
    expect(again.units.find((u) => u.name === half)!.files).toEqual([`${half}.docx`, `${half}.pdf`]);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'plans.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(all);
  });
});
