import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseOutline } from '../../src/outline/load.js';
import { planLevel, levelWords } from '../../src/vocab/level.js';
import { BUILT_IN_ORDER, TemplateRegistry } from '../../src/templates/registry.js';
import { newOutlineFields, newOutlineText, type NewOutlineOptions } from '../../src/templates/new-outline.js';
import { renderOutline } from '../../src/templates/render.js';
import { builtInWordingFile, wordingFor } from '../../src/templates/wording.js';
import { unsafePattern } from '../../src/text/safe-pattern.js';
import { UserError } from '../../src/errors.js';

const registry = new TemplateRegistry();
const options = { types: BUILT_IN_ORDER, today: new Date(2026, 10, 23) };

/** The plan `new` would write for these options, rendered to Markdown. */
async function plan(type: string, opts: Partial<NewOutlineOptions> & { org: string }): Promise<string> {
  const template = await registry.get(type);
  const text = newOutlineText(template, { year: 2027, period: 'annual', date: '2026-11-23', ...opts });
  return renderOutline(parseOutline('plan.yaml', text, options), template);
}

/** The 指导思想 paragraph of a rendered plan. */
function guidance(markdown: string): string {
  return /# 指导思想\n\n(.+)\n/.exec(markdown)?.[1] ?? '';
}

describe('the 指导思想 follows the plan year’s wording', () => {
  it.each(BUILT_IN_ORDER)('%s: a 2027 plan carries every current formula of wording.yaml', async (type) => {
    const text = guidance(await plan(type, { org: '测试工会' }));
    const wording = wordingFor(2027, type)!;
    expect(wording.formulas.length).toBeGreaterThanOrEqual(3);
    for (const formula of wording.formulas) expect(text, formula.name).toMatch(formula.matcher);
    expect(text).toContain('习近平总书记关于工人阶级和工会工作的重要论述');
    expect(text).toContain('以优异成绩迎接党的二十一大胜利召开');
  });

  it('adds what schools and kindergartens are expected to name', async () => {
    expect(guidance(await plan('school', { org: '测试工会' }))).toMatch(/全国教育大会.*教育强国.*教育家精神/);
    expect(guidance(await plan('kindergarten', { org: '测试工会' }))).toContain('《中华人民共和国学前教育法》');
    expect(guidance(await plan('enterprise', { org: '测试工会' }))).not.toContain('教育');
  });

  it('a 2028 plan follows 党的二十一大, with no code change', async () => {
    const text = guidance(await plan('district', { org: '青山县总工会', year: 2028 }));
    expect(text).toContain('全面学习贯彻党的二十一大精神');
    expect(text).not.toContain('二十大和二十届历次全会');
    expect(text).not.toContain('迎接党的二十一大');
  });

  it('writes a plan for a year before the list with its first entry, not its last', async () => {
    const text = guidance(await plan('district', { org: '青山县总工会', year: 2025 }));
    expect(text).toContain('二十大和二十届历次全会精神');
    expect(text).not.toContain('二十一大');
  });

  it('puts 思想政治引领 first in every plan', async () => {
    for (const type of BUILT_IN_ORDER) {
      const template = await registry.get(type);
      const sections = newOutlineFields(template, { org: '测试工会', year: 2027, period: 'annual', date: '2026-11-23' }).sections as {
        kind: string;
      }[];
      expect(sections[0]!.kind, type).toBe('ideology');
    }
  });
});

describe('the union’s level and superior', () => {
  it('reads the level from the union’s name', () => {
    expect(planLevel('district', '青山县总工会')).toBe('县');
    expect(planLevel('district', '某市某区总工会')).toBe('区');
    expect(planLevel('district', '某某旗总工会')).toBe('旗');
    expect(planLevel('town', '青山乡工会联合会')).toBe('乡');
    expect(planLevel('town', '某某街道总工会')).toBe('街道');
    expect(planLevel('district', '某某总工会')).toBe('区');
    expect(planLevel('town', '青山镇总工会', '乡')).toBe('乡');
    expect(planLevel('school', '青山县第一中学工会')).toBeUndefined();
    expect(levelWords('乡', '青山乡工会联合会')).toEqual({ level: '乡', party: '乡党委', self: '乡工会联合会' });
    expect(levelWords('街道', '东湖街道总工会')).toEqual({ level: '街道', party: '街道党工委', self: '街道总工会' });
  });

  it('writes a county federation’s plan as a county’s, never a district’s', async () => {
    const markdown = await plan('district', { org: '青山县总工会' });
    expect(markdown).toContain('全县');
    expect(markdown).toContain('县委');
    expect(markdown).toContain('level: 县');
    expect(markdown).not.toMatch(/全区|区委|区总工会/);
  });

  it('writes a township union’s plan as a 乡’s', async () => {
    const markdown = await plan('town', { org: '青山乡工会联合会', superior: '青山县总工会' });
    expect(markdown).toContain('全乡');
    expect(markdown).toContain('乡党委');
    expect(markdown).not.toMatch(/全镇|镇党委|镇总工会/);
  });

  it('takes the level from --level (level:) over the name', async () => {
    const template = await registry.get('district');
    const text = newOutlineText(template, { org: '某某总工会', level: '旗', year: 2027, period: 'annual', date: '2026-11-23' });
    expect(YAML.parse(text).level).toBe('旗');
    expect(text).toContain('全旗');
    expect(text).toContain('旗委');
  });

  it('names the superior where real plans do', async () => {
    expect(await plan('school', { org: '城南实验小学工会', superior: '城南区教育工会' })).toContain('根据城南区教育工会的工作部署');
    expect(await plan('town', { org: '青山乡工会联合会', superior: '青山县总工会' })).toContain('在乡党委和青山县总工会领导下');
    expect(await plan('school', { org: '城南实验小学工会' })).toContain('根据上级工会的工作部署');
  });

  it('rejects a level that is not one', () => {
    expect(() => parseOutline('plan.yaml', 'type: district\norg: 某总工会\nlevel: 省\n', options)).toThrowError(UserError);
  });
});

describe('tables', () => {
  it('shows the owner column only when owners differ', async () => {
    expect(await plan('school', { org: '测试工会' })).not.toContain('责任部门');
    expect(await plan('district', { org: '青山县总工会' })).toContain('| 月份 | 工作内容 | 责任部门 |');
  });

  it('shows a 上年实际 column when a target has a baseline', async () => {
    const outline = parseOutline(
      'plan.yaml',
      'type: enterprise\norg: 某公司工会\nyear: 2027\ntargets:\n  - name: 职工入会率\n    baseline: 92\n    value: 95\n    unit: "%"\n  - name: 集体合同\n    value: 按期续签\n',
      options,
    );
    const markdown = await renderOutline(outline, await registry.get('enterprise'));
    expect(markdown).toContain(
      '| 序号 | 指标 | 上年实际 | 目标值 |\n| --- | --- | --- | --- |\n| 1 | 职工入会率 | 92% | 95% |\n| 2 | 集体合同 |  | 按期续签 |',
    );
  });
});

describe('template defaults', () => {
  it('says which token of a user’s template is unknown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    mkdirSync(join(dir, 'mine'));
    writeFileSync(
      join(dir, 'mine', 'template.md'),
      '---\nname: 我的\ndefaults:\n  guidance: "{{wording.guidance}}，{{region}}"\n---\n{{guidance}}\n',
    );
    const template = await new TemplateRegistry(dir).get('mine');
    expect(() => newOutlineFields(template, { org: '某工会', year: 2027, period: 'annual', date: '2026-11-23' })).toThrowError(
      /“\{\{region\}\}” 无法识别/,
    );
  });

  it('writes no level words into a grassroots plan', async () => {
    const template = await registry.get('school');
    expect(
      newOutlineFields(template, { org: '青山县第一中学工会', year: 2027, period: 'annual', date: '2026-11-23' }).level,
    ).toBeUndefined();
  });
});

describe('the built-in wording list', () => {
  // The build does not parse the built-in patterns again (they are ours): this holds them to the
  // rule a user's own patterns must pass.
  it('uses only patterns that match in bounded time', () => {
    const entries = YAML.parse(readFileSync(builtInWordingFile(), 'utf8')) as { formulas?: { pattern?: string }[] }[];
    const patterns = entries.flatMap((entry) =>
      (entry.formulas ?? []).map((f) => f.pattern).filter((p): p is string => typeof p === 'string'),
    );
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.map((pattern) => [pattern, unsafePattern(pattern)])).toEqual(patterns.map((pattern) => [pattern, undefined]));
  });
});
