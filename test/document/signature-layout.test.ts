import { describe, expect, it } from 'vitest';
import { signatureIndents } from '../../src/document/signature-layout.js';
import { textWidth } from '../../src/document/text-width.js';

describe('signatureIndents (GB/T 9704 7.3.5.2)', () => {
  it('sets the unit two characters in and starts the date two characters right of the unit', () => {
    // 城东街道和平社区工会: 10 characters; 2027年1月5日: 6 (digits half, no gap between scripts).
    expect(textWidth('2027年1月5日')).toBe(6);
    expect(signatureIndents('城东街道和平社区工会', '2027年1月5日')).toEqual({ org: 2, date: 4 });
  });

  it('keeps the date two characters in when it is longer than the unit, moving the unit left', () => {
    const { org, date } = signatureIndents('镇工会', '2027年12月25日');
    expect(date).toBe(2);
    expect(org).toBe(8);
    // Where each starts, counted from the right edge: the date starts two characters right of the unit.
    expect(org + textWidth('镇工会') - (date + textWidth('2027年12月25日'))).toBe(2);
  });
});
