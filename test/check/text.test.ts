import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { applyFixes } from '../../src/check/fix/fix.js';
import { TODAY, check, markdown, outline, places } from './helpers.js';

/** The text after applying the fixes of one rule's findings. */
function fixed(text: string, kind: 'yaml' | 'md', rule: string): string {
  return applyFixes(text, check(text, kind, rule)).text;
}

describe('halfwidth-punctuation (warning, fixable)', () => {
  const md = markdown('坚持以人为本,突出重点;整体推进:全面履行(工会)职能, 加强建设。\n');

  it('finds , ; : ( ) between Chinese characters and fixes them to full width', () => {
    const found = check(md, 'md', 'halfwidth-punctuation');
    expect(places(found)).toEqual(['7:7', '7:12', '7:17', '7:22', '7:28']);
    expect(found.map((f) => f.suggestion)).toEqual([
      '改为全角“，”',
      '改为全角“；”',
      '改为全角“：”',
      '改为全角括号“（工会）”',
      '改为全角“，”',
    ]);
    expect(fixed(md, 'md', 'halfwidth-punctuation')).toBe(markdown('坚持以人为本，突出重点；整体推进：全面履行（工会）职能，加强建设。\n'));
  });

  it('leaves Latin text, numbers and times alone', () => {
    expect(check(markdown('生成 Word (docx) 文件, 2027年3月。时间:14:30, a,b;c\n'), 'md', 'halfwidth-punctuation')).toEqual([]);
  });

  it('fixes inside YAML quotes and over a Markdown escape', () => {
    const yaml = outline('preface: "坚持,突出"\n');
    expect(places(check(yaml, 'yaml', 'halfwidth-punctuation'))).toEqual(['4:13']);
    expect(fixed(yaml, 'yaml', 'halfwidth-punctuation')).toBe(outline('preface: "坚持，突出"\n'));
    // `\,` is one comma spelt with two characters: both go.
    const escaped = markdown('认真落实\\,做好工作\n');
    expect(places(check(escaped, 'md', 'halfwidth-punctuation'))).toEqual(['7:5']);
    expect(fixed(escaped, 'md', 'halfwidth-punctuation')).toBe(markdown('认真落实，做好工作\n'));
  });

  it('fixes a comma inside brackets over two rounds, as check --fix does', () => {
    const text = markdown('加强(工会,职工)建设\n');
    const once = applyFixes(text, check(text, 'md')).text;
    const twice = applyFixes(once, check(once, 'md')).text;
    expect(twice).toBe(markdown('加强（工会，职工）建设\n'));
  });
});

describe('doubled-punctuation (warning, fixable when repeated)', () => {
  const md = markdown('全面履行职能。。加强建设，，做好工作，。\n');

  it('finds repeated and mixed marks; fixes only repeats', () => {
    const found = check(md, 'md', 'doubled-punctuation');
    expect(places(found)).toEqual(['7:7', '7:13', '7:19']);
    expect(found.map((f) => f.fix !== undefined)).toEqual([true, true, false]);
    expect(fixed(md, 'md', 'doubled-punctuation')).toBe(markdown('全面履行职能。加强建设，做好工作，。\n'));
  });

  it('leaves the two-character marks …… and —— alone', () => {
    expect(check(markdown('包括读书、体育等活动……——这是破折号。“引号。”\n'), 'md', 'doubled-punctuation')).toEqual([]);
  });
});

describe('space-in-chinese (warning, fixable)', () => {
  const md = markdown('围绕中心工作 全面履行职能，开展\u3000活动，**加粗** 文字。\n');

  it('finds spaces between Chinese characters; fixes them unless markup touches them', () => {
    const found = check(md, 'md', 'space-in-chinese');
    expect(places(found)).toEqual(['7:7', '7:17', '7:27']);
    expect(found.map((f) => f.fix !== undefined)).toEqual([true, true, false]);
    expect(fixed(md, 'md', 'space-in-chinese')).toBe(markdown('围绕中心工作全面履行职能，开展活动，**加粗** 文字。\n'));
  });

  it('leaves spaces next to Latin words and numbers, and YAML line folds, alone', () => {
    expect(check(markdown('使用 Word 文件，共 12 人，2027 年。\n'), 'md', 'space-in-chinese')).toEqual([]);
    expect(check(outline('preface: 第一行\n  第二行\n'), 'yaml', 'space-in-chinese')).toEqual([]);
  });
});

describe('text rules read only user text', () => {
  it('skips the signature marker, table pipes, list markers and link targets', () => {
    const md = markdown(
      [
        '| 月份 | 工作内容 |',
        '| --- | --- |',
        '| 3月 | 召开教代会 |',
        '',
        '- 一项',
        '',
        '见[通知](http://a.b/x,y)。',
        '',
        '<!-- 落款 -->',
        '',
      ].join('\n'),
    );
    expect(check(md, 'md').filter((f) => /punctuation|space|placeholder/.test(f.rule))).toEqual([]);
  });

  it('skips numbers typed before a heading, which the plan replaces with its own', () => {
    const md = markdown('# 三、主要工作\n\n## (一)、劳动竞赛\n\n内容。\n\n## 开展(安康杯)竞赛\n\n内容。\n');
    expect(places(check(md, 'md', 'halfwidth-punctuation'))).toEqual(['13:6']);
  });

  it('reports places in a file with CRLF line ends and a byte-order mark as editors show them', () => {
    const text = `\uFEFF${markdown('第一段。\r\n\r\n第二段,有问题。\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r')}`;
    const found = checkText('plan.md', text, { today: TODAY });
    expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['9:4 halfwidth-punctuation']);
  });
});

describe('kind-wording (warning, fixable)', () => {
  it('finds 本计划 in a 工作要点 and fixes it to 本工作要点, in an outline and in Markdown', () => {
    const yaml = outline('kind: points\npreface: 结合本校实际，制定本计划。\n');
    const found = check(yaml, 'yaml', 'kind-wording');
    expect(places(found)).toEqual(['5:19']);
    expect(found[0]!.message).toBe('文种是工作要点，正文却称“本计划”');
    expect(fixed(yaml, 'yaml', 'kind-wording')).toContain('preface: 结合本校实际，制定本工作要点。');
    const md = markdown('结合本校实际，制定本工作计划。\n', 'title: 城南实验小学工会2027年工作要点\norg: 城南实验小学工会\nyear: 2027\n');
    expect(places(check(md, 'md', 'kind-wording'))).toEqual(['7:10']);
    expect(fixed(md, 'md', 'kind-wording')).toContain('制定本工作要点。');
  });

  it('finds 本要点 in a 工作计划, and leaves a plan that names itself rightly alone', () => {
    expect(places(check(outline('preface: 现将本要点印发。\n'), 'yaml', 'kind-wording'))).toEqual(['4:12']);
    expect(check(outline('preface: 结合本校实际，制定本计划。\n'), 'yaml', 'kind-wording')).toEqual([]);
    expect(check(outline('kind: points\npreface: 结合本校实际，制定本工作要点。\n'), 'yaml', 'kind-wording')).toEqual([]);
  });
});
