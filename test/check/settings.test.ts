import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkText } from '../../src/check/check.js';
import { UserError } from '../../src/errors.js';
import { parseOutline } from '../../src/outline/load.js';
import { TODAY, check, markdown, outline } from './helpers.js';

const rules = (findings: { rule: string }[]) => [...new Set(findings.map((f) => f.rule))];

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('check settings', () => {
  const text = '以__为指导，总结2019年经验。\n';

  it('turns rules off in an outline', () => {
    expect(rules(check(outline(`preface: ${text}`), 'yaml'))).toEqual(['placeholder', 'stale-year']);
    expect(rules(check(outline(`check:\n  disable: [placeholder]\npreface: ${text}`), 'yaml'))).toEqual(['stale-year']);
    expect(rules(check(outline(`check: { disable: stale-year }\npreface: ${text}`), 'yaml'))).toEqual(['placeholder']);
  });

  it('turns rules off in a Markdown plan’s front matter', () => {
    const front = 'title: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\nyear: 2027\ncheck:\n  disable:\n    - stale-year\n';
    expect(rules(check(markdown(text, front), 'md'))).toEqual(['placeholder']);
  });

  it('says where a setting is wrong', () => {
    const error = thrown(() => check(outline('check:\n  disable: [placehodler]\n  ignore: x\n'), 'yaml'));
    expect(error.kind).toBe('invalid');
    expect(error.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['5:13', '6:3']);
    expect(error.problems[0]!.message).toMatch(
      /^check\.disable 中的 “placehodler” 不是检查规则，可用的规则：placeholder、outdated-reference、/,
    );
    expect(error.problems[1]!.message).toBe('check 中的未知字段 “ignore”，可用的字段：disable、references、wording、lists');
    const inMd = thrown(() => check(markdown('正文。\n', 'check: 1\n'), 'md'));
    expect(inMd.problems[0]).toMatchObject({ line: 2, column: 8 });
  });

  it('reads unionplan.config.yaml beside the file or in a folder above, and the user’s references', () => {
    const root = mkdtempSync(join(tmpdir(), 'unionplan-check-'));
    mkdirSync(join(root, 'plans', '2027'), { recursive: true });
    writeFileSync(join(root, 'unionplan.config.yaml'), 'check:\n  disable: [stale-year]\n  references: 本地提法.yaml\n');
    writeFileSync(join(root, '本地提法.yaml'), '- text: 老口号\n  since: 2020\n  replacement: 新口号\n  note: 2020年起改用新口号\n');
    const file = join(root, 'plans', '2027', 'plan.md');
    writeFileSync(file, markdown(`${text}\n继续贯彻老口号。\n`));
    return checkFile(file, { today: TODAY }).then((found) => {
      expect(rules(found)).toEqual(['placeholder', 'outdated-reference']);
      expect(found[1]).toMatchObject({
        line: 9,
        column: 5,
        message: '“老口号”是过时的提法：2020年起已由“新口号”取代（2020年起改用新口号）',
      });
    });
  });

  it('reports a broken references list at its lines', () => {
    const root = mkdtempSync(join(tmpdir(), 'unionplan-check-'));
    writeFileSync(
      join(root, 'refs.yaml'),
      '- text: 甲\n  since: 二〇二〇\n  replacement: 乙\n- pattern: "十(["\n  since: 2020\n  replacement: 丙\n',
    );
    const error = thrown(() => checkText(join(root, 'plan.yaml'), outline('check: { references: refs.yaml }\n'), { today: TODAY }));
    expect(error.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:10', '4:12']);
    const missing = thrown(() =>
      checkText(join(root, 'plan.yaml'), outline('check: { references: 没有这个文件.yaml }\n'), { today: TODAY }),
    );
    expect(missing.problems[0]!.message).toContain('不存在');
  });

  it('reports an outline that does not validate exactly as the loader does', () => {
    const bad = outline('period: 半年\n');
    const fromCheck = thrown(() => check(bad, 'yaml'));
    const fromLoader = thrown(() => parseOutline('plan.yaml', bad, { types: ['school'] }));
    expect(fromCheck.kind).toBe('invalid');
    expect(fromCheck.problems).toEqual(fromLoader.problems);
  });
});
