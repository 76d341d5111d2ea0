/**
 * Issue 12: what a user typed is what every format shows. Markdown text keeps its spaces and line
 * breaks; control, bidi and unpaired surrogate characters are dropped everywhere, with a warning
 * that names the place, and never stop a build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/document/parse.js';
import { lineText, type ParagraphBlock } from '../../src/document/model.js';
import { tempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';
import { openDocx, paragraphText } from '../writers/docx/helpers.js';
import { pdfText, squeeze } from '../writers/pdf/helpers.js';

const FRONT = '---\ntitle: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\nyear: 2027\n---\n\n';

/** The text of each body paragraph of a DOCX, in order (title and signature included). */
async function docxParagraphs(file: string): Promise<string[]> {
  const docx = await openDocx(readFileSync(file));
  return (await docx.body()).filter((el) => el.name === 'w:p').map(paragraphText);
}

/** Body paragraphs of the Markdown a build wrote, as the parser reads them again. */
function markdownParagraphs(file: string): string[] {
  const doc = parseMarkdown(file, readFileSync(file, 'utf8'));
  return doc.blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph').map((b) => lineText(b.content));
}

describe('Markdown text in is text out, in Markdown, DOCX and PDF', () => {
  const body = [
    'use **Word** and `Excel`, see [the site](https://example.org) now',
    '',
    'first line  \nsecond line\\\nthird line',
    '',
    'see the\nsite, 中文\n换行',
    '',
    '1. one',
  ].join('\n');
  const expected = ['use Word and Excel, see the site now', 'first line\nsecond line\nthird line', 'see the site, 中文换行', '1. one'];

  it('keeps the spaces beside inline markup, hard breaks and a list number’s space', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), `${FRONT + body}\n`);
    const { status, stderr } = await runCli(dir, 'build', 'plan.md', '--format', 'md,docx,pdf', '--out', 'out');
    expect(stderr).not.toMatch(/内部错误/);
    expect(status).toBe(0);

    // Markdown: read back, the same text; written, the markup keeps its spaces outside.
    const md = readFileSync(join(dir, 'out', 'plan.md'), 'utf8');
    expect(md).toContain('use **Word** and Excel, see the site now');
    expect(md).toContain('first line\\\nsecond line\\\nthird line');
    expect(md).toContain('1\\. one');
    expect(markdownParagraphs(join(dir, 'out', 'plan.md'))).toEqual(expected);

    // DOCX: the same paragraphs, the hard breaks as Word line breaks.
    const paragraphs = await docxParagraphs(join(dir, 'out', 'plan.docx'));
    for (const text of expected) expect(paragraphs).toContain(text);
    // A line ending in a break is not stretched across the justified line (as in the PDF).
    const settings = await (await openDocx(readFileSync(join(dir, 'out', 'plan.docx')))).xml('word/settings.xml');
    expect(settings).toContain('<w:doNotExpandShiftReturn/>');

    // PDF: pdftotext sees every word (white space aside: Typst spaces Latin from Chinese).
    const text = pdfText(join(dir, 'out', 'plan.pdf'));
    for (const line of expected) expect(text).toContain(squeeze(line));
  });

  it('reads a built Markdown plan back into the same document (round trip)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), `${FRONT + body}\n`);
    expect((await runCli(dir, 'build', 'plan.md', '--format', 'md', '--out', 'a')).status).toBe(0);
    expect((await runCli(dir, 'build', join('a', 'plan.md'), '--format', 'md', '--out', 'b')).status).toBe(0);
    expect(readFileSync(join(dir, 'b', 'plan.md'), 'utf8')).toBe(readFileSync(join(dir, 'a', 'plan.md'), 'utf8'));
  });
});

describe('control, bidi and unpaired surrogate characters', () => {
  // In YAML double quotes: ESC, U+202E (right-to-left override), NUL, BEL and a lone surrogate.
  const outline = [
    'type: school',
    'org: "城南实验小学\\u0000工会"',
    'year: 2027',
    'title: "城南实验小学工会\\u202E2027年\\e[2J工作计划"',
    'preface: "本计划\\ud800依据\\u0007上级要求制定。"',
    'sections:',
    '  - title: 思想引领',
    '    items: ["组织\\u2066学习\\u2069", "开展活动"]',
    '',
  ].join('\n');
  const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]|[\uD800-\uDFFF]/u;

  it('are dropped from every format with a warning naming the place, and never stop the build', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.yaml'), outline);
    const { status, stderr } = await runCli(dir, 'build', 'plan.yaml', '--format', 'md,docx,pdf', '--out', 'out');
    expect(stderr).not.toMatch(/内部错误/);
    expect(status).toBe(0);
    for (const ext of ['md', 'docx', 'pdf']) {
      expect(stderr).toContain(`out/plan.${ext}: 标题含有控制字符或无效字符（U+202E、U+001B），已删除`);
      expect(stderr).toMatch(new RegExp(`out/plan\\.${ext}: 第1段含有控制字符或无效字符（U\\+D800、U\\+0007），已删除`));
      expect(stderr).toContain(`out/plan.${ext}: 落款单位含有控制字符或无效字符（U+0000），已删除`);
    }
    const md = readFileSync(join(dir, 'out', 'plan.md'), 'utf8');
    expect(md).not.toMatch(BAD);
    expect(md).toContain('title: 城南实验小学工会2027年[2J工作计划');
    expect(md).toContain('本计划依据上级要求制定。');
    const paragraphs = await docxParagraphs(join(dir, 'out', 'plan.docx'));
    expect(paragraphs.join('\n')).not.toMatch(BAD);
    expect(paragraphs).toContain('本计划依据上级要求制定。');
    const pdf = pdfText(join(dir, 'out', 'plan.pdf'));
    expect(pdf).not.toMatch(BAD);
    expect(pdf).toContain('本计划依据上级要求制定。');
    expect(pdf).toContain('组织学习');
  });

  it('a lone surrogate in a Markdown plan’s front matter builds a PDF (it was an internal error)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), '---\ntitle: "某\\udc00工会2027年工作计划"\norg: 某工会\n---\n\n正文。\n');
    const { status, stderr } = await runCli(dir, 'build', 'plan.md', '--format', 'pdf', '--out', 'out');
    expect(stderr).not.toMatch(/内部错误/);
    expect(status).toBe(0);
    expect(stderr).toContain('标题含有控制字符或无效字符（U+DC00），已删除');
    expect(pdfText(join(dir, 'out', 'plan.pdf'))).toContain('某工会2027年工作计划');
  });
});
