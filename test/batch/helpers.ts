import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuild as requireCliBuild, tempDir as makeTempDir } from '../helpers/cli.js';

export { BIN, EXAMPLES, run, start, until } from '../helpers/cli.js';
export const FIXTURES = new URL('../fixtures/batch/', import.meta.url).pathname;

/** A fixture file: `fixture('gbk', 'units.csv')`. */
export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export function tempDir(): string {
  return makeTempDir('unionplan-batch-');
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
  requireCliBuild('batch-worker.js');
}
