import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { loadDocument } from '../../src/pipeline.js';
import { TemplateRegistry, BUILT_IN_ORDER } from '../../src/templates/registry.js';
import { toMarkdown } from '../../src/writers/markdown.js';

const registry = new TemplateRegistry();
const root = new URL('../../', import.meta.url);

// The defects of the sample texts (shared/seeds/README.md) that no built-in plan may carry.
const DEFECTS: [string, RegExp][] = [
  ['placeholder', /xx|XX|__|＿|□|〈〉|某某|（\s*）/],
  ['typed numbering in text', /(^|\n)([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+、|第[一二三四五六七八九十]+、)/],
  ['half-width punctuation between Chinese', /[\p{Script=Han}][,;:()][\p{Script=Han}]/u],
  ['space inside Chinese text', /[\p{Script=Han}] +[\p{Script=Han}]/u],
  ['sample names', /闵行|福田|贵州铝厂|新柳|徐总|蔡书记|洋山/],
  // What came from the sample authors' own units, regions and decades (issue 10).
  ['sample-era leftovers', /排故|夺标|协力工|学陶师陶|新课程|班级网页|地方教育附加|爱心妈咪|主题集市|每月一题|参政议政|能级|半边天|新时期|疫情|学习型/],
  ['colloquialisms', /满堂灌|狠下功夫|下功夫|抓手/],
  // One spelling per term: 制定 throughout.
  ['制订', /制订/],
];
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
