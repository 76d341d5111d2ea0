/**
 * Run-in items in all three formats, from the same plan: the Markdown paragraph “1.标题。正文”,
 * one DOCX body paragraph (Normal, no bold, so the navigation pane lists only 一、 and （一）) and
 * one PDF paragraph carry the same text; `itemStyle: heading` brings the heading lines back.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/pipeline.js';
import { lineText, type HeadingBlock, type PlanDocument } from '../../src/document/model.js';
import { parseMarkdown } from '../../src/document/parse.js';
import { runInLine } from '../../src/document/run-in.js';
import { TemplateRegistry } from '../../src/templates/registry.js';
import { renderOutline } from '../../src/templates/render.js';
import { parseOutline } from '../../src/outline/load.js';
import { toMarkdown } from '../../src/writers/markdown.js';
import { all, first, kids, maybe, paragraphText, writeAndOpen, type El } from '../writers/docx/helpers.js';
import { haveTools, pdfText, squeeze, writePdf } from '../writers/pdf/helpers.js';

const registry = new TemplateRegistry();
const example = new URL('../../examples/school.yaml', import.meta.url).pathname;
const ITEM = '1.开好教职工代表大会。每学年至少召开一次教职工代表大会';

const styleOf = (p: El) => maybe(p, 'w:pStyle')?.attrs['w:val'] ?? 'Normal';
const bodyParagraphs = async (doc: PlanDocument) => (await (await writeAndOpen(doc)).body()).filter((el) => el.name === 'w:p');

/** The school example with its outline's itemStyle set. */
async function withItemStyle(style: string): Promise<PlanDocument> {
  const text = readFileSync(example, 'utf8').replace(/^period: annual$/m, `period: annual\nitemStyle: ${style}`);
  const outline = parseOutline('school.yaml', text, { types: registry.types() });
  return parseMarkdown('school.md', await renderOutline(outline, await registry.get('school')));
}

describe('run-in items, the default', async () => {
  const doc = await loadDocument(example, registry);
  const items = doc.blocks.filter((b): b is HeadingBlock => b.type === 'heading' && b.level >= 3);

  it('are run-in in the document, every one', () => {
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(item.runIn, lineText(item.content)).toBeDefined();
  });

  it('are one Markdown paragraph each', () => {
    const markdown = toMarkdown(doc);
    expect(markdown).toContain(`\n\n${ITEM}`);
    expect(markdown).not.toMatch(/^###/m);
  });

  it('are one plain Normal paragraph each in the DOCX, so the navigation pane shows only levels 1 and 2', async () => {
    const paragraphs = await bodyParagraphs(doc);
    const item = paragraphs.find((p) => paragraphText(p).startsWith(ITEM));
    expect(item).toBeDefined();
    expect(styleOf(item!)).toBe('Normal');
    expect(all(item!, 'w:b')).toEqual([]);
    expect(new Set(paragraphs.map(styleOf).filter((s) => s.startsWith('Heading')))).toEqual(new Set(['Heading1', 'Heading2']));
  });

  it.skipIf(!haveTools())('carry the same text in the PDF, each item in its order', async () => {
    // An item that runs over a page has the page number (—2—) among its words in the PDF's text.
    const text = pdfText(await writePdf(doc)).replace(/—\d+—/g, '');
    let from = 0;
    for (const item of items) {
      const at = text.indexOf(squeeze(lineText(runInLine(item))), from);
      expect(at, lineText(runInLine(item))).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });
});

describe('itemStyle', () => {
  it('heading: items are heading lines again in Markdown and DOCX (Heading3, in the navigation pane)', async () => {
    const doc = await withItemStyle('heading');
    expect(toMarkdown(doc)).toContain('\n### 1.开好教职工代表大会\n\n每学年至少召开一次教职工代表大会');
    const paragraphs = await bodyParagraphs(doc);
    const heading = paragraphs.find((p) => paragraphText(p) === '1.开好教职工代表大会');
    expect(heading && styleOf(heading)).toBe('Heading3');
  });

  it('heading, asked for by a template: its plans have heading lines unless the outline says otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unionplan-template-'));
    mkdirSync(join(dir, 'school'));
    const builtIn = readFileSync(new URL('../../templates/school/template.md', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'school', 'template.md'), builtIn.replace('period: annual\n', 'period: annual\nitemStyle: heading\n'));
    const own = new TemplateRegistry(dir);
    const outline = parseOutline('school.yaml', readFileSync(example, 'utf8'), { types: own.types() });
    const markdown = await renderOutline(outline, await own.get('school'));
    expect(markdown).toContain('\nitemStyle: heading\n');
    expect(markdown).toContain('\n### 开好教职工代表大会\n');
    const doc = parseMarkdown('school.md', markdown);
    expect(toMarkdown(doc)).toContain('\n### 1.开好教职工代表大会\n');
    const overruled = parseMarkdown('school.md', await renderOutline({ ...outline, itemStyle: 'run-in' }, await own.get('school')));
    expect(toMarkdown(overruled)).toContain(`\n\n${ITEM}`);
  });

  it('run-in-bold: the number and title are bold in the DOCX, the rest of the paragraph is not', async () => {
    const doc = await withItemStyle('run-in-bold');
    const paragraphs = await bodyParagraphs(doc);
    const item = paragraphs.find((p) => paragraphText(p).startsWith(ITEM))!;
    const runs = kids(item, 'w:r').map((r) => ({ bold: maybe(r, 'w:b') !== undefined, text: paragraphText({ ...item, children: [r] }) }));
    expect(runs[0]).toEqual({ bold: true, text: '1.开好教职工代表大会' });
    expect(runs.slice(1).every((r) => !r.bold)).toBe(true);
    expect(first(item, 'w:pStyle').attrs['w:val']).toBe('Normal');
  });
});
