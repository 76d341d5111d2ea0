import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/import/import-plan.js';
import { BUILT_IN_ORDER } from '../../src/templates/registry.js';
import { commentedOutlineText, newOutlineFields } from '../../src/templates/new-outline.js';
import { TODAY, docxOf, markdownOf, registry } from './helpers.js';

// A unit per type whose name says the type, as a real one would.
const ORGS: Record<string, string> = {
  school: '城南实验小学工会',
  kindergarten: '阳光幼儿园工会',
  enterprise: '城南机械有限公司工会',
  town: '青山镇工会',
  street: '城南街道总工会',
  community: '幸福社区工会',
  district: '城南区总工会',
  audit: '城南区总工会经费审查委员会',
};

describe.each(BUILT_IN_ORDER)('round trip of %s: outline → DOCX → import → same Markdown', (type) => {
  it('imports with --year of its own year into an outline that builds the same Markdown', async () => {
    const template = await registry.get(type);
    const fields = newOutlineFields(template, {
      org: ORGS[type] ?? `${type}工会`,
      year: 2025,
      period: template.meta.period,
      date: '2025-01-08',
    });
    const yaml = commentedOutlineText(template, fields);
    const before = await markdownOf(yaml);
    const docx = await docxOf(yaml);
    const result = await importPlan(docx, 'last-year.docx', { year: 2025, registry, today: TODAY });
    expect(result.outline.type).toBe(type);
    expect(await markdownOf(result.yaml)).toBe(before);
  });

  it('rolls forward to the next year without --year, leaving the date to the default', async () => {
    const template = await registry.get(type);
    const fields = newOutlineFields(template, {
      org: ORGS[type] ?? `${type}工会`,
      year: 2025,
      period: template.meta.period,
      date: '2025-01-08',
    });
    const docx = await docxOf(commentedOutlineText(template, fields));
    const result = await importPlan(docx, 'last-year.docx', { registry, today: TODAY });
    expect(result.outline.year).toBe(2026);
    expect(result.yaml).not.toMatch(/^date:/m);
    expect(result.summary.sourceYear).toBe(2025);
  });
});
