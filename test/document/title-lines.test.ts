import { describe, it, expect } from 'vitest';
import { MAX_BALANCED_LINES, TITLE_LINE_CHARS, titleLines } from '../../src/document/title-lines.js';
import { textWidth } from '../../src/document/text-width.js';

/** Width in 全角 characters, ASCII counting half. */
function width(line: string): number {
  return [...line].reduce((sum, char) => sum + (/^[\u0020-\u007E]$/.test(char) ? 0.5 : 1), 0);
}

describe('title line breaking', () => {
  it('keeps a title that fits (20 characters of 二号 in 156 mm) on one line', () => {
    expect(TITLE_LINE_CHARS).toBe(20);
    expect(titleLines('城南实验小学工会2027年工作计划')).toEqual(['城南实验小学工会2027年工作计划']);
    expect(titleLines('一二三四五六七八九十一二三四五六七八九十')).toHaveLength(1);
    expect(titleLines('一二三四五六七八九十一二三四五六七八九十一')).toHaveLength(2);
  });

  it('breaks after the unit and before the year rather than in the middle of a name', () => {
    expect(titleLines('城南区教育工会城南实验小学工会委员会2027年度第一学期工作计划')).toEqual([
      '城南区教育工会城南实验小学工会委员会',
      '2027年度第一学期工作计划',
    ]);
    expect(titleLines('某某有限责任公司工会委员会2027年上半年工作要点')).toEqual(['某某有限责任公司工会委员会', '2027年上半年工作要点']);
    expect(titleLines('某某市某某区人民政府机关事务管理局工会2027年工作计划')).toEqual([
      '某某市某某区人民政府',
      '机关事务管理局工会2027年工作计划',
    ]);
  });

  it('uses three lines when two would not fit, keeping 二〇二七年度 and （试行） whole', () => {
    expect(titleLines('中华全国总工会关于做好二〇二七年度职工文化体育工作和职工书屋建设的工作计划（试行）')).toEqual([
      '中华全国总工会关于做好',
      '二〇二七年度职工文化体育工作和',
      '职工书屋建设的工作计划（试行）',
    ]);
  });

  it('never cuts 工作计划, a number, or starts a line with closing punctuation', () => {
    const titles = [
      '关于进一步加强和改进新时代基层工会组织建设工作的实施方案',
      '某某街道某某社区联合工会关于2027年度工会工作计划，请审议',
      '某某县第一人民医院工会2027年职工之家建设与工作计划要点',
    ];
    for (const title of titles) {
      const lines = titleLines(title);
      expect(lines.join('')).toBe(title);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(width(line)).toBeLessThanOrEqual(20);
        expect(line).not.toMatch(/^[，。、；：？！）》”’]/);
      }
      const joined = lines.join('|');
      expect(joined).not.toMatch(/工\|作|工作\|计|工作计\|划|\d\|\d/);
    }
  });

  it('balances lines it has to break anywhere (a long Latin name) and keeps written breaks', () => {
    const latin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const lines = titleLines(latin);
    expect(lines).toEqual([latin.slice(0, 26), latin.slice(26)]);
    expect(titleLines('某某工会\n2027年工作计划')).toEqual(['某某工会', '2027年工作计划']);
  });

  it('handles very long titles quickly, every line within the width', () => {
    const title = `${'某某市某某区某某街道某某社区'.repeat(30)}工会工作计划`;
    const started = performance.now();
    const lines = titleLines(title);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(lines.join('')).toBe(title);
    expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(20);
    expect(lines.length).toBe(Math.ceil(width(title) / 20));
  });
});

describe('title lines of a hostile length', () => {
  // A 20,000-character title took 22 s and 1 GB: balancing was quadratic in lines and characters.
  it('fills a title of more than six lines line by line, every line full but the last', () => {
    const title = '某某工会2027年工作计划'.repeat(1800);
    const lines = titleLines(title);
    expect(lines.join('')).toBe(title);
    expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(TITLE_LINE_CHARS);
    // Filled: no line but the last is shorter than the width less one unit's word (工作计划 is kept whole).
    for (const line of lines.slice(0, -1)) expect(width(line)).toBeGreaterThanOrEqual(TITLE_LINE_CHARS - 4);
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(width(title) / (TITLE_LINE_CHARS - 4)));
  });

  it('still balances a title of up to six lines', () => {
    const title = `${'城南区实验小学暨城南区实验幼儿园联合工会委员会'.repeat(4)}2027年度工作计划`;
    expect(width(title)).toBeLessThanOrEqual(TITLE_LINE_CHARS * MAX_BALANCED_LINES);
    const lines = titleLines(title);
    expect(lines.join('')).toBe(title);
    const widths = lines.map(width);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(6);
  });
});

describe('title lines (PDF cases)', () => {
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

describe('title lines keep the unit name whole', () => {
  it('keeps a name that fits on one line whole, breaking after it', () => {
    const cases: [string, string][] = [
      ['东湖街道幸福里社区工会联合会', '东湖街道幸福里社区工会联合会2027年工作计划'],
      ['华东精密机械股份有限公司工会委员会', '华东精密机械股份有限公司工会委员会2027年工作计划'],
      ['城南区总工会经费审查委员会', '城南区总工会经费审查委员会2027年上半年工作计划'],
    ];
    for (const [org, title] of cases) {
      const lines = titleLines(title, org);
      expect(lines[0]).toBe(org);
      expect(lines.join('')).toBe(title);
    }
  });

  it('breaks a name too long for a line only where one of its words ends', () => {
    const org = '江南省城南市城南区东湖街道幸福里社区工会联合会';
    const lines = titleLines(`${org}2027年工作计划`, org);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(TITLE_LINE_CHARS);
    const joints = lines.slice(1).map((line, i) => `${lines[i]!.slice(-3)}|${line.slice(0, 3)}`);
    for (const joint of joints) expect(joint).not.toMatch(/工会\|联合|工\|会联|会联\|合会|有限\|公司|公司\|工会/);
    expect(titleLines('某某机械制造有限公司工会经费审查委员会关于2027年度经费审查工作的计划')).not.toContainEqual(
      expect.stringMatching(/^(委员会|审查委员会|查委员会|工会)/),
    );
  });
});
