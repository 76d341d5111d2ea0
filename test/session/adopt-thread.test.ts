/**
 * The CLI makes its one session the thread's own (`Session.adoptThread`) instead of running under
 * AsyncLocalStorage, whose promise hooks cost every await of a build. What code sees as the current
 * session must be the same either way, and a library caller's `run` inside still wins.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, currentSession } from '../../src/session/session.js';

describe('Session.adoptThread', () => {
  it('is the current session across awaits and timers until given back', async () => {
    const before = currentSession();
    const session = createSession();
    const restore = session.adoptThread();
    try {
      expect(currentSession()).toBe(session);
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(currentSession()).toBe(session);
      const inner = createSession();
      expect(await inner.run(async () => currentSession())).toBe(inner);
      expect(currentSession()).toBe(session);
    } finally {
      restore();
    }
    expect(currentSession()).toBe(before);
  });

  it('a CLI build never enters AsyncLocalStorage (whose run turns the promise hooks on)', () => {
    const out = mkdtempSync(join(tmpdir(), 'unionplan-adopt-'));
    const plan = new URL('../../examples/school.yaml', import.meta.url).pathname;
    const script = `
      const ah = require('node:async_hooks');
      const original = ah.AsyncLocalStorage.prototype.run;
      ah.AsyncLocalStorage.prototype.run = function (...args) { process.stderr.write('ALS-RUN\\n'); return original.apply(this, args); };
      process.argv = [process.argv[0], 'unionplan', 'build', ${JSON.stringify(plan)}, '--format', 'md', '--out', ${JSON.stringify(out)}];
      require(${JSON.stringify(new URL('../../bin/unionplan.cjs', import.meta.url).pathname)});
    `;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('已生成');
    expect(existsSync(join(out, 'school.md'))).toBe(true);
    expect(result.stderr).not.toContain('ALS-RUN');
  });
});
