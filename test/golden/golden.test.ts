import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { loadDocument } from '../../src/pipeline.js';
import { TemplateRegistry, BUILT_IN_ORDER } from '../../src/templates/registry.js';
import { toMarkdown } from '../../src/writers/markdown.js';
import { DEFECTS } from './defects.js';

const registry = new TemplateRegistry();
const root = new URL('../../', import.meta.url);

describe.each(BUILT_IN_ORDER)('examples/%s.yaml', (type) => {
  it('renders to the golden Markdown byte for byte (UPDATE=1 rewrites it)', async () => {
    const doc = await loadDocument(new URL(`examples/${type}.yaml`, root).pathname, registry, new Date(2026, 10, 23));
    const markdown = toMarkdown(doc);
    const golden = new URL(`test/golden/${type}.md`, root);
    if (process.env.UPDATE) writeFileSync(golden, markdown);
    // A missing golden file is a failure, not a new golden file: only UPDATE=1 writes one.
    expect(existsSync(golden), `test/golden/${type}.md is missing: run UPDATE=1 npx vitest run test/golden to write it, and review it`).toBe(true);
    expect(markdown).toBe(readFileSync(golden, 'utf8'));
  });

  it('gives check nothing to say about wording, dates or the schedule', () => {
    const golden = new URL(`test/golden/${type}.md`, root).pathname;
    const findings = checkText(golden, readFileSync(golden, 'utf8'), { today: new Date(2026, 10, 23) });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([]);
  });

  it('carries none of the defects of the sample texts', () => {
    const golden = readFileSync(new URL(`test/golden/${type}.md`, root), 'utf8');
    const body = golden.replace(/^---[\s\S]*?---\n/, '');
    for (const [name, pattern] of DEFECTS) {
      expect(pattern.exec(body)?.[0], name).toBeUndefined();
    }
  });
});
