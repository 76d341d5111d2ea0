import { describe, it, expect } from 'vitest';
import { all, first, kids, maybe, paragraphText, resolver, samplePlan, saveIfAsked, writeAndOpen } from './helpers.js';
import type { Docx } from './helpers.js';

/** The page as GB/T 9704-2012 draws it, in twips. */
const A4 = { w: '11906', h: '16838' };
const MARGINS = { top: '2098', bottom: '1984', left: '1588', right: '1474' };
const MM = 1440 / 25.4;

let cached: Docx | undefined;
async function sample(): Promise<Docx> {
  if (!cached) {
    cached = await writeAndOpen(samplePlan());
    saveIfAsked(cached.bytes);
  }
  return cached;
}

describe('docx page setup', () => {
  it('is A4 portrait with the GB/T 9704 margins', async () => {
    const sectPr = first(await (await sample()).part('word/document.xml'), 'w:sectPr');
    const size = first(sectPr, 'w:pgSz').attrs;
    expect(size['w:w']).toBe(A4.w);
    expect(size['w:h']).toBe(A4.h);
    expect(size['w:orient'] ?? 'portrait').toBe('portrait');
    const margin = first(sectPr, 'w:pgMar').attrs;
    expect({
      top: margin['w:top'],
      bottom: margin['w:bottom'],
      left: margin['w:left'],
      right: margin['w:right'],
    }).toEqual(MARGINS);
    expect(margin['w:gutter']).toBe('0');
  });

  it('has a 22-line grid of 579 twips that fills the 225 mm text block, and 28 characters a line', async () => {
    const docx = await sample();
    const sectPr = first(await docx.part('word/document.xml'), 'w:sectPr');
    const grid = first(sectPr, 'w:docGrid').attrs;
    expect(grid['w:type']).toBe('lines');
    expect(grid['w:linePitch']).toBe('579');
    // Normal is condensed by 5/20 pt: 28 characters of 16 pt fit the 442.2 pt line, 27 would without.
    const spacing = Number(first(first(await docx.style('Normal'), 'w:rPr'), 'w:spacing').attrs['w:val']);
    expect(spacing).toBe(-5);
    expect(28 * (16 + spacing / 20)).toBeLessThanOrEqual(442.2);
    expect(28 * 16).toBeGreaterThan(442.2);
    const textHeight = Number(A4.h) - Number(MARGINS.top) - Number(MARGINS.bottom);
    expect(Math.floor(textHeight / 579)).toBe(22);
    expect(textHeight / MM).toBeCloseTo(225, 0);
    expect((Number(A4.w) - Number(MARGINS.left) - Number(MARGINS.right)) / MM).toBeCloseTo(156, 0);
  });

  it('turns on separate odd and even footers in settings.xml', async () => {
    const docx = await sample();
    const settings = await docx.part('word/settings.xml');
    expect(all(settings, 'w:evenAndOddHeaders')).toHaveLength(1);
    const references = all(first(await docx.part('word/document.xml'), 'w:sectPr'), 'w:footerReference');
    expect(references.map((ref) => ref.attrs['w:type']).sort()).toEqual(['default', 'even']);
    // No header and no different first page: page 1 gets its number like every other odd page.
    expect(all(await docx.part('word/document.xml'), 'w:titlePg')).toHaveLength(0);
  });

  it('puts the dashes of the page number 7 mm under the text block', async () => {
    const docx = await sample();
    const margin = first(await docx.part('word/document.xml'), 'w:pgMar').attrs;
    const footerDistance = Number(margin['w:footer']);
    const footerStyle = await docx.style('Footer');
    const spacing = first(footerStyle, 'w:spacing').attrs;
    expect(spacing['w:lineRule']).toBe('exact');
    const line = Number(spacing['w:line']);
    // Word grows the footer upwards from its distance; the dash sits in the middle of the line.
    const gapMm = (Number(MARGINS.bottom) - footerDistance - line / 2) / MM;
    expect(gapMm).toBeCloseTo(7, 1);
    expect(footerDistance).toBe(1417);
  });
});

describe('docx page numbers', () => {
  for (const [type, side, indent] of [
    ['default', 'right', 'w:right'],
    ['even', 'left', 'w:left'],
  ] as const) {
    it(`puts — PAGE — on the ${side} of ${type === 'default' ? 'odd' : 'even'} pages, one 四号 character in`, async () => {
      const docx = await sample();
      const footer = await docx.footer(type);
      const paragraphs = all(footer, 'w:p');
      expect(paragraphs).toHaveLength(1);
      const p = paragraphs[0]!;
      expect(first(p, 'w:pStyle').attrs['w:val']).toBe('Footer');
      expect(first(p, 'w:jc').attrs['w:val']).toBe(side);
      const ind = first(p, 'w:ind').attrs;
      expect(ind[indent]).toBe('280');
      const resolve = await resolver(docx);
      expect(resolve.para(p, 'w:ind', 'w:firstLineChars')).toBe('0');
      expect(resolve.para(p, 'w:ind', 'w:firstLine')).toBe('0');

      // Text and field in order: "— ", PAGE field, " —".
      const sequence = kids(p, 'w:r').flatMap((run) =>
        run.children
          .filter((child) => ['w:t', 'w:fldChar', 'w:instrText'].includes(child.name))
          .map((child) =>
            child.name === 'w:fldChar' ? `[${child.attrs['w:fldCharType']}]` : child.children.map((node) => node.text ?? '').join(''),
          ),
      );
      expect(sequence.join('')).toBe('— [begin]PAGE[separate][end] —');
      expect(paragraphText(p)).toBe('—  —');

      // The dashes are full-width: set in the page-number face with the East Asian hint.
      const dashRuns = kids(p, 'w:r').filter((run) => paragraphText({ ...p, children: [run] }).includes('—'));
      expect(dashRuns).toHaveLength(2);
      for (const run of dashRuns) {
        const fonts = first(run, 'w:rFonts').attrs;
        expect(fonts['w:hint']).toBe('eastAsia');
        expect(fonts['w:ascii']).toBe('宋体');
        expect(fonts['w:eastAsia']).toBe('宋体');
      }
      // 4号 宋体 digits, from the Footer style.
      const pageRun = kids(p, 'w:r').find((run) => maybe(run, 'w:fldChar'));
      expect(resolve.run(p, pageRun, 'w:sz', 'w:val')).toBe('28');
      expect(resolve.run(p, pageRun, 'w:rFonts', 'w:ascii')).toBe('宋体');
      expect(resolve.run(p, pageRun, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
    });
  }
});
