/**
 * The programmatic API never takes the process over: no signal handler, no `exit` listener, no
 * `process.exit`, whatever it builds, checks, imports or batches, and a batch stops through its
 * session's abort signal instead.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPlan, checkFile, createSession, currentSession, importPlan, runBatch, UserError } from '../../src/lib.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'beforeExit', 'uncaughtException'] as const;

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'unionplan-lib-'));
}

function listeners(): Record<string, number> {
  return Object.fromEntries(EVENTS.map((event) => [event, process.listenerCount(event)]));
}

/** Every file under `dir`, hidden ones included. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath.slice(dir.length + 1), entry.name))
    .sort();
}

describe('the library API leaves the process alone', () => {
  let before: Record<string, number>;
  beforeEach(() => {
    before = listeners();
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`process.exit(${String(code)}) called by the library`);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('builds, checks and imports without a signal handler or an exit', async () => {
    const dir = scratch();
    const written = await buildPlan(join(EXAMPLES, 'school.yaml'), { formats: ['md', 'docx'], outDir: dir });
    expect(written.map((file) => file.slice(dir.length + 1)).sort()).toEqual(['school.docx', 'school.md']);
    const findings = await checkFile(join(dir, 'school.md'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const imported = await importPlan(readFileSync(join(dir, 'school.md')), 'school.md');
    expect(imported.outline.type).toBe('school');
    expect(imported.yaml).toMatch(/^type: school$/m);
    // A user mistake is an error to catch, not an exit.
    await expect(buildPlan(join(dir, 'missing.yaml'), { formats: ['md'], outDir: dir })).rejects.toBeInstanceOf(UserError);
    expect(listeners()).toEqual(before);
    expect(process.exit).not.toHaveBeenCalled();
  });

  it('runs a batch with its zip and report, and stops it by aborting its session', async () => {
    const dir = scratch();
    const rows = Array.from({ length: 6 }, (_, i) => `第${i + 1}测试单位工会,school,2027`);
    writeFileSync(join(dir, 'units.csv'), `单位名称,类型,年度\n${rows.join('\n')}\n`);

    const whole = await runBatch({
      list: join(dir, 'units.csv'),
      formats: ['md'],
      outDir: join(dir, 'all'),
      zip: join(dir, 'all.zip'),
      report: join(dir, 'all.json'),
    });
    expect(whole.interrupted).toBe(false);
    expect(whole.units.map((unit) => unit.status)).toEqual(Array(6).fill('done'));
    expect(existsSync(join(dir, 'all.zip'))).toBe(true);

    // Aborted after the second plan: the one running finishes, the rest are not run, the report says so.
    const session = createSession();
    let done = 0;
    const stopped = await session.run(() =>
      runBatch({
        list: join(dir, 'units.csv'),
        formats: ['md'],
        outDir: join(dir, 'part'),
        zip: join(dir, 'part.zip'),
        report: join(dir, 'part.json'),
        progress: { start() {}, stop() {}, tick: () => void (++done === 2 && currentSession().abort()) },
      }),
    );
    session.dispose();
    expect(stopped.interrupted).toBe(true);
    const statuses = stopped.units.map((unit) => unit.status);
    expect(statuses.filter((s) => s === 'done').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 'not-run').length).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(join(dir, 'part.json'), 'utf8')) as { interrupted: boolean; zip: string | null };
    expect(report).toMatchObject({ interrupted: true, zip: null });
    expect(existsSync(join(dir, 'part.zip'))).toBe(false);
    expect(files(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(files(join(dir, 'part'))).toEqual(
      stopped.units
        .filter((u) => u.status === 'done')
        .flatMap((u) => u.files)
        .sort(),
    );

    expect(listeners()).toEqual(before);
    expect(process.exit).not.toHaveBeenCalled();
  });
});

describe('a session', () => {
  it('removes the temporary files still held when it is disposed, and runs its clean-ups last first', () => {
    const dir = scratch();
    const session = createSession();
    const held = join(dir, '.plan.md.unionplan-0-0-0.tmp');
    const released = join(dir, '.done.md.unionplan-0-0-0.tmp');
    writeFileSync(held, 'half');
    writeFileSync(released, 'whole');
    session.holdTemp(held);
    session.holdTemp(released)();
    const order: string[] = [];
    session.onDispose(() => order.push('first'));
    const forget = session.onDispose(() => order.push('forgotten'));
    session.onDispose(() => order.push('last'));
    forget();
    session.dispose();
    session.dispose();
    expect(existsSync(held)).toBe(false);
    expect(existsSync(released)).toBe(true);
    expect(order).toEqual(['last', 'first']);
  });

  it('keeps its own caches, and gives them to what runs inside it', async () => {
    const a = createSession();
    const b = createSession();
    a.cache<string, number>('test', 4).set('k', 1);
    expect(await a.run(async () => currentSession().cache<string, number>('test', 4).get('k'))).toBe(1);
    expect(await b.run(async () => currentSession().cache<string, number>('test', 4).get('k'))).toBeUndefined();
    a.dispose();
    expect(a.cache<string, number>('test', 4).size).toBe(0);
  });

  it('says whether something running stops gracefully, and aborts once', () => {
    const session = createSession();
    expect(session.stopsGracefully).toBe(false);
    const reasons: string[] = [];
    const stop = session.onStop((reason) => reasons.push(reason));
    expect(session.stopsGracefully).toBe(true);
    session.abort('SIGINT');
    session.abort('SIGTERM');
    expect(session.signal.aborted).toBe(true);
    expect(reasons).toEqual(['SIGINT']);
    stop();
    expect(session.stopsGracefully).toBe(false);
  });
});
