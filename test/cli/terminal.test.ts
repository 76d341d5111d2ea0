/** Closed pipes and user text on the terminal. */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, requireBuild, run, tempDir } from '../helpers/cli.js';

beforeAll(() => requireBuild('batch-worker.js'));

/** Runs a shell line in `cwd` with `$UP` set to the CLI; returns what the shell printed. */
function shell(cwd: string, line: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', line], { cwd, encoding: 'utf8', env: { ...process.env, UP: `${process.execPath} ${BIN}` } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('closed pipes and full disks', () => {
  it('`types | head -1` and `> /dev/full` stop printing quietly, with exit 0', () => {
    const dir = tempDir();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, read by bash
    const piped = shell(dir, '$UP types | head -1; echo "status=${PIPESTATUS[0]}"');
    expect(piped.stdout).toMatch(/^school\s+学校.*\nstatus=0\n$/);
    expect(piped.stderr).toBe('');
    const full = shell(dir, '$UP types > /dev/full; echo "status=$?"; $UP help > /dev/full; echo "status=$?"');
    expect(full.stdout).toBe('status=0\nstatus=0\n');
    expect(full.stderr).toBe('');
  });

  it('a batch whose output is closed builds every plan, writes its report and leaves no temporary file', () => {
    const dir = tempDir();
    // One shard of three (four unions): each is built after head has gone, so their lines meet a closed pipe.
    const args = `batch ${join(EXAMPLES, 'units.csv')} --format md,docx --out out --jobs 2 --shard 1/3`;
    const piped = shell(dir, `$UP ${args} --report head.json 2>&1 | head -1; echo "status=\${PIPESTATUS[0]}"`);
    expect(piped.stdout).toMatch(/^\[1\/4\] 完成 .*\nstatus=0\n$/);
    const full = shell(dir, `$UP ${args} --force --report full.json > /dev/full 2> /dev/full; echo "status=$?"`);
    expect(full.stdout).toBe('status=0\n');
    for (const report of ['head.json', 'full.json']) {
      expect(JSON.parse(readFileSync(join(dir, report), 'utf8'))).toMatchObject({ counts: { done: 4 } });
    }
    expect(readdirSync(join(dir, 'out'))).toHaveLength(8);
  });
});

describe('user text on the terminal', () => {
  it('shows escape sequences and bidi controls from a roster as visible marks, never raw', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), '单位名称,类型\n城南\x1b]0;pwned\x07小学工会,school\n青山\u202e镇总工会,\x1b[2Jtown\n');
    const result = run(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out');
    expect(result.status).toBe(6);
    const printed = result.stdout + result.stderr;
    expect(printed).not.toMatch(/[\x1b\x07\u202e]/);
    expect(printed).toContain('城南␛]0;pwned␇小学工会');
    expect(result.stderr).toContain('类型 “␛[2Jtown” 无效');
    expect(result.stdout).toContain('青山‹U+202E›镇总工会');
  });

  it('shows control characters in a file name or an outline value visibly in messages', () => {
    const dir = tempDir();
    const name = 'plan\x1b[31m.yaml';
    writeFileSync(join(dir, name), 'type: \x1b[2Jschool\norg: 某校工会\n');
    const result = run(dir, 'build', name);
    expect(result.status).toBe(4);
    expect(result.stderr).not.toContain('\x1b');
    expect(result.stderr).toContain('plan␛[31m.yaml');
  });
});
