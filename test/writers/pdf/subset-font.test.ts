/**
 * The font subsetter on the bundled faces themselves: every glyph keeps its id, the glyphs a text
 * needs keep their outlines byte for byte (with their components and what GSUB turns them into),
 * the others are emptied, every other table is copied unchanged, and the checksums are right.
 * Read back with the tests' own reader (sfnt-reader.ts), not with the subsetter's code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONTS, BUNDLED_KAI, BUNDLED_SERIF, bundledFile, type BundledFont } from '../../../src/writers/pdf/bundled.js';
import { documentCodePoints } from '../../../src/writers/pdf/subset/document-chars.js';
import { subsetFont } from '../../../src/writers/pdf/subset/subset-font.js';
import { woffToSfnt } from '../../../src/writers/pdf/woff.js';
import { tempDir } from './helpers.js';
import { components, readFont, sum32, type Font } from './sfnt-reader.js';

const SAMPLE = '城南实验小学工会2027年工作计划：围绕“职工之家”建设——开展fi office活动。';

/** A bundled face as a TrueType file: the file itself, or the WOFF unpacked in memory. */
function face(font: BundledFont): { input: string | Buffer; bytes: Buffer } {
  const file = bundledFile(font) as string;
  if (!file.endsWith('.woff')) return { input: file, bytes: readFileSync(file) };
  const bytes = Buffer.from(woffToSfnt(readFileSync(file)));
  return { input: bytes, bytes };
}

function subsetOf(font: BundledFont, codePoints: ReadonlySet<number>): { original: Font; subset: Font } {
  const { input, bytes } = face(font);
  const subset = subsetFont(input, codePoints);
  expect(subset, font.file).toBeDefined();
  return { original: readFont(bytes), subset: readFont(subset as Buffer) };
}

/** The glyphs of a text in a face, with their components, transitively. */
function glyphsOf(font: Font, text: string): Set<number> {
  const glyphs = new Set<number>();
  const add = (g: number) => {
    if (glyphs.has(g)) return;
    glyphs.add(g);
    for (const c of components(font.glyph(g))) add(c);
  };
  for (const char of text) add(font.glyphOf(char));
  return glyphs;
}

describe('font subsets (the first PDF of a session)', () => {
  for (const font of BUNDLED_FONTS) {
    it(`cuts ${font.file} down to a text, every glyph keeping its id`, () => {
      const { original, subset } = subsetOf(font, documentCodePoints([SAMPLE]));
      expect(subset.glyphCount).toBe(original.glyphCount);
      // Every table but glyf, loca and head is the original's, byte for byte (DSIG, if any, dropped).
      const tags = [...original.tables.keys()].filter((tag) => tag !== 'DSIG').sort();
      expect([...subset.tables.keys()].sort()).toEqual(tags);
      for (const tag of tags) {
        if (['glyf', 'loca', 'head'].includes(tag)) continue;
        expect(subset.tables.get(tag)?.data.equals(original.tables.get(tag)?.data as Buffer), tag).toBe(true);
      }
      // head: long loca offsets, a new checkSumAdjustment, nothing else changed.
      const head = Buffer.from(subset.tables.get('head')?.data as Buffer);
      const before = Buffer.from(original.tables.get('head')?.data as Buffer);
      expect(head.readInt16BE(50)).toBe(1);
      head.writeUInt32BE(0, 8);
      before.writeUInt32BE(0, 8);
      before.writeInt16BE(1, 50);
      expect(head.equals(before)).toBe(true);
      // Checksums: each table's (head summed with its adjustment zeroed), and the file's.
      for (const table of subset.tables.values()) expect(table.checksum, table.tag).toBe(sum32(table.tag === 'head' ? head : table.data));
      expect(sum32(subset.bytes)).toBe(0xb1b0afba);

      // The text's glyphs and their components keep their outlines; every glyph is the original or empty.
      const needed = glyphsOf(original, SAMPLE);
      let kept = 0;
      for (let g = 0; g < original.glyphCount; g++) {
        const outline = subset.glyph(g);
        if (outline.length) kept++;
        if (needed.has(g)) expect(outline.equals(original.glyph(g)), `glyph ${g}`).toBe(true);
        else expect(outline.length === 0 || outline.equals(original.glyph(g)), `glyph ${g}`).toBe(true);
      }
      // A character of the face that the text does not have is emptied.
      expect(original.glyph(original.glyphOf('龘')).length).toBeGreaterThan(0);
      expect(subset.glyph(original.glyphOf('龘')).length).toBe(0);
      // About 1,700 of 30,000 glyphs (the document's, the Typst ranges', ~500 that no character maps to).
      expect(kept).toBeLessThan(original.glyphCount / 10);
      expect(subset.bytes.length).toBeLessThan(original.bytes.length / 8);
    });
  }

  it('keeps the components of a composite glyph (霞鹜文楷 draws − from its hyphen)', () => {
    const [kai] = BUNDLED_KAI as [BundledFont];
    const { original } = subsetOf(kai, new Set());
    const minus = original.glyphOf('−');
    const hyphen = original.glyphOf('-');
    expect(components(original.glyph(minus))).toEqual([hyphen]);
    const withMinus = subsetOf(kai, new Set(['−'.codePointAt(0) as number])).subset;
    expect(withMinus.glyph(minus).equals(original.glyph(minus))).toBe(true);
    expect(withMinus.glyph(hyphen).equals(original.glyph(hyphen))).toBe(true);
    // Without the minus sign the hyphen, which the code points do not include, is emptied.
    const withoutMinus = subsetOf(kai, new Set(['—'.codePointAt(0) as number])).subset;
    expect(withoutMinus.glyph(hyphen).length).toBe(0);
  });

  it('keeps what GSUB makes of the text: ⸺ for a Chinese dash ——, though no character of the text maps to it', () => {
    const [serif] = BUNDLED_SERIF as [BundledFont];
    const twoEm = '\u2e3a';
    const { original, subset } = subsetOf(serif, new Set(['—'.codePointAt(0) as number]));
    const ligature = original.glyphOf(twoEm);
    expect(original.glyph(ligature).length).toBeGreaterThan(0);
    expect(subset.glyph(ligature).equals(original.glyph(ligature))).toBe(true);
    expect(subsetOf(serif, new Set(['工'.codePointAt(0) as number])).subset.glyph(ligature).length).toBe(0);
  });

  it('says which of the characters asked for the face draws', () => {
    const [serif] = BUNDLED_SERIF as [BundledFont];
    const { input, bytes } = face(serif);
    const original = readFont(bytes);
    const asked = new Set([...'工会龘A𠀀'].map((char) => char.codePointAt(0) as number));
    const covered = new Set<number>();
    expect(subsetFont(input, asked, undefined, covered)).toBeDefined();
    // 𠀀 (CJK extension B) is not in Noto Serif SC: the system's fonts must draw it.
    expect(original.glyphOf('𠀀')).toBe(0);
    expect([...covered].map((code) => String.fromCodePoint(code)).sort()).toEqual([...'工会龘A'].sort());
  });

  it('takes the characters from the document, composed and decomposed, and those Typst may add', () => {
    const codePoints = documentCodePoints(['工会', '{"plan":"Café"}']);
    for (const char of '工会{}:"Caf' + 'é' + 'e\u0301' + '0123456789' + '“”—…　，。（）')
      expect(codePoints.has(char.codePointAt(0) as number), char).toBe(true);
    expect(codePoints.has('龘'.codePointAt(0) as number)).toBe(false);
  });

  it('gives back nothing for a font it does not subset, so the file is given whole', () => {
    const dir = tempDir();
    const [serif] = BUNDLED_SERIF as [BundledFont];
    const bytes = readFileSync(bundledFile(serif) as string);
    const codePoints = documentCodePoints([SAMPLE]);
    // OpenType with CFF outlines, a collection, a WOFF, a file cut short, no font at all, no file.
    const otto = Buffer.from(bytes.subarray(0, 4096));
    otto.write('OTTO', 0, 'latin1');
    const collection = Buffer.concat([Buffer.from('ttcf', 'latin1'), Buffer.alloc(12)]);
    const cases: [string, Buffer][] = [
      ['cff.otf', otto],
      ['collection.ttc', collection],
      ['kai.woff', readFileSync(bundledFile(BUNDLED_KAI[0] as BundledFont) as string)],
      ['cut.ttf', bytes.subarray(0, 100_000)],
      ['text.ttf', Buffer.from('not a font at all')],
    ];
    for (const [name, data] of cases) {
      writeFileSync(join(dir, name), data);
      expect(subsetFont(join(dir, name), codePoints), name).toBeUndefined();
      expect(subsetFont(data, codePoints), name).toBeUndefined();
    }
    expect(subsetFont(join(dir, 'missing.ttf'), codePoints)).toBeUndefined();
    // A loca whose last offset points past glyf.
    const broken = Buffer.from(bytes);
    const font = readFont(broken);
    const loca = font.tables.get('loca') as { data: Buffer };
    loca.data.writeUInt32BE(0xfffffff0, loca.data.length - 4);
    expect(subsetFont(broken, codePoints)).toBeUndefined();
  });
});
