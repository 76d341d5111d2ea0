/**
 * The index of the fonts on the machine, kept between runs: a font file whose size and time are
 * unchanged is not read again (so a changed file is), files gone from a folder leave the index, and
 * a damaged or unwritable index only means reading the fonts again.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session/session.js';
import { indexedFaces } from '../../../src/writers/pdf/font-index.js';
import { bundledFile, BUNDLED_SANS } from '../../../src/writers/pdf/bundled.js';

/** A folder with one real font, and a cache folder for the index. */
function setup(): { fonts: string; cache: string; font: string } {
  const root = mkdtempSync(join(tmpdir(), 'unionplan-font-index-'));
  const fonts = join(root, 'fonts');
  mkdirSync(fonts);
  const font = join(fonts, 'sans.ttf');
  copyFileSync(bundledFile(BUNDLED_SANS[0]!)!, font);
  // A time in whole seconds, which setting it again (below) reproduces exactly.
  utimesSync(font, 1_700_000_000, 1_700_000_000);
  return { fonts, cache: join(root, 'cache'), font };
}

/** `indexedFaces` as a new run sees it: in a session of its own, with the index read afresh. */
function run(fonts: string, files: string[], cache: string) {
  const session = createSession();
  try {
    return session.run(() => indexedFaces(fonts, files, cache));
  } finally {
    session.dispose();
  }
}

/** Overwrites a file's bytes, keeping its size and time, as an unchanged file would look. */
function scramble(file: string): void {
  const { size, atime, mtime } = statSync(file);
  writeFileSync(file, Buffer.alloc(size, 0x41));
  utimesSync(file, atime, mtime);
}

describe('the font index', () => {
  it('reads a face once, and again only when its file changes', () => {
    const { fonts, cache, font } = setup();
    const first = run(fonts, [font], cache);
    expect(first.map((face) => face.family)).toEqual(['Noto Sans SC']);
    expect(JSON.parse(readFileSync(join(cache, 'font-index-1.json'), 'utf8'))[fonts][font].faces).toHaveLength(1);
    // Same size and time: the index answers, the (now unreadable) file is not opened.
    scramble(font);
    expect(run(fonts, [font], cache)).toEqual(first);
    // A newer time: read again, and the garbage holds no face.
    utimesSync(font, new Date(), new Date(Date.now() + 5_000));
    expect(run(fonts, [font], cache)).toEqual([]);
  });

  it('drops files gone from the folder and survives a damaged index', () => {
    const { fonts, cache, font } = setup();
    run(fonts, [font], cache);
    expect(run(fonts, [], cache)).toEqual([]);
    expect(JSON.parse(readFileSync(join(cache, 'font-index-1.json'), 'utf8'))[fonts]).toEqual({});
    writeFileSync(join(cache, 'font-index-1.json'), '{"broken": ');
    expect(run(fonts, [font], cache).map((face) => face.family)).toEqual(['Noto Sans SC']);
    writeFileSync(join(cache, 'font-index-1.json'), JSON.stringify({ [fonts]: { [font]: { size: 'x', faces: 'y' } } }));
    expect(run(fonts, [font], cache).map((face) => face.family)).toEqual(['Noto Sans SC']);
    // An entry that names another file for the face is not believed.
    const index = JSON.parse(readFileSync(join(cache, 'font-index-1.json'), 'utf8'));
    index[fonts][font].faces[0].file = '/etc/passwd';
    index[fonts][font].faces[0].family = '仿宋';
    writeFileSync(join(cache, 'font-index-1.json'), JSON.stringify(index));
    expect(run(fonts, [font], cache).map((face) => [face.family, face.file])).toEqual([['Noto Sans SC', font]]);
  });

  it('reads the fonts as before when the cache folder cannot be written or there is none', () => {
    const { fonts, cache, font } = setup();
    mkdirSync(cache);
    chmodSync(cache, 0o500);
    try {
      expect(run(fonts, [font], cache).map((face) => face.family)).toEqual(['Noto Sans SC']);
    } finally {
      chmodSync(cache, 0o700);
      rmSync(cache, { recursive: true, force: true });
    }
    expect(run(fonts, [font], undefined as unknown as string).map((face) => face.family)).toEqual(['Noto Sans SC']);
  });
});
