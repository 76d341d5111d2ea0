import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { parseOutline } from '../../src/outline/load.js';
import { newOutlineText } from '../../src/templates/new-outline.js';
import { BUILT_IN_ORDER, TemplateRegistry } from '../../src/templates/registry.js';
import { renderOutline } from '../../src/templates/render.js';
import { defaultPlanDate } from '../../src/vocab/dates.js';
import type { Period } from '../../src/vocab/periods.js';
import { TODAY } from './helpers.js';

const types = new TemplateRegistry().types();

describe('the built-in plans come out clean', () => {
  it('has an example and a golden plan for each of the eight types', () => {
    expect(types).toHaveLength(8);
  });

  for (const type of types) {
    it(`${type}: examples/${type}.yaml and test/golden/${type}.md have no findings`, () => {
      const yaml = readFileSync(new URL(`../../examples/${type}.yaml`, import.meta.url), 'utf8');
      expect(checkText(`examples/${type}.yaml`, yaml)).toEqual([]);
      const md = readFileSync(new URL(`../golden/${type}.md`, import.meta.url), 'utf8');
      expect(checkText(`test/golden/${type}.md`, md)).toEqual([]);
    });
  }

  it('and so do the built-in templates’ default outlines, in the template files', () => {
    for (const name of readdirSync(new URL('../../templates/', import.meta.url))) {
      const text = readFileSync(new URL(`../../templates/${name}/template.md`, import.meta.url), 'utf8');
      // The template's front matter holds the default outline; Handlebars code is not text.
      const front = /^---\n([\s\S]*?)\n---/.exec(text)![1]!;
      // A template's defaults hold the whole year's work whatever its period: `new` cuts them to
      // the period (test/templates/period.test.ts), so months outside it are no finding here. It also
      // holds the text of every level (`variants:`, e.g. a county 经审会's beside a grassroots one), so
      // level words are checked per level below, on the outlines `new` writes, not in the file.
      const findings = checkText(`${name}.md`, `---\n${front}\n---\n`, { kind: 'markdown' }).filter(
        (f) => f.rule !== 'title-names-unit-year' && f.rule !== 'month-outside-period' && f.rule !== 'level-mismatch',
      );
      expect(findings).toEqual([]);
    }
  });
});

describe('the default plans draw nothing from the rules an approving office goes by', () => {
  // Every type; 区 and 县, 镇 and 乡, both kinds of 经审会; the year, both halves, both terms.
  const units: [string, string][] = [
    ['school', '城南实验小学工会'],
    ['kindergarten', '城南区阳光幼儿园工会'],
    ['enterprise', '青山机械有限公司工会'],
    ['town', '青山镇总工会'],
    ['town', '青山乡工会联合会'],
    ['street', '柳溪街道总工会'],
    ['community', '柳溪社区工会联合会'],
    ['district', '城南区总工会'],
    ['district', '青山县总工会'],
    ['audit', '城南实验小学工会经费审查委员会'],
    ['audit', '青山县总工会经费审查委员会'],
  ];
  const OFFICE_RULES = ['outdated-reference', 'target-without-value', 'frequency-schedule-mismatch', 'level-mismatch', 'missing-staple'];
  const registry = new TemplateRegistry();

  it('outlines from `new` and the plans built from them, for every type, level and period', async () => {
    const found: string[] = [];
    for (const [type, org] of units) {
      const template = await registry.get(type);
      const terms: Period[] = type === 'school' || type === 'kindergarten' ? ['first-term', 'second-term'] : [];
      for (const period of ['annual', 'first-half', 'second-half', ...terms] as Period[]) {
        const year = 2027;
        const text = newOutlineText(template, { org, year, period, date: defaultPlanDate(year, period, TODAY) });
        const outline = parseOutline('plan.yaml', text, { types: BUILT_IN_ORDER, today: TODAY });
        const markdown = await renderOutline(outline, template);
        for (const [file, body] of [
          ['plan.yaml', text],
          ['plan.md', markdown],
        ] as const) {
          for (const f of checkText(file, body, { today: TODAY })) {
            if (OFFICE_RULES.includes(f.rule)) found.push(`${org} ${period} ${file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });
});
