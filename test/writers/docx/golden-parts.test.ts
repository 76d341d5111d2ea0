/**
 * The writer's XML, part by part and byte by byte, against golden parts (test/golden/docx/). They
 * were first written by the `docx` library (9.15.2) before the writer came to own its XML, so they
 * hold the writer to what Word, WPS and LibreOffice were shown to read. `UPDATE=1` rewrites them
 * after a deliberate change; a golden part that is missing fails the test rather than being made.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { parseMarkdown } from '../../../src/document/parse.js';
import { writer } from '../../../src/writers/docx/index.js';
import { toMarkdown } from '../../../src/writers/markdown.js';
import { samplePlan } from './helpers.js';

const GOLDEN_MD = new URL('../../golden/', import.meta.url);
const GOLDEN = new URL('../../golden/docx/', import.meta.url);

/** The parts of a zip in its order, as text. */
async function partsOf(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  return Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('string')] as [string, string]));
}

/** Compares `text` with the golden file `name`, or writes it under UPDATE=1. */
function expectGolden(name: string, text: string): void {
  const file = new URL(name, GOLDEN);
  if (process.env.UPDATE) {
    mkdirSync(dirname(file.pathname), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `golden part ${name} is missing (UPDATE=1 writes it)`).toBe(true);
  expect(text, name).toBe(readFileSync(file, 'utf8'));
}

/** The parts every plan in the default fonts shares, as they stand in the package. */
const PLAN_PARTS = ['word/document.xml', 'docProps/core.xml'];

/** Every plan type's golden Markdown, as the document model. */
const goldenPlans: [string, PlanDocument][] = readdirSync(GOLDEN_MD)
  .filter((name) => name.endsWith('.md'))
  .map((name) => [name.replace(/\.md$/, ''), parseMarkdown(name, readFileSync(new URL(name, GOLDEN_MD), 'utf8'))]);

/** The sample plan with front matter additions, through Markdown as a user's plan.md would be. */
function planWith(meta: Partial<PlanDocument['meta']>): PlanDocument {
  const doc = samplePlan();
  doc.blocks = doc.blocks.filter((block) => block.type !== 'signature');
  doc.meta = { ...doc.meta, ...meta };
  return parseMarkdown('plan.md', toMarkdown(doc));
}

const inline = (text: string, bold = false) => ({ text, bold, italic: false });

/** Plans that reach the corners of the writer: the notice, attachments and seal, markup characters, tables side by side. */
const cornerPlans: [string, PlanDocument][] = [
  [
    'notice',
    planWith({
      seal: true,
      attachments: ['城南实验小学工会2027年重点工作分解表', '教职工代表大会提案汇总表'],
      notice: {
        number: '城南教工〔2027〕3号',
        to: '各年级组工会小组',
        cc: '城南区教育工会、城南区总工会、城南区教育局、城南区各中小学工会',
      },
    }),
  ],
  [
    'special',
    {
      meta: { title: '<标题> & "引号" \'单\'', org: 'A&B' },
      blocks: [
        {
          type: 'paragraph',
          content: [inline('a < b && c > d "q" \'s\' \t tab'), inline('粗体', true), { text: '斜体', bold: false, italic: true }],
        },
        { type: 'paragraph', content: [inline('第一行\n第二行\n\n“引号”…… ①℃ × 3')] },
        { type: 'table', header: [[[inline('项目&')]]], rows: [[[[inline('<x>', true)]]]] },
        {
          type: 'table',
          header: [[[inline('二')]], [[inline('')]]],
          rows: [[[], [[inline('长长的一段文字，用来试出列宽')], [inline('第二行')]]]],
        },
      ],
    },
  ],
  ['empty', { meta: { title: '' }, blocks: [] }],
];

describe('DOCX parts against golden XML (UPDATE=1 rewrites them)', () => {
  it('writes the parts every plan shares, in the same order', async () => {
    const parts = await partsOf(await writer.write(goldenPlans[0]![1]));
    expectGolden('package/order.txt', `${parts.map(([name]) => name).join('\n')}\n`);
    for (const [name, text] of parts) if (!PLAN_PARTS.includes(name)) expectGolden(`package/${name}`, text);
  });

  it.each([...goldenPlans, ...cornerPlans])('writes the document and properties of %s', async (name, doc) => {
    // Twice: the second time the blocks come from the cache.
    for (let round = 0; round < 2; round++) {
      const parts = new Map(await partsOf(await writer.write(doc)));
      for (const part of PLAN_PARTS) expectGolden(`${name}/${part.replace(/\//g, '-')}`, parts.get(part) ?? '');
    }
  });

  it('writes the styles and footers of a plan in other fonts', async () => {
    const doc = samplePlan();
    doc.meta = { ...doc.meta, fonts: { body: '华文中宋', title: '方正小标宋_GBK', pageNumber: 'Times New Roman', table: '楷体' } };
    const parts = new Map(await partsOf(await writer.write(doc)));
    for (const part of ['word/styles.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/document.xml']) {
      expectGolden(`fonts/${part.replace(/\//g, '-')}`, parts.get(part) ?? '');
    }
  });
});
