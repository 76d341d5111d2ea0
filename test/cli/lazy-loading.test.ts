/**
 * What a command loads is what it uses: `--version` and `--help` load commander and the commands'
 * definitions only, a Markdown build loads neither the Word nor the PDF writer, and `check --help`
 * still lists the rules it loads on demand, and the code of the everyday commands comes in one chunk. Watched through Node's own record of the modules it
 * loads (NODE_DEBUG=esm), so the assertion is on files, never on time.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, requireBuild, tempDir } from '../helpers/cli.js';

const DIST = new URL('../../dist/', import.meta.url).pathname;

/** The dist/ files a run of `unionplan …args` loads, and their bytes in all. */
function loaded(...args: string[]): { files: string[]; bytes: number; stdout: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm' } });
  expect(result.status, result.stderr).toBe(0);
  const files = [...new Set([...result.stderr.matchAll(/dist\/([\w.-]+\.js)/g)].map((m) => m[1]!))].sort();
  return { files, bytes: files.reduce((sum, file) => sum + statSync(join(DIST, file)).size, 0), stdout: result.stdout };
}

describe('each command loads what it uses', () => {
  beforeAll(() => requireBuild());

  it('--version and --help leave the pipeline, check and the writers unloaded', () => {
    const out = tempDir();
    const build = loaded('build', join(EXAMPLES, 'school.yaml'), '--format', 'md', '--out', out);
    expect(build.files.some((file) => file.startsWith('actions-'))).toBe(true);
    for (const args of [['--version'], ['--help'], ['build', '--help']]) {
      const run = loaded(...args);
      expect(run.files.filter((file) => file.startsWith('actions-'))).toEqual([]);
      // Commander and the definitions are a small part of what a build reads.
      expect(run.bytes, args.join(' ')).toBeLessThan(build.bytes / 2);
    }
  });

  it('a Markdown build loads neither the Word nor the PDF writer', () => {
    const out = tempDir();
    const md = loaded('build', join(EXAMPLES, 'school.yaml'), '--format', 'md', '--out', out);
    expect(md.files.filter((file) => file.startsWith('docx-') || file.startsWith('pdf-'))).toEqual([]);
    const docx = loaded('build', join(EXAMPLES, 'school.yaml'), '--format', 'docx', '--out', out);
    expect(docx.files.some((file) => file.startsWith('docx-'))).toBe(true);
  });

  it('the everyday commands come in a few files, not one per set of users of a module', () => {
    // Each file is a resolve, a read and a compile of its own: 28 files before the core chunk
    // (scripts/build.mjs), 7 with it.
    const md = loaded('build', join(EXAMPLES, 'school.yaml'), '--format', 'md', '--out', tempDir());
    expect(md.files.length, md.files.join(' ')).toBeLessThanOrEqual(8);
    // The core chunk holds the pipeline, check and the parsers: most of what a build reads.
    const largest = Math.max(...md.files.map((file) => statSync(join(DIST, file)).size));
    expect(largest).toBeGreaterThan(md.bytes / 2);
  });

  it('check --help and help check still list the rules', () => {
    for (const args of [
      ['check', '--help'],
      ['help', 'check'],
    ]) {
      const { stdout } = loaded(...args);
      expect(stdout).toContain('检查规则');
      expect(stdout).toMatch(/placeholder\s+错误/);
      expect(stdout).toContain('space-in-chinese');
    }
  });
});
