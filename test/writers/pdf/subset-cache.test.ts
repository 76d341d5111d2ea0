/**
 * Font subsets kept between runs: a plan whose characters a kept subset has is given its path, a
 * plan with new characters gets a subset cut for both (up to a limit), a kept subset that is
 * damaged or was cut from another version of the face is cut anew, and a subset file, once
 * written, never changes (Typst may be reading it).
 */
import { copyFileSync, readFileSync, readdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SANS, bundledFile, type BundledFont } from '../../../src/writers/pdf/bundled.js';
import { documentCodePoints } from '../../../src/writers/pdf/subset/document-chars.js';
import { MAX_CHARACTERS, cachedSubset, tidySubsets, type Subset } from '../../../src/writers/pdf/subset/subset-cache.js';
import { subsetFont } from '../../../src/writers/pdf/subset/subset-font.js';
import { tempFileFor } from '../../../src/io/temp-name.js';
import { tempDir } from './helpers.js';
import { readFont } from './sfnt-reader.js';

const SANS = bundledFile(BUNDLED_SANS[0] as BundledFont) as string;
const FOLDER = 'subsets-2';

/** One call: the subset (its path, or its bytes when it was not kept) and what the face draws of the text. */
function subset(file: string, text: string, dir: string | undefined): { subset: Subset | undefined; covered: Set<number> } {
  const covered = new Set<number>();
  return { subset: cachedSubset(file, documentCodePoints([text]), { bytes: Buffer.alloc(0) }, covered, dir), covered };
}

/** The path of a kept subset (failing when it was not kept). */
function pathOf(result: { subset: Subset | undefined }): string {
  expect(result.subset && 'path' in result.subset).toBe(true);
  return (result.subset as { path: string }).path;
}

const draws = (font: Buffer, char: string) => {
  const face = readFont(font);
  return face.glyph(face.glyphOf(char)).length > 0;
};

describe('kept font subsets', () => {
  it('are cut once, and given by path to a plan whose characters they have', () => {
    const dir = tempDir();
    const first = subset(SANS, '工会工作计划', dir);
    const path = pathOf(first);
    // The same subset as one cut directly, and the same characters drawn.
    const direct = new Set<number>();
    expect(readFileSync(path).equals(subsetFont(SANS, documentCodePoints(['工会工作计划']), undefined, direct) as Buffer)).toBe(true);
    expect(first.covered).toEqual(direct);
    expect(readdirSync(join(dir, FOLDER))).toHaveLength(2);

    // Fewer characters: the same file, not written again, and only the characters asked for said drawn.
    const inode = statSync(path).ino;
    const again = subset(SANS, '工会', dir);
    expect(pathOf(again)).toBe(path);
    expect(statSync(path).ino).toBe(inode);
    expect(again.covered.has('工'.codePointAt(0) as number)).toBe(true);
    expect(again.covered.has('划'.codePointAt(0) as number)).toBe(false);
  });

  it('grow by the characters of a new plan, into a new file, until there are too many', () => {
    const dir = tempDir();
    const small = pathOf(subset(SANS, '工会', dir));
    const smallBytes = readFileSync(small);
    const grown = pathOf(subset(SANS, '职工之家', dir));
    expect(grown).not.toBe(small);
    for (const char of '工会职家') expect(draws(readFileSync(grown), char), char).toBe(true);
    // The old file is left as it was, for a run that may be reading it.
    expect(readFileSync(small).equals(smallBytes)).toBe(true);

    // A plan that would take the kept characters past the limit gets a subset of its own characters.
    const many = String.fromCodePoint(...Array.from({ length: MAX_CHARACTERS }, (_, i) => 0x4e00 + 0x100 + i));
    const big = readFileSync(pathOf(subset(SANS, many, dir)));
    expect(draws(big, '工')).toBe(false);
    expect(draws(big, '职')).toBe(false);
    expect(draws(big, String.fromCodePoint(0x4e00 + 0x100))).toBe(true);
  });

  it('are cut anew when damaged, or cut from another version of the face', () => {
    const dir = tempDir();
    const faces = tempDir();
    const face = join(faces, 'face.ttf');
    copyFileSync(SANS, face);
    const path = pathOf(subset(face, '工会工作', dir));
    const original = readFileSync(path);

    // Cut short: cut again (for the same characters, the kept ones and the plan's), and whole again.
    writeFileSync(path, original.subarray(0, 1000));
    expect(pathOf(subset(face, '工会', dir))).toBe(path);
    expect(readFileSync(path).equals(original)).toBe(true);
    // A record that is not JSON: the same.
    const record = join(dir, FOLDER, readdirSync(join(dir, FOLDER)).find((file) => file.endsWith('.json')) as string);
    writeFileSync(record, '{');
    expect(readFileSync(pathOf(subset(face, '工会工作', dir))).equals(original)).toBe(true);

    // The face file changed (a newer version): its old subset is not used.
    utimesSync(face, new Date(), new Date(Date.now() + 60_000));
    const before = JSON.parse(readFileSync(record, 'utf8')) as { mtimeMs: number };
    subset(face, '工会工作', dir);
    expect((JSON.parse(readFileSync(record, 'utf8')) as { mtimeMs: number }).mtimeMs).not.toBe(before.mtimeMs);
    // A record naming a file outside the folder is not believed.
    const kept = JSON.parse(readFileSync(record, 'utf8')) as { file: string };
    writeFileSync(record, JSON.stringify({ ...kept, file: '../../../etc/passwd' }));
    expect(pathOf(subset(face, '工会工作', dir)).startsWith(join(dir, FOLDER))).toBe(true);
    // Runs out of order (binary search would misread them) are not believed either.
    const good = JSON.parse(readFileSync(record, 'utf8')) as { covered: number[] };
    writeFileSync(record, JSON.stringify({ ...good, covered: [0x5de5, 1, 0x4f1a, 1] }));
    subset(face, '工会工作', dir);
    expect((JSON.parse(readFileSync(record, 'utf8')) as { covered: number[] }).covered).toEqual(good.covered);
  });

  it('are kept for a face whose file name is Chinese or has spaces, as a Windows font may', () => {
    const dir = tempDir();
    const face = join(tempDir(), '方正 仿宋_GBK.ttf');
    copyFileSync(SANS, face);
    const path = pathOf(subset(face, '工会', dir));
    expect(path.split('/').pop()).toMatch(/^_+GBK-[0-9a-f]{8}-[0-9a-f]{8}\.ttf$/);
    // Found again the next time, not cut again: a cut would write its record anew.
    const record = join(dir, FOLDER, readdirSync(join(dir, FOLDER)).find((file) => file.endsWith('.json')) as string);
    const inode = statSync(record).ino;
    expect(pathOf(subset(face, '工会', dir))).toBe(path);
    expect(statSync(record).ino).toBe(inode);
  });

  it('are tidied: those of faces gone, and those no record names once ten minutes old', () => {
    const dir = tempDir();
    const faces = tempDir();
    const face = join(faces, 'gone.ttf');
    copyFileSync(SANS, face);
    subset(face, '工会', dir);
    const first = pathOf(subset(SANS, '工会', dir));
    const second = pathOf(subset(SANS, '工会职工', dir));
    expect(readdirSync(join(dir, FOLDER))).toHaveLength(5);
    expect(tidySubsets(dir)).toBe(0);
    unlinkSync(face);
    // The record of the face that is gone; its subset is unnamed now, and goes when ten minutes old.
    expect(tidySubsets(dir)).toBe(1);
    expect(tidySubsets(dir, Date.now() + 11 * 60 * 1000)).toBe(2);
    expect(readdirSync(join(dir, FOLDER)).sort()).toEqual(
      [readdirSync(join(dir, FOLDER)).find((file) => file.endsWith('.json')) as string, second.split('/').pop() as string].sort(),
    );
    expect(first).not.toBe(second);
  });

  it('tidying removes what a killed write left, and nothing being written', () => {
    const dir = tempDir();
    pathOf(subset(SANS, '工会', dir));
    const folder = join(dir, FOLDER);
    const before = readdirSync(folder).sort();
    // A write by a process that is gone (pid 2^22 + 1 is above Linux's largest), and one by this one.
    writeFileSync(tempFileFor(join(folder, 'x.ttf'), 4_194_305), 'half');
    const live = tempFileFor(join(folder, 'y.ttf'));
    writeFileSync(live, 'being written');
    expect(tidySubsets(dir)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual([...before, live.split('/').pop() as string].sort());
  });

  it('are never needed: no cache folder, or one that cannot be written', () => {
    const direct = subsetFont(SANS, documentCodePoints(['工会'])) as Buffer;
    const none = subset(SANS, '工会', undefined).subset;
    expect(none && 'bytes' in none && none.bytes.equals(direct)).toBe(true);
    // A cache folder that is a file: nothing can be kept, the subset is made all the same.
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const unkept = subset(SANS, '工会', file).subset;
    expect(unkept && 'bytes' in unkept && unkept.bytes.equals(direct)).toBe(true);
  });
});
