/**
 * The issuing keys (seal, attachments, kind, notice): read from the outline and from a plan's
 * front matter alike, every bad value reported at its line and column, kept through Markdown.
 */
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/outline/load.js';
import { UserError, formatProblem } from '../../src/errors.js';
import { BUILT_IN_ORDER } from '../../src/templates/registry.js';
import { parseMarkdown } from '../../src/document/parse.js';
import { toMarkdown } from '../../src/writers/markdown.js';
import { renderOutline } from '../../src/templates/render.js';
import { TemplateRegistry } from '../../src/templates/registry.js';

const options = { types: BUILT_IN_ORDER, today: new Date(2026, 10, 23) };

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

const GOOD = `type: district
org: 城南区总工会
year: 2027
date: 2027-01-05
kind: points
seal: true
attachments:
  - 重点工作任务分解表。
  - 职工服务站点建设名单
notice:
  number: 城南工发〔2027〕1号
  to: 各街道（镇）工会
  cc: 云川市总工会
`;

describe('issuing keys in the outline', () => {
  it('reads them, dropping punctuation after an attachment name, and titles the plan 工作要点', async () => {
    const outline = parseOutline('plan.yaml', GOOD, options);
    expect(outline).toMatchObject({
      kind: 'points',
      seal: true,
      attachments: ['重点工作任务分解表', '职工服务站点建设名单'],
      notice: { number: '城南工发〔2027〕1号', to: '各街道（镇）工会', cc: '云川市总工会' },
    });
    const registry = new TemplateRegistry();
    const markdown = await renderOutline(outline, await registry.get('district'));
    const doc = parseMarkdown('plan.md', markdown);
    expect(doc.meta.title).toBe('城南区总工会2027年工作要点');
    // The rendered plan keeps them in its front matter, and so does a plan written again.
    const again = parseMarkdown('again.md', toMarkdown(doc));
    expect(again.meta).toMatchObject({ kind: 'points', seal: true, notice: { number: '城南工发〔2027〕1号' } });
    expect(again.blocks.at(-2)).toEqual({ type: 'attachments', titles: ['重点工作任务分解表', '职工服务站点建设名单'] });
    expect(again.blocks.at(-1)).toMatchObject({ type: 'signature', org: '城南区总工会', sealed: true });
  });

  it('reports every bad value with its line and column', () => {
    const text = 'type: school\norg: 某校工会\nseal: 是\nkind: memo\nattachments: {a: 1}\nnotice:\n  to: 各单位\n  bcc: x\n';
    expect(problemsOf(() => parseOutline('plan.yaml', text, options)).sort()).toEqual(
      [
        'plan.yaml:3:7: seal（加盖印章）的值 “是” 无效，应为 true 或 false',
        'plan.yaml:4:7: kind（文种）的值 “memo” 无效，应为 plan（工作计划）或 points（工作要点）',
        'plan.yaml:5:14: attachments（附件）应为附件名称的列表（每项以“- ”开头），实际为 “{"a":1}”',
        'plan.yaml:7:3: notice（通知）缺少 number（发文字号）',
        'plan.yaml:8:3: 未知字段 “bcc”。notice（通知）中可用的字段：number、to、cc',
      ].sort(),
    );
  });

  it('states and enforces the limits on attachments', () => {
    const many = `type: school\norg: 某校工会\nattachments:\n${Array.from({ length: 21 }, (_, i) => `  - 附件${i + 1}\n`).join('')}`;
    expect(problemsOf(() => parseOutline('plan.yaml', many, options))).toEqual([
      'plan.yaml:4:3: attachments（附件）最多 20 个，实际为 21 个',
    ]);
    const long = `type: school\norg: 某校工会\nattachments:\n  - ${'长'.repeat(101)}\n  - ""\n`;
    expect(problemsOf(() => parseOutline('plan.yaml', long, options))).toEqual([
      'plan.yaml:4:5: attachments[0]（附件名称）过长：最多 100 个字',
      'plan.yaml:5:5: attachments[1]（附件名称）不能为空',
    ]);
  });
});

describe('issuing keys in a plan’s front matter', () => {
  it('reports bad values at their place in the Markdown file', () => {
    const text = '---\ntitle: 计划\norg: 某校工会\nseal: yes please\nnotice: 城南工发1号\n---\n\n正文。\n';
    expect(problemsOf(() => parseMarkdown('plan.md', text))).toEqual([
      'plan.md:4:7: front matter 中的seal（加盖印章）的值 “yes please” 无效，应为 true 或 false',
      'plan.md:5:9: front matter 中的notice（通知）应为含 number（发文字号）、to（主送机关）、cc（抄送机关）的键值对，实际为 “城南工发1号”',
    ]);
  });
});
