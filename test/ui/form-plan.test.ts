import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { TemplateRegistry } from '../../src/templates/registry.js';
import { formPlan, pageFields } from '../../src/ui/form-plan.js';
import { EXAMPLES } from '../helpers/cli.js';

const registry = new TemplateRegistry();
const today = new Date('2026-11-20');
const school = (): Record<string, unknown> => YAML.parse(readFileSync(`${EXAMPLES}school.yaml`, 'utf8')) as Record<string, unknown>;

describe('the page’s outline, validated and checked as build does it', () => {
  it('builds the document of a valid outline, as the CLI would', async () => {
    const plan = await formPlan(school(), registry, today);
    expect(plan.notes).toEqual([]);
    expect(plan.doc?.meta.title).toBe('城南实验小学工会2027年工作计划');
    expect(plan.doc?.blocks.some((b) => b.type === 'signature')).toBe(true);
  });

  it('places a wrong value on its field, with the validator’s message, and builds nothing', async () => {
    const fields = { ...school(), year: '20x7', period: '全学年' };
    const plan = await formPlan(fields, registry, today);
    expect(plan.doc).toBeUndefined();
    expect(plan.notes.map((n) => [n.path.join('.'), n.severity])).toEqual([
      ['year', 'invalid'],
      ['period', 'invalid'],
    ]);
    expect(plan.notes[0]!.message).toContain('“20x7” 无效，应为四位数的年份');
  });

  it('places each check finding on the field its text is in', async () => {
    const fields = school();
    const sections = fields.sections as { items: unknown[] }[];
    sections[1]!.items[1] = '组织20xx年教职工代表大会';
    (sections[0]!.items[0] as Record<string, unknown>).text = '学习 党的十九大精神';
    fields.guidance = '坚持以教职工为中心,服务大局。';
    const plan = await formPlan(fields, registry, today);
    const placed = plan.notes.map((n) => `${n.path.join('.')} ${n.rule}`);
    expect(placed).toEqual(
      expect.arrayContaining([
        'guidance halfwidth-punctuation',
        'sections.0.items.0.text space-in-chinese',
        'sections.0.items.0.text outdated-reference',
        'sections.1.items.1 placeholder',
      ]),
    );
    expect(plan.notes.find((n) => n.rule === 'placeholder')?.severity).toBe('error');
    // Findings do not stop the preview: the plan is built as `build` builds it.
    expect(plan.doc).toBeDefined();
  });

  it('never lets the page name a file on disk: check.references is dropped, disable kept', () => {
    expect(pageFields({ org: 'x', check: { references: '/etc/passwd', disable: ['stale-year'] } })).toEqual({
      org: 'x',
      check: { disable: ['stale-year'] },
    });
    expect(pageFields({ org: 'x', check: { references: '../secret.yaml' } })).toEqual({ org: 'x' });
    expect(pageFields({ org: 'x', check: { wording: '/etc/passwd', lists: '../secret.yaml' } })).toEqual({ org: 'x' });
  });
});
