import { describe, expect, it } from 'vitest';
import { TITLE_LINE_CHARS, textWidth, titleLines } from '../../../src/writers/pdf/title.js';

describe('title lines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('城南实验小学工会2027年工作计划')).toEqual(['城南实验小学工会2027年工作计划']);
  });

  it('breaks a long title after the unit, in lines of about even length', () => {
    const lines = titleLines('中华全国总工会某某省某某市城南区教育工会城南实验小学工会2027年度工作计划');
    expect(lines).toEqual(['中华全国总工会某某省某某市城南区教育工会', '城南实验小学工会2027年度工作计划']);
  });

  it('never cuts a word, a number or puts closing punctuation first', () => {
    const title = '某某市总工会关于做好2027年度基层工会工作计划编制和报送工作的通知（试行）';
    const lines = titleLines(title);
    expect(lines.join('')).toBe(title);
    for (const line of lines) {
      expect(textWidth(line)).toBeLessThanOrEqual(TITLE_LINE_CHARS);
      expect(line).not.toMatch(/^[，。、）》]/);
    }
    const joints = lines.slice(1).map((line, i) => `${lines[i]?.slice(-2)}|${line.slice(0, 2)}`);
    for (const joint of joints) expect(joint).not.toMatch(/工\|会|工作\|计划|20\|27|年\|度/);
  });

  it('keeps the lines the user broke', () => {
    expect(titleLines('城南实验小学工会\n2027年工作计划')).toEqual(['城南实验小学工会', '2027年工作计划']);
  });

  it('breaks a title of unbreakable Latin text somewhere rather than overflow', () => {
    const title = 'x'.repeat(100);
    const lines = titleLines(title);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(TITLE_LINE_CHARS);
  });
});
