import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = new URL('../../bin/unionplan.js', import.meta.url).pathname;
export const FIXTURES = new URL('../fixtures/batch/', import.meta.url).pathname;
export const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

/** A fixture file: `fixture('gbk', 'units.csv')`. */
export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'unionplan-batch-'));
}

/** Runs the built CLI the way a user does, in `cwd`. */
export function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the built CLI without waiting, to interrupt it. */
export function start(cwd: string, ...args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every file under `dir`, relative, hidden ones included. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath.slice(dir.length + 1), entry.name))
    .sort();
}

export function requireBuild(): void {
  if (!existsSync(new URL('../../dist/batch-worker.js', import.meta.url))) {
    throw new Error('dist/batch-worker.js is missing: run `npm run build` (npm test does it first)');
  }
}
