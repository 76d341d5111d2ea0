/** Running the built CLI the way a user does, for the end-to-end tests. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = new URL('../../bin/unionplan.cjs', import.meta.url).pathname;
export const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

/** Runs `unionplan …` in `cwd` and waits for it. */
export function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `unionplan …` without waiting, to interrupt it. */
export function start(cwd: string, ...args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A new empty folder to run in. */
export function tempDir(prefix = 'unionplan-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Fails the suite early, with the fix, when the CLI has not been built. */
export function requireBuild(file = 'cli.cjs'): void {
  if (!existsSync(new URL(`../../dist/${file}`, import.meta.url))) {
    throw new Error(`dist/${file} is missing: run \`npm run build\` (npm test does it first)`);
  }
}

/** Waits until `check` holds, polling every 10 ms; false when `ms` pass first. */
export async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}
