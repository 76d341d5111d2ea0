import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/io/write-file.js';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'unionplan-write-'));
}

describe('writeFileAtomic', () => {
  it('makes missing folders, writes the bytes and leaves no temporary file', async () => {
    const dir = scratch();
    const file = join(dir, 'a', 'b', 'plan.md');
    await writeFileAtomic(file, '计划');
    expect(readFileSync(file, 'utf8')).toBe('计划');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['plan.md']);
  });

  it('keeps an existing file unless forced', async () => {
    const dir = scratch();
    const file = join(dir, 'plan.md');
    writeFileSync(file, 'old');
    const error = await writeFileAtomic(file, 'new').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).problems[0]?.message).toMatch(/已存在，未覆盖/);
    expect(readFileSync(file, 'utf8')).toBe('old');
    await writeFileAtomic(file, 'new', { force: true });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('makes a folder again when it was removed after an earlier write into it', async () => {
    const dir = scratch();
    const out = join(dir, 'out');
    await writeFileAtomic(join(out, 'one.md'), '1');
    rmSync(out, { recursive: true });
    await writeFileAtomic(join(out, 'two.md'), '2');
    expect(readdirSync(out)).toEqual(['two.md']);
  });
});
