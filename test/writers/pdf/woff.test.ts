/**
 * The WOFF 1.0 packer and reader, and the packing of the bundled faces into the package's fonts/
 * folder: real fonts from the development dependencies, read back by this reader, by the font
 * reader that tells families apart, and by FreeType (fc-scan), which knows nothing of our code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SANS, sourceFile, type BundledFont } from '../../../src/writers/pdf/bundled.js';
import { licenceName, packBundledFonts } from '../../../src/writers/pdf/pack-bundled.js';
import { readFaces } from '../../../src/writers/pdf/sfnt.js';
import { sfntToWoff, woffToSfnt } from '../../../src/writers/pdf/woff.js';
import { tempDir } from './helpers.js';

/** The tables of an sfnt font by tag: checksum and bytes. */
function sfntTables(font: Uint8Array): Map<string, { checksum: number; body: Buffer }> {
  const data = Buffer.from(font);
  const tables = new Map<string, { checksum: number; body: Buffer }>();
  for (let i = 0; i < data.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    const offset = data.readUInt32BE(at + 8);
    tables.set(data.toString('latin1', at, at + 4), {
      checksum: data.readUInt32BE(at + 4),
      body: data.subarray(offset, offset + data.readUInt32BE(at + 12)),
    });
  }
  return tables;
}

/** The WOFF header and table directory. */
function woffDirectory(woff: Uint8Array) {
  const data = Buffer.from(woff);
  const entries = Array.from({ length: data.readUInt16BE(12) }, (_, i) => {
    const at = 44 + i * 20;
    return { tag: data.toString('latin1', at, at + 4), offset: data.readUInt32BE(at + 4), stored: data.readUInt32BE(at + 8), length: data.readUInt32BE(at + 12) };
  });
  return { signature: data.toString('latin1', 0, 4), flavor: data.readUInt32BE(4), length: data.readUInt32BE(8), sfntSize: data.readUInt32BE(16), entries };
}

/** A small sfnt font of the given tables (tag → bytes), laid out as fonts are. */
function makeSfnt(tables: Record<string, Buffer>): Buffer {
  const tags = Object.keys(tables);
  const header = Buffer.alloc(12 + 16 * tags.length);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(tags.length, 4);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(tags.length * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const body = tables[tag] as Buffer;
    const at = 12 + i * 16;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(0x01020304 + i, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(body.length, at + 12);
    const padded = (body.length + 3) & ~3;
    parts.push(body, Buffer.alloc(padded - body.length));
    offset += padded;
  });
  return Buffer.concat(parts);
}

describe('WOFF 1.0', () => {
  const otf = readFileSync(sourceFile(BUNDLED_SANS[0]!)!);

  it('packs a real font so that unpacking gives every table back unchanged', () => {
    const woff = sfntToWoff(otf);
    const directory = woffDirectory(woff);
    expect(directory.signature).toBe('wOFF');
    expect(directory.flavor).toBe(otf.readUInt32BE(0)); // OTTO: CFF outlines
    expect(directory.length).toBe(woff.length);
    // Tables are listed in ascending tag order, each starting on a 4-byte boundary.
    const tags = directory.entries.map((entry) => entry.tag);
    expect(tags).toEqual([...tags].sort());
    for (const entry of directory.entries) expect(entry.offset % 4).toBe(0);
    expect(woff.length).toBeLessThan(otf.length * 0.9);

    const back = woffToSfnt(woff);
    expect(directory.sfntSize).toBe(back.length);
    const before = sfntTables(otf);
    const after = sfntTables(back);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [tag, table] of before) {
      expect(after.get(tag)?.checksum, tag).toBe(table.checksum);
      expect(after.get(tag)?.body.equals(table.body), tag).toBe(true);
    }
  });

  it('keeps a table that does not compress as it is', () => {
    const noise = Buffer.alloc(4001);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      noise[i] = seed >>> 24;
    }
    const font = makeSfnt({ head: Buffer.alloc(54), zzzz: noise });
    const woff = sfntToWoff(font);
    const entries = woffDirectory(woff).entries;
    expect(entries.find((e) => e.tag === 'zzzz')).toMatchObject({ stored: 4001, length: 4001 });
    expect(entries.find((e) => e.tag === 'head')?.stored).toBeLessThan(54);
    expect(Buffer.from(woffToSfnt(woff)).equals(font)).toBe(true);
  });

  it('refuses what is no font, and a font whose table runs past its end', () => {
    expect(() => sfntToWoff(Buffer.from('not a font at all'))).toThrow('not a TrueType or OpenType font');
    const font = makeSfnt({ head: Buffer.alloc(54) });
    font.writeUInt32BE(1000, 12 + 12);
    expect(() => sfntToWoff(font)).toThrow('damaged font');
    expect(() => woffToSfnt(font)).toThrow('not a WOFF 1.0 font');
  });

  it('refuses a WOFF table that does not inflate to the length its directory gives', () => {
    const woff = Buffer.from(sfntToWoff(makeSfnt({ head: Buffer.alloc(54) })));
    woff.writeUInt32BE(60, 44 + 12);
    expect(() => woffToSfnt(woff)).toThrow('damaged WOFF table');
    woff.writeUInt32BE(50, 44 + 12);
    expect(() => woffToSfnt(woff)).toThrow();
  });

  it('reads the names of a WOFF face as those of the font it wraps', () => {
    const file = join(tempDir(), 'face.woff');
    writeFileSync(file, sfntToWoff(otf));
    const [face] = readFaces(file);
    const [original] = readFaces(sourceFile(BUNDLED_SANS[0]!)!);
    expect(face).toEqual({ ...original, file });
  });

  it('writes files FreeType reads, with the family and weight of the original', () => {
    const file = join(tempDir(), 'face.woff');
    writeFileSync(file, sfntToWoff(otf));
    const scan = (path: string) => spawnSync('fc-scan', ['--format', '%{family}|%{weight}|%{fontformat}', path], { encoding: 'utf8' });
    const packed = scan(file);
    expect(packed.error, 'fc-scan (fontconfig) is needed').toBeUndefined();
    expect(packed.stdout).not.toBe('');
    expect(packed.stdout).toBe(scan(sourceFile(BUNDLED_SANS[0]!)!).stdout);
  });
});

describe('packing the bundled faces (npm pack)', () => {
  it('writes each face as WOFF with its licence, and later packs keep what is up to date', () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'Old-Face.woff'), 'a face no longer shipped');
    const first = packBundledFonts(folder, BUNDLED_SANS);
    expect(first).toMatchObject([{ file: 'NotoSansSC-Medium.woff', written: true }]);
    expect(first[0]!.shippedBytes).toBeLessThan(first[0]!.sourceBytes);
    expect(readdirSync(folder).sort()).toEqual(['NotoSansSC-Medium.woff', 'OFL-embedpdf-fonts-sc.txt', 'fonts.json']);
    const licence = readFileSync(join(folder, licenceName(BUNDLED_SANS[0]!)), 'utf8');
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(readFaces(join(folder, 'NotoSansSC-Medium.woff'))).toMatchObject([{ family: 'Noto Sans S Chinese', weight: 500 }]);

    expect(packBundledFonts(folder, BUNDLED_SANS)).toMatchObject([{ file: 'NotoSansSC-Medium.woff', written: false }]);
  });

  it('refuses a face that is not the family or weight the layout asks for', () => {
    const wrong: BundledFont = { ...BUNDLED_SANS[0]!, weight: 700 };
    const folder = tempDir();
    expect(() => packBundledFonts(folder, [wrong])).toThrow('expected Noto Sans S Chinese 700, found Noto Sans S Chinese 500');
    expect(existsSync(join(folder, wrong.file))).toBe(false);
  });

  it('says which package to install when a source is missing', () => {
    const missing: BundledFont = { ...BUNDLED_SANS[0]!, package: '@unionplan/no-such-font' };
    expect(() => packBundledFonts(tempDir(), [missing])).toThrow('@unionplan/no-such-font is not installed (run npm install)');
  });
});
