import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineText, type PlanDocument } from '../../../src/document/model.js';
import { writer } from '../../../src/writers/pdf/index.js';
import { haveTools, pdfFonts, pdfInfo, pdfText, run, samplePlan, squeeze, TOOLS, writePdf } from './helpers.js';

const tools = haveTools();
if (!tools) console.warn(`PDF tests skipped: ${TOOLS.join(', ')} not all installed (apt-get install poppler-utils qpdf)`);

describe('PDF writer', () => {
  it('is the pdf format', () => {
    expect(writer.format).toBe('pdf');
    expect(writer.extension).toBe('.pdf');
  });

  it('writes a PDF, the same bytes for the same plan', async () => {
    const doc = samplePlan();
    const first = await writer.write(doc);
    const second = await writer.write(doc);
    expect(Buffer.from(first.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});

describe.skipIf(!tools)('PDF of the sample plan, as the PDF tools read it', () => {
  const doc = samplePlan();
  let file = '';
  const warnings: string[] = [];
  beforeAll(async () => {
    file = await writePdf(doc, { warn: (warning) => warnings.push(warning.message) });
  });

  it('raises no warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('passes qpdf --check', () => {
    const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('is A4 and carries the title and the unit as metadata', () => {
    const info = pdfInfo(file);
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.89 pts/);
    expect(info.Title).toBe(doc.meta.title);
    expect(info.Author).toBe(doc.meta.org);
    expect(info.CreationDate).toContain('2027');
  });

  it('embeds every font, subset', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('gives back the text: title, every numbered heading, paragraphs, table cells, unit and date', () => {
    const text = pdfText(file);
    expect(text).toContain(squeeze(doc.meta.title));
    for (const block of doc.blocks) {
      if (block.type === 'heading') expect(text).toContain(squeeze(block.number + lineText(block.content)));
      if (block.type === 'paragraph') expect(text).toContain(squeeze(lineText(block.content)));
      if (block.type === 'table') {
        for (const cell of [...block.header, ...block.rows.flat()]) {
          for (const line of cell) expect(text).toContain(squeeze(lineText(line)));
        }
      }
      if (block.type === 'signature') {
        expect(text).toContain(squeeze(block.org));
        expect(text).toContain(squeeze(block.date));
      }
    }
  });

  it('numbers the pages — 1 —, — 2 —', () => {
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (let page = 1; page <= pages; page++) {
      const text = squeeze(run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']));
      expect(text.endsWith(`—${page}—`), text.slice(-20)).toBe(true);
    }
  });

  it('keeps closing punctuation off the start of a line', () => {
    const lines = run('pdftotext', ['-enc', 'UTF-8', file, '-'])
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    for (const line of lines) expect(line, line).not.toMatch(/^[，。、；：？！”’）》]/);
  });
});

/** Text that Typst would read as code or markup if it were ever put into Typst source. */
const TRICKS = [
  '#read("/etc/passwd")',
  '#import "x": *',
  '$x^2$',
  '<label>',
  '@ref',
  '*bold*',
  '_x_',
  '\\',
  ']',
  '#{panic("boom")}',
  '`raw`',
  '// comment',
  '#set text(size: 40pt)',
];

function trickPlan(): PlanDocument {
  const text = (i: number) => [{ text: `甲${TRICKS[i % TRICKS.length]}乙` }];
  return {
    meta: { title: `标题${TRICKS.join('')}`, org: '#read("/etc/hostname")', date: '2027-01-05' },
    blocks: [
      { type: 'heading', level: 1, number: '一、', content: [{ text: '#panic()' }, { text: '*加粗*', bold: true }] },
      { type: 'heading', level: 2, number: '（一）', content: text(1) },
      { type: 'heading', level: 3, number: '1.', content: text(2) },
      { type: 'heading', level: 4, number: '（1）', content: text(3) },
      ...TRICKS.map((_, i) => ({ type: 'paragraph' as const, content: text(i) })),
      {
        type: 'paragraph',
        content: [
          { text: '斜体$a$', italic: true },
          { text: '粗斜]', bold: true, italic: true },
        ],
      },
      {
        type: 'table',
        header: [[[{ text: '#h(1em)' }]], [[{ text: '[表头]' }]]],
        rows: [
          [[[{ text: '$1$' }], [{ text: '@cell' }]], [[{ text: '<x>' }]]],
          [[[{ text: '\\n' }]], [[{ text: '_y_' }]]],
        ],
      },
      { type: 'table', header: [[[{ text: '表二=[' }]]], rows: [[[[{ text: '#table()' }]]]] },
      { type: 'signature', org: '#emph[单位]', date: '2027年1月5日]' },
    ],
  };
}

describe.skipIf(!tools)('user text is data', () => {
  it('shows text that looks like Typst exactly as written, in every field', async () => {
    const doc = trickPlan();
    const file = await writePdf(doc);
    const text = pdfText(file);
    const expected = [
      doc.meta.title,
      '一、#panic()*加粗*',
      ...TRICKS.map((trick) => `甲${trick}乙`),
      '斜体$a$粗斜]',
      '#h(1em)',
      '[表头]',
      '$1$',
      '@cell',
      '<x>',
      '\\n',
      '_y_',
      '表二=[',
      '#table()',
      '#emph[单位]',
      '2027年1月5日]',
    ];
    for (const piece of expected) expect(text).toContain(squeeze(piece));
    // Nothing was read from the file system.
    expect(text).not.toContain('root:');
    expect(pdfInfo(file).Author).toBe('#read("/etc/hostname")');
  });
});
