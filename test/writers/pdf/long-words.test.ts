/**
 * Issue 12: long unbroken Latin text (a hash, a URL, a 5,000-character word) ran off the page and
 * out of table cells. It is broken at the line's end, as Word breaks it, and still extracts whole.
 */
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { breakLongWords } from '../../../src/writers/pdf/data.js';
import { haveTools, pdfText, run, writePdf } from './helpers.js';

const tools = haveTools();

const HASH = '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881';
const WORD = 'abcdefghij'.repeat(500);
const URL_TEXT = `https://example.org/union/plans/2027/${'x'.repeat(80)}`;

/** A4 in points, and the GB/T 9704 text block: 28 mm from the left, 26 mm from the right. */
const PAGE_WIDTH = 595.28;
const MM = 72 / 25.4;
const LEFT = 28 * MM;
const RIGHT = PAGE_WIDTH - 26 * MM;

const plan: PlanDocument = {
  meta: { title: '城南实验小学工会2027年工作计划', org: '城南实验小学工会', date: '2027-01-05' },
  blocks: [
    { type: 'paragraph', content: [{ text: `文件校验值：${HASH}，请核对。` }] },
    { type: 'paragraph', content: [{ text: `超长单词：${WORD}。` }] },
    {
      type: 'table',
      header: [[[{ text: '项目' }]], [[{ text: '校验值' }]], [[{ text: '网址' }]]],
      rows: [[[[{ text: '文件' }]], [[{ text: HASH }]], [[{ text: URL_TEXT }]]]],
    },
    { type: 'signature', org: '城南实验小学工会', date: '2027年1月5日' },
  ],
};

/** Every word pdftotext finds, with its box in points. */
function words(file: string): { xMin: number; xMax: number; text: string }[] {
  const xml = run('pdftotext', ['-bbox-layout', file, '-']);
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    xMax: Number(m[2]),
    text: m[3] ?? '',
  }));
}

describe('long unbroken text in the PDF', () => {
  it('gets break opportunities only in runs of 12 or more characters without a break', () => {
    expect(breakLongWords('使用 WPS 和 Excel 2027年')).toBe('使用 WPS 和 Excel 2027年');
    expect(breakLongWords('值：abcdefghijkl。')).toBe(
      '值：a\u200Bb\u200Bc\u200Bd\u200Be\u200Bf\u200Bg\u200Bh\u200Bi\u200Bj\u200Bk\u200Bl。',
    );
  });

  it.skipIf(!tools)('stays inside the text block, in paragraphs and table cells, and extracts whole', async () => {
    const file = await writePdf(plan);
    const found = words(file);
    expect(found.length).toBeGreaterThan(0);
    for (const word of found) {
      expect(word.xMin, word.text).toBeGreaterThanOrEqual(LEFT - 1);
      expect(word.xMax, word.text).toBeLessThanOrEqual(RIGHT + 1);
    }
    // Broken over lines and pages, the text reads back whole: no character lost, none added.
    const text = pdfText(file).replace(/—\d+—/g, '');
    expect(text).toContain(`文件校验值：${HASH}，请核对。`);
    expect(text).toContain(`超长单词：${WORD}。`);
    expect(text).not.toContain('\u200B');
    // In the table, each value's lines start at its cell's left edge and join into the value.
    for (const [value, start] of [
      [HASH, '2d7116'],
      [URL_TEXT, 'https'],
    ] as const) {
      const first = found.find((word) => word.text.startsWith(start));
      expect(first, start).toBeDefined();
      const column = found.filter((word) => Math.abs(word.xMin - first!.xMin) < 1 && found.indexOf(word) >= found.indexOf(first!));
      expect(column.map((word) => word.text).join('')).toContain(value);
      expect(column.length, `${start} broken over lines`).toBeGreaterThan(1);
    }
  });
});
