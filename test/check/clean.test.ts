import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { TemplateRegistry } from '../../src/templates/registry.js';

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
      // the period (test/templates/period.test.ts), so months outside it are no finding here.
      const findings = checkText(`${name}.md`, `---\n${front}\n---\n`, { kind: 'markdown' }).filter(
        (f) => f.rule !== 'title-names-unit-year' && f.rule !== 'month-outside-period',
      );
      expect(findings).toEqual([]);
    }
  });
});
