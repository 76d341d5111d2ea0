/**
 * The import rule of docs/architecture.md (`.dependency-cruiser.mjs`, run by `npm run lint` on
 * src/) refuses a wrong import: a small tree with one mistake of each kind fails with exactly
 * those, and its right imports pass.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/layers/', import.meta.url));
const DEPCRUISE = `${ROOT}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;

describe('dependency rules', () => {
  it('fail on imports that run the wrong way, on a cycle and on a file in no layer', () => {
    const result = spawnSync(
      process.execPath,
      [DEPCRUISE, 'src', '--config', `${ROOT}.dependency-cruiser.mjs`, '--output-type', 'err-long'],
      {
        cwd: FIXTURE,
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    // depcruise exits with the number of errors, as `npm run lint` shows them.
    expect(result.status).toBe(5);
    const found = [...result.stdout.matchAll(/^ {2}error ([\w-]+): (\S+) → (\S+)?/gm)]
      .map((m) => `${m[1]}: ${m[2]} → ${m[3] ?? ''}`)
      .sort();
    expect(found).toEqual([
      'in-a-layer: src/session.ts → src/errors.ts',
      'layer-document: src/document/model.ts → src/outline/load.ts',
      'layer-vocab: src/vocab/borrowed.ts → src/templates/title.ts',
      // A cycle is listed on the lines after its first file.
      'no-circular: src/templates/title.ts → ',
      'writers-not-markdown-reader: src/writers/markdown.ts → src/document/parse.ts',
    ]);
    expect(result.stdout).toMatch(/no-circular: src\/templates\/title\.ts → \s+src\/templates\/view\.ts →\s+src\/templates\/title\.ts\n/);
    expect(result.stdout).toContain('x 5 dependency violations (5 errors, 0 warnings)');
  });
});
