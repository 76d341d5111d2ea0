/**
 * The packing of the bundled faces into the package's fonts/ folder (`npm pack`): real fonts from
 * the development dependencies, copied unchanged, checked for family and weight.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_KAI, BUNDLED_SANS, sourceFile, type BundledFont } from '../../../src/writers/pdf/bundled.js';
import { licenceName, packBundledFonts } from '../../../src/writers/pdf/pack-bundled.js';
import { readFaces } from '../../../src/writers/pdf/sfnt.js';
import { tempDir } from './helpers.js';

describe('packing the bundled faces (npm pack)', () => {
  it('copies each face unchanged with its licence, and later packs keep what is up to date', () => {
    const folder = tempDir();
    // Left from an older packing: faces no longer shipped go, other files stay.
    writeFileSync(join(folder, 'NotoSansSC-Medium.woff'), 'a face packed the old way');
    writeFileSync(join(folder, 'notes.md'), 'not ours to remove');
    const fonts = [...BUNDLED_SANS, ...BUNDLED_KAI];
    const first = packBundledFonts(folder, fonts);
    expect(first).toMatchObject([
      { file: 'NotoSansSC-Medium.ttf', written: true },
      { file: 'LXGWWenKai-Regular.woff', written: true },
    ]);
    expect(readdirSync(folder).sort()).toEqual([
      'LXGWWenKai-Regular.woff',
      'NotoSansSC-Medium.ttf',
      'OFL-expo-google-fonts-noto-sans-sc.txt',
      'OFL-fontsource-lxgw-wenkai.txt',
      'fonts.json',
      'notes.md',
    ]);
    for (const [i, font] of fonts.entries()) {
      const source = readFileSync(sourceFile(font)!);
      expect(readFileSync(join(folder, font.file)).equals(source), font.file).toBe(true);
      expect(first[i]!.bytes).toBe(source.length);
      expect(readFaces(join(folder, font.file))).toMatchObject([{ family: font.family, weight: font.weight }]);
    }
    expect(readFileSync(join(folder, 'NotoSansSC-Medium.ttf')).readUInt32BE(0)).toBe(0x00010000);
    expect(readFileSync(join(folder, 'LXGWWenKai-Regular.woff')).toString('latin1', 0, 4)).toBe('wOFF');
    const licence = readFileSync(join(folder, licenceName(BUNDLED_SANS[0]!)), 'utf8');
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');

    expect(packBundledFonts(folder, fonts)).toMatchObject([{ written: false }, { written: false }]);
    // A shipped file that was cut short is copied again.
    writeFileSync(join(folder, 'NotoSansSC-Medium.ttf'), 'cut short');
    expect(packBundledFonts(folder, fonts)).toMatchObject([{ written: true }, { written: false }]);
    expect(readFileSync(join(folder, 'NotoSansSC-Medium.ttf')).equals(readFileSync(sourceFile(BUNDLED_SANS[0]!)!))).toBe(true);
  });

  it('refuses a face that is not the family or weight the layout asks for', () => {
    const wrong: BundledFont = { ...BUNDLED_SANS[0]!, weight: 700 };
    const folder = tempDir();
    expect(() => packBundledFonts(folder, [wrong])).toThrow('expected Noto Sans SC 700, found Noto Sans SC 500');
    expect(existsSync(join(folder, wrong.file))).toBe(false);
  });

  it('refuses a shipped name whose extension is not that of the face it is copied from', () => {
    const renamed: BundledFont = { ...BUNDLED_SANS[0]!, file: 'NotoSansSC-Medium.woff' };
    const folder = tempDir();
    expect(() => packBundledFonts(folder, [renamed])).toThrow(
      'NotoSansSC-Medium.woff: shipped unchanged, so it must have the extension of 500Medium/NotoSansSC_500Medium.ttf',
    );
    expect(existsSync(join(folder, renamed.file))).toBe(false);
  });

  it('says which package to install when a source is missing', () => {
    const missing: BundledFont = { ...BUNDLED_SANS[0]!, package: '@unionplan/no-such-font' };
    expect(() => packBundledFonts(tempDir(), [missing])).toThrow('@unionplan/no-such-font is not installed (run npm install)');
  });
});
