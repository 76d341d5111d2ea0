/** Only the CLI owns the process: no other source file handles a signal or ends the process. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;
const TAKES_OVER = /process\.(exit|on|once|addListener|prependListener|prependOnceListener)\s*\(|process\.exitCode\s*=/;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the process belongs to src/cli/', () => {
  it('has no signal handler, exit listener or process.exit outside src/cli/', () => {
    const outside = sources(SRC)
      .map((file) => relative(SRC, file))
      .filter((file) => !file.startsWith('cli/') && !file.startsWith('ui/client/'))
      .filter((file) => TAKES_OVER.test(readFileSync(join(SRC, file), 'utf8')));
    expect(outside).toEqual([]);
  });

  it('finds them where they belong, so the pattern above does match', () => {
    expect(TAKES_OVER.test(readFileSync(join(SRC, 'cli', 'signals.ts'), 'utf8'))).toBe(true);
    expect(TAKES_OVER.test(readFileSync(join(SRC, 'cli', 'main.ts'), 'utf8'))).toBe(true);
  });
});
