import { describe, expect, it } from 'vitest';
import { check, markdown, outline, places } from './helpers.js';

const front = (year: number) => `title: 城南实验小学工会${year}年工作计划\norg: 城南实验小学工会\nyear: ${year}\n`;

describe('outdated-reference (warning)', () => {
  it('finds congresses and plans a later one has replaced, and says what is current', () => {
    const found = check(markdown('深入学习贯彻党的十九大精神，落实“十一五”规划。\n'), 'md', 'outdated-reference');
    expect(places(found)).toEqual(['7:9', '7:18']);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('“十九大”是过时的提法：2023年起已由“二十大”取代'),
    });
    // 十一五 → 十二五 → 十三五 → 十四五 → 十五五: the suggestion is the one current in 2027.
    expect(found[1]!.suggestion).toBe('改为“十五五”或当前的提法，或删去');
  });

  it('goes by the plan year', () => {
    const text = (year: number) => markdown('深入学习贯彻党的十九大精神，落实“十一五”规划。\n', front(year));
    expect(places(check(text(2022), 'md', 'outdated-reference'))).toEqual(['7:18']);
    expect(check(text(2010), 'md', 'outdated-reference')).toEqual([]);
  });

  it('tells 中国工会十七大 from the party’s 十七大, and keeps “党的十八大以来”', () => {
    const text = (year: number) => markdown('贯彻中国工会十七大精神。党的十八大以来，工会工作取得新成就。\n', front(year));
    expect(check(text(2023), 'md', 'outdated-reference')).toEqual([]);
    const found = check(text(2024), 'md', 'outdated-reference');
    expect(places(found)).toEqual(['7:3']);
    expect(found[0]!.message).toContain('已由“中国工会十八大”取代');
  });

  it('finds plenum sessions in an outline', () => {
    const found = check(outline('guidance: 认真贯彻十八届三中全会精神\n'), 'yaml', 'outdated-reference');
    expect(places(found)).toEqual(['4:15']);
    expect(found[0]!.suggestion).toContain('二十届历次全会');
  });
});

describe('stale-year (warning)', () => {
  it('finds years before the one before the plan’s, not later ones or history', () => {
    const found = check(
      markdown('在2019年工作的基础上，总结2026年经验，做好2027年工作，展望2035年远景目标，纪念1921年建党。\n'),
      'md',
      'stale-year',
    );
    expect(places(found)).toEqual(['7:2']);
    expect(found[0]!.message).toBe('年份“2019年”早于计划年度（2027年）的前一年');
  });

  it('uses the outline’s year', () => {
    expect(places(check(outline('preface: 总结2025年经验\n'), 'yaml', 'stale-year'))).toEqual(['4:12']);
    expect(check(outline('preface: 总结2025年经验\n', 'type: school\norg: 城南实验小学工会\nyear: 2026\n'), 'yaml', 'stale-year')).toEqual(
      [],
    );
  });

  it('says when the plan names no year and the default is assumed', () => {
    const found = check('2019年工作计划\n', 'md', 'stale-year');
    expect(found[0]!.message).toBe('年份“2019年”早于计划年度（未写明年度，按2027年算）的前一年');
  });
});
