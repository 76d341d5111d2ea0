/**
 * The 公文 elements in the PDF, measured with pdftotext -bbox-layout: the sealed 落款, the
 * 附件说明, titles that keep the unit's name whole, and the notice with its red 版头 and 版记.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { parseMarkdown } from '../../../src/document/parse.js';
import { toMarkdown } from '../../../src/writers/markdown.js';
import { haveTools, pdfInfo, samplePlan, tempDir, writePdf } from './helpers.js';
import { pdfLines, type PdfLine } from './layout-lines.js';

/** One character of body text, in mm: 156 mm / 28. */
const CELL = 156 / 28;
const RIGHT_EDGE = 184;

function planWith(meta: Partial<PlanDocument['meta']>): PlanDocument {
  const doc = samplePlan();
  doc.blocks = doc.blocks.filter((block) => block.type !== 'signature');
  doc.meta = { ...doc.meta, ...meta };
  return parseMarkdown('plan.md', toMarkdown(doc));
}

function line(lines: PdfLine[], text: string): PdfLine {
  const found = lines.filter((l) => l.text === text);
  expect(found, `one line reads ${text}`).toHaveLength(1);
  return found[0]!;
}

describe.skipIf(!haveTools())('PDF: 公文 elements', () => {
  it('sets the sealed 落款: date four characters in, the unit centred on it, two blank lines above', async () => {
    const lines = pdfLines(await writePdf(planWith({ seal: true })));
    const unit = line(lines, '城南实验小学工会');
    const date = line(lines, '2027年1月5日');
    expect(RIGHT_EDGE - date.xMax).toBeGreaterThan(4 * CELL - 0.5);
    expect(RIGHT_EDGE - date.xMax).toBeLessThan(4 * CELL + 0.5);
    expect(Math.abs((unit.xMin + unit.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(1);
    // The last text line, then two blank lines (10.2 mm each), then the unit.
    const before = lines.filter((l) => l.page === unit.page && l.yMin < unit.yMin).at(-1)!;
    expect(unit.yMin - before.yMin).toBeGreaterThan(2.5 * 10.2);
  });

  it('sets the unsealed 落款 two characters in, the date starting two characters right of the unit', async () => {
    const lines = pdfLines(await writePdf(samplePlan()));
    const unit = line(lines, '城南实验小学工会');
    const date = line(lines, '2027年1月5日');
    expect(Math.abs(RIGHT_EDGE - unit.xMax - 2 * CELL)).toBeLessThan(0.5);
    // The digits' face may be wider than half a character (Noto Serif SC's, where Times New Roman
    // is missing), which moves the date's start left by up to a millimetre or so.
    expect(Math.abs(date.xMin - unit.xMin - 2 * CELL)).toBeLessThan(1.5);
  });

  it('writes the attachments two characters in, numbered, the names aligned, before the 落款', async () => {
    const lines = pdfLines(await writePdf(planWith({ attachments: ['城南实验小学工会2027年重点工作分解表', '教职工代表大会提案汇总表'] })));
    const first = lines.find((l) => l.text.startsWith('附件：'))!;
    expect(first.text).toBe('附件：1.城南实验小学工会2027年重点工作分解表');
    expect(Math.abs(first.xMin - (28 + 2 * CELL))).toBeLessThan(0.5);
    const second = line(lines, '2.教职工代表大会提案汇总表');
    expect(Math.abs(second.xMin - (28 + 5 * CELL))).toBeLessThan(0.5);
    const unit = line(lines, '城南实验小学工会');
    expect(unit.yMin).toBeGreaterThan(second.yMin);
  });

  it.each([['东湖街道幸福里社区工会联合会'], ['华东精密机械股份有限公司工会委员会'], ['城南区总工会经费审查委员会']])(
    'keeps %s whole in the title',
    async (org) => {
      const doc = samplePlan();
      doc.meta.org = org;
      doc.meta.title = `${org}2027年上半年工作计划`;
      const lines = pdfLines(await writePdf(doc));
      expect(lines[0]!.text).toBe(org);
      expect(lines[1]!.text).toBe('2027年上半年工作计划');
    },
  );

  it('wraps the plan in a notice: red 版头, 发文字号, title, 主送, 落款, then the plan, and the 版记 at the foot of the last page', async () => {
    const file = await writePdf(
      planWith({
        kind: 'points',
        title: '城南实验小学工会2027年工作要点',
        notice: { number: '城南教工〔2027〕3号', to: '各年级组工会小组', cc: '城南区教育工会' },
      }),
    );
    const lines = pdfLines(file);
    const page1 = lines.filter((l) => l.page === 1).map((l) => l.text);
    expect(page1.slice(0, 5)).toEqual([
      '城南实验小学工会文件',
      '城南教工〔2027〕3号',
      '关于印发《城南实验小学工会',
      '2027年工作要点》的通知',
      '各年级组工会小组：',
    ]);
    expect(page1).toContain('城南实验小学工会');
    const page2 = lines.filter((l) => l.page === 2);
    expect(page2[0]!.text).toBe('城南实验小学工会2027年工作要点');
    const pages = Number(pdfInfo(file).Pages);
    const last = lines.filter((l) => l.page === pages);
    const cc = line(last, '抄送：城南区教育工会。');
    const issuer = line(last, '城南实验小学工会办公室');
    const issued = line(last, '2027年1月5日印发');
    // 印发机关 one character in from the left, 印发日期 one in from the right, on one line.
    expect(Math.abs(issuer.yMin - issued.yMin)).toBeLessThan(0.5);
    expect(Math.abs(issuer.xMin - 28 - (14 / 72) * 25.4)).toBeLessThan(0.5);
    expect(Math.abs(RIGHT_EDGE - issued.xMax - (14 / 72) * 25.4)).toBeLessThan(0.5);
    expect(issued.yMin).toBeGreaterThan(cc.yMin);
    // At the foot of the text block (262 mm from the top), above the page number.
    expect(issued.yMin).toBeGreaterThan(240);
    expect(issued.yMin).toBeLessThan(262);
    // The 版头 in red: the content stream sets the fill colour E60012 (0.902 0 0.071).
    const dir = tempDir();
    const plain = join(dir, 'plain.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, plain]);
    expect(readFileSync(plain, 'latin1')).toMatch(/0\.90\d* 0 0\.07\d* (rg|scn)/);
  });
});
