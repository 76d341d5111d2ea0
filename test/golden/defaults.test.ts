/**
 * The default plans as `new` writes them for the levels and periods the examples do not show: a
 * 县 federation and its 经审会, a grassroots 经审会, a 乡 and a 镇, half-years and both school terms.
 * Each is kept as a golden Markdown file (UPDATE=1 rewrites them) to be read whole as the approving
 * office reads it, and each outline must give `check` nothing to say.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { parseOutline } from '../../src/outline/load.js';
import { BUILT_IN_ORDER, TemplateRegistry } from '../../src/templates/registry.js';
import { newOutlineText } from '../../src/templates/new-outline.js';
import { renderOutline } from '../../src/templates/render.js';
import type { Period } from '../../src/vocab/periods.js';
import { DEFECTS } from './defects.js';

const registry = new TemplateRegistry();
const today = new Date(2026, 10, 23);

const PLANS: { name: string; type: string; org: string; superior: string; period: Period }[] = [
  { name: 'school-first-term', type: 'school', org: '城南实验小学工会', superior: '城南区教育工会', period: 'first-term' },
  { name: 'school-second-term', type: 'school', org: '城南实验小学工会', superior: '城南区教育工会', period: 'second-term' },
  { name: 'kindergarten-first-term', type: 'kindergarten', org: '城南区阳光幼儿园工会', superior: '城南区教育工会', period: 'first-term' },
  { name: 'enterprise-first-half', type: 'enterprise', org: '云川机械制造有限公司工会', superior: '云川市机械冶金工会', period: 'first-half' },
  { name: 'town-second-half', type: 'town', org: '青山镇总工会', superior: '城南区总工会', period: 'second-half' },
  { name: 'township', type: 'town', org: '白沙乡工会联合会', superior: '青山县总工会', period: 'annual' },
  { name: 'township-first-half', type: 'town', org: '白沙乡工会联合会', superior: '青山县总工会', period: 'first-half' },
  { name: 'street-first-half', type: 'street', org: '城东街道总工会', superior: '城南区总工会', period: 'first-half' },
  { name: 'community-second-half', type: 'community', org: '城东街道和平社区工会联合会', superior: '城东街道总工会', period: 'second-half' },
  { name: 'county', type: 'district', org: '青山县总工会', superior: '云川市总工会', period: 'annual' },
  { name: 'county-first-half', type: 'district', org: '青山县总工会', superior: '云川市总工会', period: 'first-half' },
  { name: 'county-audit', type: 'audit', org: '青山县总工会经费审查委员会', superior: '云川市总工会经费审查委员会', period: 'annual' },
  { name: 'county-audit-second-half', type: 'audit', org: '青山县总工会经费审查委员会', superior: '云川市总工会经费审查委员会', period: 'second-half' },
  { name: 'grassroots-audit', type: 'audit', org: '城南实验小学工会经费审查委员会', superior: '城南区教育工会经费审查委员会', period: 'annual' },
];

describe.each(PLANS)('new $type for $org, $period', ({ name, type, org, superior, period }) => {
  const outline = async () => {
    const template = await registry.get(type);
    const text = newOutlineText(template, { org, superior, year: 2027, period, date: period.endsWith('term') ? '2027-09-01' : '2027-01-05' });
    return { template, text };
  };

  it('renders to its golden Markdown (UPDATE=1 rewrites it)', async () => {
    const { template, text } = await outline();
    const markdown = await renderOutline(parseOutline('plan.yaml', text, { types: BUILT_IN_ORDER, today }), template);
    const golden = new URL(`defaults/${name}.md`, import.meta.url);
    if (process.env.UPDATE) writeFileSync(golden, markdown);
    expect(existsSync(golden), `test/golden/defaults/${name}.md is missing: run UPDATE=1 and review it`).toBe(true);
    expect(markdown).toBe(readFileSync(golden, 'utf8'));
    const body = markdown.replace(/^---[\s\S]*?---\n/, '');
    for (const [defect, pattern] of DEFECTS) expect(pattern.exec(body)?.[0], defect).toBeUndefined();
  });

  it('gives check nothing to say', async () => {
    const { text } = await outline();
    const findings = checkText('plan.yaml', text, { today });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([]);
  });
});
