/**
 * The build writes every bundle in ASCII (scripts/ascii-only.mjs): the regular expressions of
 * check's rules must still match what they matched, and the source maps must still point at the
 * same code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { asciiOnly } from '../../scripts/ascii-only.mjs';
import { requireBuild } from '../helpers/cli.js';

const inAscii = (code: string): string => (asciiOnly(code) as { code: string }).code;
/** The value of a JavaScript expression, as written. */
const value = (code: string): unknown => new Function(`return ${code}`)();

describe('bundles in ASCII', () => {
  it('a regular expression matches the same texts, written in escapes', () => {
    const cases: [string, string[]][] = [
      ['/(?:制定|制订)[^，。；、\\n]{0,6}?工作计划/', ['制定学期工作计划', '制定，工作计划', '工作计划']],
      ['/[—\\-~～至到]/', ['—', '～', 'a', '-']],
      ['/^[〇零一二三四五六七八九]{4}年/u', ['二〇二七年', '2027年']],
      // Beyond U+FFFF: one character with the u flag, two halves without it.
      ['/^𠀀$/u', ['𠀀', '\ud840']],
      ['/^𠀀$/', ['𠀀', '\ud840']],
      ['/^[𠀀-𠀂]$/u', ['𠀁', '𠀃']],
      // A character after a backslash means the character.
      ['/a\\—b/', ['a—b', 'a\\—b']],
      ['/a\\\\—b/', ['a\\—b', 'a—b']],
    ];
    for (const [literal, texts] of cases) {
      const ascii = inAscii(literal);
      expect(ascii, literal).toMatch(/^[\x00-\x7f]*$/);
      const before = value(literal) as RegExp;
      const after = value(ascii) as RegExp;
      for (const text of texts) expect(after.test(text), `${literal} on ${text}`).toBe(before.test(text));
    }
  });

  it('moves the source map’s columns after each escaped character, and only those', () => {
    // Line 0: `a=/工/;b=1`: segments at `a` (0), the regex (2) and `b` (6).
    const mappings = encode([
      [
        [0, 0, 0, 0],
        [2, 0, 0, 2],
        [6, 0, 0, 6],
      ],
      [[0, 0, 1, 0]],
    ]);
    const result = asciiOnly('a=/工/;b=1\nc=2', mappings) as { code: string; mappings: string };
    expect(result.code).toBe('a=/\\u5DE5/;b=1\nc=2');
    expect(decode(result.mappings)).toEqual([
      [
        [0, 0, 0, 0],
        [2, 0, 0, 2],
        [11, 0, 0, 6],
      ],
      [[0, 0, 1, 0]],
    ]);
    expect(result.code.indexOf('b=1')).toBe(11);
  });

  it('every file of dist/ is ASCII', () => {
    requireBuild();
    const dist = new URL('../../dist/', import.meta.url);
    const files = readdirSync(dist).filter((file) => /\.c?js$/.test(file));
    expect(files).toContain('cli.cjs');
    for (const file of files) expect(/[^\x00-\x7f]/.exec(readFileSync(new URL(file, dist), 'latin1'))?.index, file).toBeUndefined();
  });
});
