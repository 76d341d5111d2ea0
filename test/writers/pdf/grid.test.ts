/**
 * The PDF's lines keep to the GB/T 9704 grid: 28 full-width characters at most, punctuation
 * included, and nothing past the right edge of the 156 mm text block (184 mm from the page's left).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDocument } from '../../../src/document/model.js';
import { loadDocument } from '../../../src/pipeline.js';
import { BUILT_IN_ORDER, TemplateRegistry } from '../../../src/templates/registry.js';
import { writer } from '../../../src/writers/pdf/index.js';
import { haveTools, tempDir } from './helpers.js';
import { cells, pdfLines, type PdfLine } from './layout-lines.js';

const root = new URL('../../../', import.meta.url);
/** The right edge of the text block, 210 − 26 mm. */
const RIGHT_EDGE = 184;
/**
 * What poppler's box may pass it by: a character's box is its advance, 16 pt, while its cell is
 * 15.8 pt (the grid's tracking is negative), so the last character's box ends 0.07 mm past the cell
 * and a last punctuation mark's 0.15 mm; neither's ink does.
 */
const BOX_SLACK = 0.2;

describe.skipIf(!haveTools())('PDF lines on the 28-character grid', () => {
  const lines = new Map<string, PdfLine[]>();
  const docs = new Map<string, PlanDocument>();

  beforeAll(async () => {
    const registry = new TemplateRegistry();
    const dir = tempDir();
    for (const type of BUILT_IN_ORDER) {
      const doc = await loadDocument(new URL(`examples/${type}.yaml`, root).pathname, registry);
      docs.set(type, doc);
      const file = join(dir, `${type}.pdf`);
      writeFileSync(file, await writer.write(doc));
      lines.set(type, pdfLines(file));
    }
  }, 120_000);

  it.each(BUILT_IN_ORDER)('%s: no line wider than the text block or longer than 28 characters', (type) => {
    const all = lines.get(type)!;
    expect(all.length).toBeGreaterThan(50);
    const wide = all.filter((line) => line.xMax > RIGHT_EDGE + BOX_SLACK).map((line) => `${line.xMax.toFixed(1)} mm: ${line.text}`);
    expect(wide).toEqual([]);
    const long = all.filter((line) => cells(line.text) > 28).map((line) => `${cells(line.text)}: ${line.text}`);
    expect(long).toEqual([]);
  });

  it.each(BUILT_IN_ORDER)('%s: full lines of body text hold exactly 28 characters, punctuation included', (type) => {
    // A body line that runs on to the next starts at the left edge (28 mm) and reaches the right one.
    const full = lines.get(type)!.filter((line) => Math.abs(line.xMin - 28) < 0.3 && line.xMax > RIGHT_EDGE - 1);
    expect(full.length).toBeGreaterThan(10);
    // A line gives a character to the next when that one would start with a closing mark (划。),
    // and where Latin letters or digits come in, half a cell can stay over; such lines are
    // justified (Times New Roman's % is wider than half a cell). Most lines are exactly full.
    for (const line of full) expect(cells(line.text), line.text).toBeGreaterThanOrEqual(/[\u0020-\u007E]/.test(line.text) ? 26 : 27);
    const exact = full.filter((line) => cells(line.text) === 28).length;
    expect(exact / full.length).toBeGreaterThan(0.7);
  });

  it('sets Chinese and digits close: no space in 2027年 or 25人', () => {
    const text = lines
      .get('district')!
      .map((line) => line.text)
      .join('\n');
    // A body sentence, read across its line breaks.
    expect(text.replace(/\n/g, '')).toContain('推动有会员25人以上的单位建立基层工会委员会');
    expect(text).toMatch(/2027年工作要点/);
  });
});
