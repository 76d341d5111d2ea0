/**
 * The WOFF 1.0 reader, on the one WOFF the package ships (LXGW WenKai, as its npm package has it):
 * the unpacked font is checked against the checksums the WOFF directory records, by the font reader
 * that tells families apart, and by FreeType (fc-scan), which knows nothing of our code.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_KAI, BUNDLED_SANS, sourceFile } from '../../../src/writers/pdf/bundled.js';
import { readFaces } from '../../../src/writers/pdf/sfnt.js';
import { woffToSfnt } from '../../../src/writers/pdf/woff.js';
import { tempDir } from './helpers.js';

/** The WOFF header and table directory. */
function woffDirectory(woff: Uint8Array) {
  const data = Buffer.from(woff);
  const entries = Array.from({ length: data.readUInt16BE(12) }, (_, i) => {
    const at = 44 + i * 20;
    return {
      tag: data.toString('latin1', at, at + 4),
      offset: data.readUInt32BE(at + 4),
      stored: data.readUInt32BE(at + 8),
      length: data.readUInt32BE(at + 12),
      checksum: data.readUInt32BE(at + 16),
    };
  });
  return { flavor: data.readUInt32BE(4), sfntSize: data.readUInt32BE(16), entries };
}

/** The tables of an sfnt font by tag: directory checksum, offset and bytes. */
function sfntTables(font: Uint8Array): Map<string, { checksum: number; offset: number; body: Buffer }> {
  const data = Buffer.from(font);
  const tables = new Map<string, { checksum: number; offset: number; body: Buffer }>();
  for (let i = 0; i < data.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    const offset = data.readUInt32BE(at + 8);
    tables.set(data.toString('latin1', at, at + 4), {
      checksum: data.readUInt32BE(at + 4),
      offset,
      body: data.subarray(offset, offset + data.readUInt32BE(at + 12)),
    });
  }
  return tables;
}

/** The OpenType table checksum: the sum of its 32-bit words, `head` without checkSumAdjustment. */
function tableChecksum(tag: string, body: Buffer): number {
  const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
  if (tag === 'head') padded.writeUInt32BE(0, 8);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + padded.readUInt32BE(at)) >>> 0;
  return sum;
}

describe('WOFF 1.0 reader', () => {
  const kai = sourceFile(BUNDLED_KAI[0]!)!;
  const woff = readFileSync(kai);

  it('unpacks the shipped WOFF into a font whose tables add up to the checksums recorded for them', () => {
    const directory = woffDirectory(woff);
    // The face has tables worth compressing, so the inflating is what is tested here.
    expect(directory.entries.some((entry) => entry.stored < entry.length)).toBe(true);
    const font = woffToSfnt(woff);
    expect(font.length).toBe(directory.sfntSize);
    expect(Buffer.from(font).readUInt32BE(0)).toBe(directory.flavor);
    const tables = sfntTables(font);
    expect([...tables.keys()].sort()).toEqual(directory.entries.map((entry) => entry.tag).sort());
    for (const entry of directory.entries) {
      const table = tables.get(entry.tag)!;
      expect(table.offset % 4, entry.tag).toBe(0);
      expect(table.body.length, entry.tag).toBe(entry.length);
      expect(table.checksum, entry.tag).toBe(entry.checksum);
      expect(tableChecksum(entry.tag, table.body), entry.tag).toBe(entry.checksum);
    }
  });

  it('gives a font FreeType reads as the same family and weight as the WOFF', () => {
    const ttf = join(tempDir(), 'kai.ttf');
    writeFileSync(ttf, woffToSfnt(woff));
    const scan = (path: string) => spawnSync('fc-scan', ['--format', '%{family}|%{weight}', path], { encoding: 'utf8' });
    const unpacked = scan(ttf);
    expect(unpacked.error, 'fc-scan (fontconfig) is needed').toBeUndefined();
    expect(unpacked.stdout).toContain('LXGW WenKai');
    expect(unpacked.stdout).toBe(scan(kai).stdout);
  });

  it('reads the names of a WOFF face as those of the font it wraps', () => {
    const ttf = join(tempDir(), 'kai.ttf');
    writeFileSync(ttf, woffToSfnt(woff));
    const [face] = readFaces(kai);
    expect(face).toMatchObject({ family: 'LXGW WenKai', weight: 400 });
    expect(face).toEqual({ ...readFaces(ttf)[0], file: kai });
  });

  it('refuses what is no WOFF, and a table that does not inflate to the length its directory gives', () => {
    expect(() => woffToSfnt(readFileSync(sourceFile(BUNDLED_SANS[0]!)!))).toThrow('not a WOFF 1.0 font');
    const damaged = Buffer.from(woff);
    const index = woffDirectory(damaged).entries.findIndex((entry) => entry.stored < entry.length);
    const at = 44 + index * 20 + 12;
    damaged.writeUInt32BE(damaged.readUInt32BE(at) + 4, at);
    expect(() => woffToSfnt(damaged)).toThrow('damaged WOFF table');
    damaged.writeUInt32BE(damaged.readUInt32BE(at) - 8, at);
    expect(() => woffToSfnt(damaged)).toThrow();
  });
});
