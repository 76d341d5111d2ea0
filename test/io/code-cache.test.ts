/**
 * The command line's compiled code, kept between runs (src/io/code-cache.ts, run through the built
 * launcher): made once, used after, never used for another build of the bundle, made again when V8
 * refuses it, and never in the way of the run when it cannot be kept. Each run is a process of its
 * own, as a user's are: within one process V8 reuses what it compiled and never asks the cache.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeCacheFile } from '../../src/io/code-cache.js';
import { tempFileFor } from '../../src/io/temp-name.js';
import { requireBuild } from '../helpers/cli.js';

const LAUNCH = new URL('../../dist/launch.cjs', import.meta.url).pathname;

/** A CommonJS bundle in a new folder; `body` runs in it. */
function bundle(body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'unionplan-code-cache-')), 'cli.cjs');
  writeFileSync(file, `${body}\n${'function unused(a) { return a * 2; }\n'.repeat(200)}`);
  return file;
}

/** Runs `file` through the launcher in a new process, as `unionplan …args`: what became of the cache, and what the bundle left in `seen`. */
function launch(file: string, env: NodeJS.ProcessEnv, args: string[] = []): { state: string; seen: unknown } {
  const script = `globalThis.seen = undefined; const state = require(${JSON.stringify(LAUNCH)}).launch(${JSON.stringify(file)}, process.env, ${JSON.stringify(args)}); process.stdout.write(JSON.stringify({ state, seen: globalThis.seen }));`;
  const result = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { state: string; seen: unknown };
}
const cacheDir = () => mkdtempSync(join(tmpdir(), 'unionplan-cache-'));
const kept = (dir: string) => readdirSync(join(dir, 'code')).filter((name) => name.endsWith('.v8'));

describe('code cache', () => {
  beforeAll(() => requireBuild('launch.cjs'));

  it('is made by the first run and used by the next; the bundle runs as require would run it', () => {
    const file = bundle("globalThis.seen = [__filename, typeof module.exports, typeof require('node:path').join];");
    const dir = cacheDir();
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir })).toEqual({ state: 'created', seen: [file, 'object', 'function'] });
    const [name] = kept(dir);
    expect(name).toMatch(/^cli\.cjs(-[0-9a-f]{8}){3}\.v8$/);
    const written = statSync(join(dir, 'code', name!)).mtimeMs;
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir })).toEqual({ state: 'used', seen: [file, 'object', 'function'] });
    // Used, not written again.
    expect(statSync(join(dir, 'code', name!)).mtimeMs).toBe(written);
  });

  it('each kind of run keeps a cache of its own, made by its first run', () => {
    const file = bundle('globalThis.seen = "k";');
    const dir = cacheDir();
    const times = () => Object.fromEntries(kept(dir).map((name) => [name, statSync(join(dir, 'code', name)).mtimeMs]));
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }, ['build', 'plan.yaml', '--format', 'md']).state).toBe('created');
    const first = times();
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }, ['build', 'other.yaml', '--format=md', '--force']).state).toBe('used');
    expect(times()).toEqual(first);
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }, ['build', 'plan.yaml', '--format', 'docx,pdf']).state).toBe('created');
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }, ['--version']).state).toBe('created');
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }, ['--help']).state).toBe('used');
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }, ['build', 'plan.yaml', '--format', 'docx,pdf']).state).toBe('used');
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }, ['build', 'plan.yaml', '--format', 'PDF, docx']).state).toBe('used');
    expect(kept(dir)).toHaveLength(3);
    expect(times()).toMatchObject(first);
  });

  it('a run that fails keeps no cache (a mistyped command or format would leave one each)', () => {
    const file = bundle('globalThis.seen = "failed"; process.exitCode = 2;');
    const dir = cacheDir();
    const result = spawnSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(LAUNCH)}).launch(${JSON.stringify(file)}, process.env, ['build', '--format', 'dox'])`],
      {
        encoding: 'utf8',
        env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', UNIONPLAN_CACHE_DIR: dir },
      },
    );
    expect(result.status).toBe(2);
    expect(existsSync(join(dir, 'code'))).toBe(false);
  });

  it('a bundle of another build id gets a cache of its own, even at the same time and size (as npm installs files)', () => {
    const file = bundle('/*unionplan-build:00000000000000aa*/\nglobalThis.seen = 1;');
    const dir = cacheDir();
    const time = new Date('1985-10-26T08:15:00Z');
    utimesSync(file, time, time);
    launch(file, { UNIONPLAN_CACHE_DIR: dir });
    writeFileSync(file, readFileSync(file, 'utf8').replace('aa*/', 'bb*/').replace('= 1;', '= 2;'));
    utimesSync(file, time, time);
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir })).toEqual({ state: 'created', seen: 2 });
  });

  it('a rebuilt bundle gets a cache of its own, and the old one is removed', () => {
    const file = bundle('globalThis.seen = 1;');
    const dir = cacheDir();
    launch(file, { UNIONPLAN_CACHE_DIR: dir });
    const [first] = kept(dir);
    // The same length, other code: V8 checks only the length, and alone would run the old code.
    writeFileSync(file, readFileSync(file, 'utf8').replace('= 1;', '= 2;'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir })).toEqual({ state: 'created', seen: 2 });
    expect(kept(dir)).toHaveLength(1);
    expect(kept(dir)).not.toContain(first);
  });

  it('a damaged cache is refused by V8, made again, and then used', () => {
    const file = bundle('globalThis.seen = "ok";');
    const dir = cacheDir();
    launch(file, { UNIONPLAN_CACHE_DIR: dir });
    const { size, mtimeMs } = statSync(file);
    const cache = codeCacheFile(join(dir, 'code'), file, readFileSync(file, 'latin1'), size, mtimeMs, '');
    writeFileSync(cache, readFileSync(cache).subarray(0, 100));
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir })).toEqual({ state: 'rejected', seen: 'ok' });
    expect(statSync(cache).size).toBeGreaterThan(100);
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }).state).toBe('used');
  });

  it.runIf(process.getuid !== undefined)('a cache other users can write to is not used, but made again', () => {
    const file = bundle('globalThis.seen = "mine";');
    const dir = cacheDir();
    launch(file, { UNIONPLAN_CACHE_DIR: dir });
    const cache = join(dir, 'code', kept(dir)[0]!);
    chmodSync(cache, 0o666);
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir })).toEqual({ state: 'created', seen: 'mine' });
    expect(statSync(cache).mode & 0o002).toBe(0);
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir }).state).toBe('used');
  });

  it('runs without a cache when it is turned off or cannot be kept', () => {
    const file = bundle('globalThis.seen = "ran";');
    const dir = cacheDir();
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir, NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ state: 'off', seen: 'ran' });
    expect(readdirSync(dir)).toEqual([]);
    // A file where the cache folder should be.
    writeFileSync(join(dir, 'code'), '');
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir })).toEqual({ state: 'created', seen: 'ran' });
    expect(launch(file, { UNIONPLAN_CACHE_DIR: dir })).toEqual({ state: 'created', seen: 'ran' });
  });

  it('a bundle that is not ASCII is read as UTF-8', () => {
    const file = bundle('globalThis.seen = "工会工作计划";');
    expect(launch(file, { UNIONPLAN_CACHE_DIR: cacheDir() }).seen).toBe('工会工作计划');
  });

  it('writing a cache removes what a killed write left in the folder, and nothing else', () => {
    const file = bundle('globalThis.seen = 0;');
    const dir = cacheDir();
    const folder = join(dir, 'code');
    mkdirSync(folder);
    // A write by a process that is gone (pid 2^22 + 1 is above Linux's largest), and a file not ours.
    writeFileSync(tempFileFor(join(folder, 'cli.cjs-00000000-00000000.v8'), 4_194_305), 'half');
    writeFileSync(join(folder, 'notes.txt'), 'not ours');
    launch(file, { UNIONPLAN_CACHE_DIR: dir });
    expect(readdirSync(folder).sort()).toEqual([...kept(dir), 'notes.txt'].sort());
  });
});
