/**
 * A PDF laid out with font subsets (the first PDF of a session) looks exactly like the one laid
 * out with the whole faces (every later PDF, as in a batch): every page rendered by pdftoppm is the
 * same image, byte for byte, and pdftotext reads the same text — also when, its faces drawing every
 * character, its compiler was made without the system's fonts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { loadDocument } from '../../../src/pipeline.js';
import { createSession, type Session } from '../../../src/session/session.js';
import { TemplateRegistry } from '../../../src/templates/registry.js';
import { runBatch } from '../../../src/batch/run-batch.js';
import { nextPdfFaces, pdfFacesUsed } from '../../../src/writers/pdf/pdf-faces.js';
import { writer } from '../../../src/writers/pdf/index.js';
import { BUNDLED_SANS, sourceFile, type BundledFont } from '../../../src/writers/pdf/bundled.js';
import type { WriterOptions } from '../../../src/writers/writer.js';
import { haveTools, pdfFonts, renameFont, samplePlan, tempDir } from './helpers.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;

/** A session that has laid out one PDF already: every PDF it lays out now uses the whole faces. */
async function wholeFacesSession(): Promise<Session> {
  const session = createSession();
  await session.run(() => writer.write(samplePlan()));
  expect(session.run(nextPdfFaces)).toBe('whole');
  return session;
}

/**
 * The PDF of a plan laid out in a new session (so with subsets) and in `whole`, written to a
 * folder, and whether the subsets' compiler was made without the system's fonts.
 */
async function bothWays(
  doc: PlanDocument,
  whole: Session,
  options?: WriterOptions,
): Promise<{ subset: string; whole: string; withoutSystemFonts: boolean }> {
  const dir = tempDir();
  const fresh = createSession();
  expect(fresh.run(nextPdfFaces)).toBe('subset');
  writeFileSync(join(dir, 'subset.pdf'), await fresh.run(() => writer.write(doc, options)));
  const { withoutSystemFonts } = fresh.run(pdfFacesUsed);
  fresh.dispose();
  writeFileSync(join(dir, 'whole.pdf'), await whole.run(() => writer.write(doc, options)));
  return { subset: join(dir, 'subset.pdf'), whole: join(dir, 'whole.pdf'), withoutSystemFonts: withoutSystemFonts === 1 };
}

/** Each page as a 50 dpi grey image (PGM), in page order. */
function pages(pdf: string): Buffer[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '50', '-gray', pdf, prefix]);
  const dir = join(prefix, '..');
  const name = prefix.slice(dir.length + 1);
  return readdirSync(dir)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.pgm'))
    .sort((a, b) => Number(/-(\d+)\.pgm$/.exec(a)?.[1]) - Number(/-(\d+)\.pgm$/.exec(b)?.[1]))
    .map((file) => readFileSync(join(dir, file)));
}

function text(pdf: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

function expectSame(pdfs: { subset: string; whole: string }, what: string): void {
  const subsetPages = pages(pdfs.subset);
  const wholePages = pages(pdfs.whole);
  expect(subsetPages.length, what).toBe(wholePages.length);
  expect(subsetPages.length, what).toBeGreaterThan(0);
  for (const [i, page] of subsetPages.entries()) expect(page.equals(wholePages[i] as Buffer), `${what}, page ${i + 1}`).toBe(true);
  expect(text(pdfs.subset), what).toBe(text(pdfs.whole));
}

/** The sample plan with one more paragraph. */
function withParagraph(words: string): PlanDocument {
  const doc = samplePlan();
  doc.blocks.push({ type: 'paragraph', content: [{ text: words }] });
  return doc;
}

describe.runIf(haveTools())('PDFs laid out with font subsets', () => {
  it('render every example plan exactly as with the whole faces', async () => {
    const whole = await wholeFacesSession();
    const registry = new TemplateRegistry();
    const examples = readdirSync(EXAMPLES).filter((file) => file.endsWith('.yaml'));
    expect(examples).toContain('school.yaml');
    for (const example of examples) {
      const doc = await loadDocument(join(EXAMPLES, example), registry);
      // Each has tables and level-2 headings (楷体, set in the bundled 霞鹜文楷 here).
      expect(
        doc.blocks.some((block) => block.type === 'table'),
        example,
      ).toBe(true);
      expect(
        doc.blocks.some((block) => block.type === 'heading' && block.level === 2),
        example,
      ).toBe(true);
      const pdfs = await bothWays(doc, whole);
      expectSame(pdfs, example);
      // The bundled faces draw every character of the examples: Typst was not made to read the
      // system's fonts for them (where fontconfig lets that be said), and the pages are the same.
      expect(pdfs.withoutSystemFonts, example).toBe(process.platform === 'linux');
    }
    whole.dispose();
  });

  it('draw Chinese dashes —— as with the whole faces', async () => {
    const whole = await wholeFacesSession();
    // Noto Serif SC has a ligature for them (kept by following GSUB, see subset-font.test.ts); the
    // layout may or may not set it, and either way the subset must draw what the whole face draws.
    const dash = await bothWays(withParagraph('工会工作——服务职工——团结奋进。'), whole);
    expectSame(dash, 'dashes');
    whole.dispose();
  });

  it('draw a character the sample has not, taken from the document, and fall back as before for one no bundled face has', async () => {
    const whole = await wholeFacesSession();
    // 龘 is in every bundled face, 𠀀 (CJK extension B) in none: both are set as with the whole faces.
    const rare = await bothWays(withParagraph('龘龘龘。罕见字𠀀在此。'), whole);
    expectSame(rare, 'rare characters');
    expect(text(rare.subset)).toContain('龘龘龘');
    // 𠀀 needs a font of the system: those stay.
    expect(rare.withoutSystemFonts).toBe(false);
    whole.dispose();
  });

  it('cut an official TrueType font found with --font-dir too, drawn as the whole font draws it', async () => {
    const fonts = tempDir();
    // A TrueType face registered as SimHei / 黑体, as a unit's own 黑体 would be.
    renameFont(sourceFile(BUNDLED_SANS[0] as BundledFont) as string, join(fonts, 'simhei.ttf'), { family: 'SimHei', chinese: '黑体' });
    const whole = await wholeFacesSession();
    const pdfs = await bothWays(samplePlan(), whole, { fontDirs: [fonts] });
    expectSame(pdfs, 'SimHei from --font-dir');
    expect(pdfFonts(pdfs.subset).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toContain('SimHei');
    whole.dispose();
  });

  it('are never used by a batch: all its plans, the first included, are laid out with the whole faces', async () => {
    const dir = tempDir();
    const roster = readFileSync(join(EXAMPLES, 'units.csv'), 'utf8').split('\n').slice(0, 4).join('\n');
    writeFileSync(join(dir, 'units.csv'), `${roster}\n`);
    const session = createSession();
    // In this process (the TypeScript sources have no worker script): the plans are laid out in the session itself.
    const outcome = await session.run(() =>
      runBatch({ list: join(dir, 'units.csv'), formats: ['pdf'], outDir: join(dir, 'out'), jobs: 1 }),
    );
    expect(outcome.units.map((unit) => unit.status)).toEqual(['done', 'done', 'done']);
    expect(session.run(pdfFacesUsed)).toEqual({ subset: 0, whole: 3, many: true, withoutSystemFonts: 0 });
    session.dispose();
  });
});
