import { describe, expect, it } from 'vitest';
import { check, markdown, outline, places } from './helpers.js';

describe('placeholder (error)', () => {
  it('finds every kind of blank in a Markdown plan, at its line and column', () => {
    const text = markdown(
      `${[
        '20xx年，以__为指导。',
        '组建了_社区工会，召开＿＿会议。',
        '因此□开展工作，某某同志负责（  ）。',
        '学习〈〉精神，共征集“金点子”条。',
        '党的十x届全会，建立分会个，签订率达到%。',
      ].join('\n\n')}\n`,
    );
    const found = check(text, 'md', 'placeholder');
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '7:1 未填写的占位符“20xx”',
      '7:8 未填写的空白“__”',
      '9:4 未填写的空白“_”',
      '9:12 未填写的空白“＿＿”',
      '11:3 未填写的方框“□”',
      '11:9 “某某”未换成实际名称',
      '11:15 括号或引号“（  ）”中没有内容',
      '13:3 括号或引号“〈〉”中没有内容',
      '13:9 缺少数字：征集“金点子”条',
      '15:4 未填写的占位符“x”',
      '15:13 “个”前面缺少数字',
      '15:20 “%”前面缺少数字',
    ]);
    expect(found.every((f) => f.severity === 'error' && f.suggestion !== '' && f.fix === undefined)).toBe(true);
  });

  it('points into YAML values exactly, through quotes, escapes and block scalars', () => {
    expect(places(check(outline('preface: 以__为指导\n'), 'yaml', 'placeholder'))).toEqual(['4:11']);
    // `\"` is two characters in the file: the xx after it is at column 14.
    expect(places(check(outline('preface: "以\\"xx\\"为指导"\n'), 'yaml', 'placeholder'))).toEqual(['4:14']);
    expect(places(check(outline("preface: '以''XX''为指导'\n"), 'yaml', 'placeholder'))).toEqual(['4:14']);
    expect(places(check(outline('preface: |\n  第一段。\n\n  在xx年的基础上\n'), 'yaml', 'placeholder'))).toEqual(['7:4']);
    expect(places(check(outline('schedule:\n  - month: 3\n    items: [召开第__届教代会, 某某活动]\n'), 'yaml', 'placeholder'))).toEqual([
      '6:16',
      '6:24',
    ]);
  });

  it('finds nothing in filled-in text, keys, comments or settings', () => {
    const clean = outline(
      [
        '# xx 这是注释，不是计划的内容',
        'preface: 组织职工观看Xbox比赛，taxx不算；入会率100%，一个也不能少，某些单位（注）先行。',
        'fonts:',
        '  body: 仿宋_GB2312',
        '',
      ].join('\n'),
    );
    expect(check(clean, 'yaml', 'placeholder')).toEqual([]);
    expect(check(markdown('入会率达到100%，组建了5个分会，共征集建议12条。\n'), 'md', 'placeholder')).toEqual([]);
  });

  it('keeps `__` that Markdown reads as emphasis visible as a blank', () => {
    // `，__街道__，` would be strong emphasis in CommonMark; in a plan it is two blanks.
    expect(places(check(markdown('要在，__街道__，开展\n'), 'md', 'placeholder'))).toEqual(['7:4', '7:8']);
  });
});
