import { describe, expect, it } from 'vitest';
import { toChineseNumeral } from '../../src/text/chinese-numerals.js';
import { headingNumber } from '../../src/document/numbering.js';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [90, '九十'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [200, '二百'],
    [305, '三百零五'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2024, '二千零二十四'],
    [10000, '一万'],
    [10001, '一万零一'],
    [10010, '一万零一十'],
    [12345, '一万二千三百四十五'],
  ])('%i → %s', (n, expected) => {
    expect(toChineseNumeral(n)).toBe(expected);
  });

  it('writes every number from 1 to 99 without 一十 or 零', () => {
    for (let n = 1; n <= 99; n++) {
      const text = toChineseNumeral(n);
      expect(text.startsWith('一十')).toBe(false);
      expect(text).not.toContain('零');
    }
  });

  it('rejects what is not a number of headings', () => {
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('headingNumber', () => {
  it('uses the official style of each level', () => {
    expect(headingNumber(1, 3)).toBe('三、');
    expect(headingNumber(2, 12)).toBe('（十二）');
    expect(headingNumber(3, 7)).toBe('7.');
    expect(headingNumber(4, 2)).toBe('（2）');
    expect(headingNumber(1, 101)).toBe('一百零一、');
  });
});
