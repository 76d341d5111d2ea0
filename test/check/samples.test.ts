import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { TODAY } from './helpers.js';

const dir = new URL('../fixtures/check/samples/', import.meta.url);

/**
 * The blanks in the untouched sample plans (copied from ../shared/seeds/samples), as
 * `line:column text`: every xx, __, □, 〈〉 and missing count a person would have to fill in.
 */
const BLANKS: Record<string, string[]> = {
  '01-school.txt': ['1:2 __'],
  '02-kindergarten.txt': ['1:1 xx', '1:60 xx', '11:15 〈〉'],
  '03-town.txt': ['5:37 xx', '7:45 __', '7:50 __', '7:55 __', '7:59 __'],
  '04-enterprise.txt': ['1:13 xx', '17:1 xx', '21:2 xx', '93:70 □', '93:71 xx'],
  '05a-audit.txt': [],
  '05b-school.txt': [],
  '05c-street.txt': ['1:3 __', '1:7 __', '19:15 __'],
  '05d-community.txt': ['7:14 __'],
  '05e-street-summary.txt': [
    '5:32 _',
    '7:18 __',
    '11:5 _',
    '11:11 __',
    '13:10 _',
    '13:12 _',
    '35:14 __',
    '37:10 _',
    '41:15 __',
    '49:5 __',
    '49:10 __',
    '49:40 __',
    '49:62 __',
    '49:74 __',
    '61:11 xx',
  ],
  '06-district.txt': [
    '9:63 xx',
    '13:6 xx',
    '13:35 xx',
    '13:44 xx',
    '15:6 xx',
    '15:54 xx',
    '21:36 xx',
    '27:27 20xx',
    '27:32 xx',
    '27:79 xx',
    '29:66 xx',
  ],
  '07-enterprise-summary.txt': [
    '1:1 20xx',
    '3:48 20xx',
    '7:13 x',
    '19:35 个',
    '19:41 个',
    '19:82 个',
    '19:90 个',
    '23:12 个',
    '23:63 个',
    '27:7 xx',
    '27:11 20xx',
    '51:34 征集“金点子”条',
    '51:53 完成项',
    '51:66 的有项',
    '51:80 的有项',
    '63:195 %',
  ],
  '08-school.txt': ['3:10 x', '3:61 xx', '39:1 xx'],
};

/** The text a finding points at, read from the file at its line and column. */
function textAt(lines: string[], line: number, column: number, length: number): string {
  return lines[line - 1]!.slice(column - 1, column - 1 + length);
}

describe('the untouched sample plans, checked as Markdown', () => {
  it('has a fixture for every sample', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(BLANKS).sort());
  });

  for (const [name, expected] of Object.entries(BLANKS)) {
    it(`${name}: finds its blanks where they are`, () => {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const found = checkText(name, text, { kind: 'markdown', today: TODAY }).filter((f) => f.rule === 'placeholder');
      const lines = text.split('\n');
      const got = found.map((f, i) => {
        const token = expected[i]?.split(' ')[1] ?? '';
        return `${f.line}:${f.column} ${textAt(lines, f.line, f.column, token.length)}`;
      });
      // Each place holds exactly the blank expected there.
      expect(got).toEqual(expected);
      expect(found.every((f) => f.severity === 'error')).toBe(true);
    });
  }

  it('finds the samples’ outdated references for a plan of today', () => {
    const text = readFileSync(new URL('05c-street.txt', dir), 'utf8');
    const found = checkText('05c-street.txt', text, { kind: 'markdown', today: TODAY }).filter((f) => f.rule === 'outdated-reference');
    expect(found.map((f) => f.message.slice(0, 6))).toEqual(['“十九大”是', '“十九大”是', '“十九大”是', '“十九大”是']);
  });
});
