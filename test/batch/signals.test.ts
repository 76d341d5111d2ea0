/** SIGHUP, the leftovers of SIGKILL, and --jobs beyond the machine. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFileFor } from '../../src/io/temp-name.js';
import { listFiles, requireBuild, run, start, tempDir, until } from './helpers.js';

beforeAll(requireBuild);

const TYPES = ['school', 'kindergarten', 'enterprise', 'town', 'street', 'community', 'district', 'audit'];

function roster(dir: string, count: number): void {
  const rows = Array.from({ length: count }, (_, i) => `第${i + 1}测试单位工会,${TYPES[i % TYPES.length]},2027`);
  writeFileSync(join(dir, 'units.csv'), `单位名称,类型,年度\n${rows.join('\n')}\n`);
}

describe('unionplan batch: signals', () => {
  it('treats SIGHUP (a closed terminal) like Ctrl-C: finished plans kept, the report written, no temporary file', async () => {
    const dir = tempDir();
    roster(dir, 40);
    const child = start(dir, 'batch', 'units.csv', '--format', 'docx,pdf', '--out', 'out', '--report', 'report.json', '--jobs', '2');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.resume();
    expect(await until(() => listFiles(join(dir, 'out')).filter((f) => f.endsWith('.pdf')).length >= 2, 30_000)).toBe(true);
    child.kill('SIGHUP');
    expect(await exited).toBe(130);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { interrupted: boolean; counts: Record<string, number> };
    expect(report.interrupted).toBe(true);
    expect(report.counts['not-run']).toBeGreaterThan(0);
    expect(listFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the temporary files a killed run left in its output folder, and only those', () => {
    const dir = tempDir();
    roster(dir, 2);
    mkdirSync(join(dir, 'out'));
    // A process that has ended: its pid is free, as after SIGKILL.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = tempFileFor(join(dir, 'out', '第1测试单位工会.md'), dead);
    const running = tempFileFor(join(dir, 'out', 'other.md'), process.pid);
    for (const file of [left, running, join(dir, 'out', '.notes.tmp')]) writeFileSync(file, 'half');
    const result = run(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '-q');
    expect(result.status).toBe(0);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(join(dir, 'out', '.notes.tmp'))).toBe(true);
  });
});

describe('unionplan batch --jobs', () => {
  it('runs no more workers than the machine has, and says so', () => {
    const dir = tempDir();
    roster(dir, 3);
    const result = run(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--jobs', '1000');
    expect(result.status).toBe(0);
    const note = /提示：--jobs 1000 超过本机能同时运行的份数（(\d+)，按处理器数和内存计），按 \d+ 份同时生成/.exec(result.stderr);
    expect(note).not.toBeNull();
    expect(Number(note![1])).toBeLessThanOrEqual(availableParallelism());
  });
});
