/**
 * Font subsets kept between runs: a plan whose characters a kept subset has takes it as it is, a
 * plan with new characters gets a subset cut for both (up to a limit), and a kept subset that is
 * damaged, or was cut from another version of the face, is cut anew.
 */
import { copyFileSync, readFileSync, readdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SANS, bundledFile, type BundledFont } from '../../../src/writers/pdf/bundled.js';
import { documentCodePoints } from '../../../src/writers/pdf/subset/document-chars.js';
import { MAX_CHARACTERS, cachedSubset, removeOrphanSubsets } from '../../../src/writers/pdf/subset/subset-cache.js';
import { subsetFont } from '../../../src/writers/pdf/subset/subset-font.js';
import { tempDir } from './helpers.js';
import { readFont } from './sfnt-reader.js';

const SANS = bundledFile(BUNDLED_SANS[0] as BundledFont) as string;

/** The subset and the record kept in `dir`, read back. */
function kept(dir: string): { font: Buffer; record: { characters: number[]; length: number } } {
  const folder = join(dir, 'subsets-1');
  const files = readdirSync(folder).sort();
  expect(files).toHaveLength(2);
  const [record, font] = files as [string, string];
  return { font: readFileSync(join(folder, font)), record: JSON.parse(readFileSync(join(folder, record), 'utf8')) };
}

/** One call, with what it says the face draws. */
function subset(file: string, text: string, dir: string | undefined): { font: Buffer | undefined; covered: Set<number> } {
  const covered = new Set<number>();
  const font = cachedSubset(file, documentCodePoints([text]), { bytes: Buffer.alloc(0) }, covered, dir);
  return { font, covered };
}

describe('kept font subsets', () => {
  it('are cut once and taken as they are by a plan whose characters they have', () => {
    const dir = tempDir();
    const first = subset(SANS, '工会工作计划', dir);
    expect(first.font).toBeDefined();
    // The same subset as one cut directly, and the same characters drawn.
    const direct = new Set<number>();
    expect(first.font?.equals(subsetFont(SANS, documentCodePoints(['工会工作计划']), undefined, direct) as Buffer)).toBe(true);
    expect(first.covered).toEqual(direct);
    const { font, record } = kept(dir);
    expect(font.equals(first.font as Buffer)).toBe(true);
    expect(record.length).toBe(font.length);

    // Fewer characters: the kept subset, not written again (a new one would be a new file renamed
    // into place), and only the characters asked for said drawn.
    const fontFile = join(dir, 'subsets-1', readdirSync(join(dir, 'subsets-1')).find((f) => f.endsWith('.ttf')) as string);
    const inode = statSync(fontFile).ino;
    const again = subset(SANS, '工会', dir);
    expect(again.font?.equals(font)).toBe(true);
    expect(again.covered.has('工'.codePointAt(0) as number)).toBe(true);
    expect(again.covered.has('划'.codePointAt(0) as number)).toBe(false);
    expect(statSync(fontFile).ino).toBe(inode);
  });

  it('grow by the characters of a new plan, until there are too many', () => {
    const dir = tempDir();
    subset(SANS, '工会', dir);
    const grown = subset(SANS, '职工之家', dir);
    const has = (font: Buffer, char: string) => {
      const face = readFont(font);
      return face.glyph(face.glyphOf(char)).length > 0;
    };
    for (const char of '工会职家') expect(has(grown.font as Buffer, char), char).toBe(true);
    expect(kept(dir).font.equals(grown.font as Buffer)).toBe(true);

    // A plan that would take the kept characters past the limit gets a subset of its own characters.
    const many = String.fromCodePoint(...Array.from({ length: MAX_CHARACTERS }, (_, i) => 0x4e00 + 0x100 + i));
    const big = subset(SANS, many, dir);
    expect(has(big.font as Buffer, '工')).toBe(false);
    expect(has(big.font as Buffer, '职')).toBe(false);
    expect(has(big.font as Buffer, String.fromCodePoint(0x4e00 + 0x100))).toBe(true);
  });

  it('are cut anew when damaged, or cut from another version of the face', () => {
    const dir = tempDir();
    const faces = tempDir();
    const face = join(faces, 'face.ttf');
    copyFileSync(SANS, face);
    const original = subset(face, '工会工作', dir).font as Buffer;
    const folder = join(dir, 'subsets-1');
    const fontFile = join(folder, readdirSync(folder).find((file) => file.endsWith('.ttf')) as string);

    // A byte changed: the checksum fails, and the subset is cut again (for the same characters,
    // the kept ones and the plan's) and kept in its place.
    const damaged = Buffer.from(original);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] as number) ^ 0xff;
    writeFileSync(fontFile, damaged);
    expect(subset(face, '工会', dir).font?.equals(original)).toBe(true);
    expect(readFileSync(fontFile).equals(original)).toBe(true);
    // Cut short: the same.
    writeFileSync(fontFile, original.subarray(0, 1000));
    const whole = subset(face, '工会工作', dir).font as Buffer;
    expect(whole.equals(original)).toBe(true);

    // The face file changed (a newer version): its old subset is not used.
    utimesSync(face, new Date(), new Date(Date.now() + 60_000));
    writeFileSync(fontFile, Buffer.from('not a font'));
    expect(subset(face, '工会工作', dir).font?.equals(original)).toBe(true);
  });

  it('are forgotten with their face, and never needed: no cache folder, or one that cannot be written', () => {
    const dir = tempDir();
    const faces = tempDir();
    const face = join(faces, 'gone.ttf');
    copyFileSync(SANS, face);
    subset(face, '工会', dir);
    subset(SANS, '工会', dir);
    expect(readdirSync(join(dir, 'subsets-1'))).toHaveLength(4);
    expect(removeOrphanSubsets(dir)).toBe(0);
    unlinkSync(face);
    expect(removeOrphanSubsets(dir)).toBe(2);
    expect(readdirSync(join(dir, 'subsets-1')).every((file) => file.startsWith('NotoSansSC-Medium-'))).toBe(true);

    const direct = subsetFont(SANS, documentCodePoints(['工会']));
    expect(subset(SANS, '工会', undefined).font?.equals(direct as Buffer)).toBe(true);
    // A cache folder that is a file: nothing can be kept, the subset is made all the same.
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    expect(subset(SANS, '工会', file).font?.equals(direct as Buffer)).toBe(true);
  });
});
