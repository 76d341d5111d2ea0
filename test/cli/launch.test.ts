/**
 * How the command line starts: the launcher runs one CommonJS bundle (dist/cli.cjs) with its
 * compiled code kept in the cache folder (src/io/code-cache.ts), and never starts Node's ES module
 * loader or loads the library's chunks. Watched through Node's own record of what it loads
 * (NODE_DEBUG) and through the cache folder, so the assertions are on files, never on time.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, requireBuild, tempDir } from '../helpers/cli.js';

/** Runs `unionplan …args` in a new process with `env` added. */
function unionplan(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe('starting the command line', () => {
  beforeAll(() => requireBuild());

  it('a build loads the launcher and the one bundle from dist/, and no ES module', () => {
    for (const format of ['md', 'docx', 'pdf']) {
      const { stderr } = unionplan(
        { NODE_DEBUG: 'module,esm' },
        'build',
        join(EXAMPLES, 'school.yaml'),
        '--format',
        format,
        '--out',
        tempDir(),
      );
      const files = [...new Set([...stderr.matchAll(/dist\/([\w.-]+\.c?js)\b/g)].map((m) => m[1]))].sort();
      expect(files, format).toEqual(['cli.cjs', 'launch.cjs']);
      expect(stderr, format).not.toMatch(/^ESM \d+:/m);
    }
  });

  it('the first run keeps the compiled code, later runs use it, and the plan is the same', () => {
    const cache = mkdtempSync(join(tmpdir(), 'unionplan-cache-'));
    const [first, second, none] = [tempDir(), tempDir(), tempDir()];
    const build = (out: string, env: NodeJS.ProcessEnv = {}) =>
      unionplan({ UNIONPLAN_CACHE_DIR: cache, ...env }, 'build', join(EXAMPLES, 'school.yaml'), '--format', 'md', '--out', out);
    build(first);
    const kept = readdirSync(join(cache, 'code'));
    expect(kept).toEqual([expect.stringMatching(/^cli\.cjs(-[0-9a-f]{8}){3}\.v8$/)]);
    const written = statSync(join(cache, 'code', kept[0]!)).mtimeMs;
    build(second);
    expect(readdirSync(join(cache, 'code'))).toEqual(kept);
    expect(statSync(join(cache, 'code', kept[0]!)).mtimeMs).toBe(written);
    expect(readFileSync(join(second, 'school.md'), 'utf8')).toBe(readFileSync(join(first, 'school.md'), 'utf8'));
    // Node's own switch turns it off.
    const off = mkdtempSync(join(tmpdir(), 'unionplan-cache-'));
    unionplan(
      { UNIONPLAN_CACHE_DIR: off, NODE_DISABLE_COMPILE_CACHE: '1' },
      'build',
      join(EXAMPLES, 'school.yaml'),
      '--format',
      'md',
      '--out',
      none,
    );
    expect(existsSync(join(off, 'code'))).toBe(false);
    expect(readFileSync(join(none, 'school.md'), 'utf8')).toBe(readFileSync(join(first, 'school.md'), 'utf8'));
  });

  it('check --fix loads iconv-lite from its own file beside the bundle, and writes GBK back', () => {
    const dir = tempDir();
    const text = '---\ntitle: 城南小学工会2027年工作计划\n---\n\n坚持以人为本,突出重点。\n';
    writeFileSync(join(dir, 'gbk.md'), iconv.encode(text, 'gbk'));
    const result = spawnSync(process.execPath, [BIN, 'check', '--fix', 'gbk.md'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_DEBUG: 'module' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/dist\/iconv-lite\.cjs/);
    expect(readFileSync(join(dir, 'gbk.md')).equals(iconv.encode(text.replace('以人为本,', '以人为本，'), 'gbk'))).toBe(true);
  });

  it('without a build, says to run npm install (exit 70), whichever half of dist/ is missing', () => {
    const root = tempDir();
    mkdirSync(join(root, 'bin'));
    copyFileSync(BIN, join(root, 'bin', 'unionplan.cjs'));
    const missing = () => spawnSync(process.execPath, [join(root, 'bin', 'unionplan.cjs'), '--version'], { encoding: 'utf8' });
    for (const step of ['none', 'launcher only']) {
      if (step === 'launcher only') {
        mkdirSync(join(root, 'dist'));
        copyFileSync(new URL('../../dist/launch.cjs', import.meta.url), join(root, 'dist', 'launch.cjs'));
      }
      const result = missing();
      expect(result.status, step).toBe(70);
      expect(result.stderr, step).toBe('unionplan 还没有编译：请在项目文件夹中运行 npm install（或 npm run build）。\n');
    }
  });

  it('check --help and help check still list the rules', () => {
    for (const args of [
      ['check', '--help'],
      ['help', 'check'],
    ]) {
      const { stdout } = unionplan({}, ...args);
      expect(stdout).toContain('检查规则');
      expect(stdout).toMatch(/placeholder\s+错误/);
      expect(stdout).toContain('space-in-chinese');
    }
  });
});
