/**
 * The unpacked copy of the bundled WOFF face kept between runs: made once, the same bytes as an
 * unpacking in memory, replaced when damaged or when the package's face changes, never required
 * (a cache folder that cannot be written gives the in-memory unpacking), and read by Typst.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_KAI, sourceFile } from '../../../src/writers/pdf/bundled.js';
import { unpackedFontFile } from '../../../src/writers/pdf/unpacked-fonts.js';
import { fontCacheDir } from '../../../src/writers/pdf/user-folders.js';
import { woffToSfnt } from '../../../src/writers/pdf/woff.js';
import { BIN, requireBuild } from '../../helpers/cli.js';
import { haveTools, tempDir } from './helpers.js';

const KAI = sourceFile(BUNDLED_KAI[0]!)!;

describe('the cache folder', () => {
  it('is the platform’s cache folder for applications, or UNIONPLAN_CACHE_DIR', () => {
    expect(fontCacheDir({ UNIONPLAN_CACHE_DIR: '/srv/cache' }, 'linux')).toBe('/srv/cache/fonts');
    expect(fontCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe('/x/cache/unionplan/fonts');
    expect(fontCacheDir({ LOCALAPPDATA: 'C:/Users/王/AppData/Local' }, 'win32')).toBe(
      join('C:/Users/王/AppData/Local', 'unionplan', 'Cache', 'fonts'),
    );
    expect(fontCacheDir({}, 'win32')).toBeUndefined();
  });
});

describe('unpackedFontFile', () => {
  it('unpacks the face once, to the bytes an unpacking in memory gives, and reuses it', () => {
    const dir = tempDir();
    const file = unpackedFontFile(KAI, dir)!;
    expect(file.startsWith(dir)).toBe(true);
    expect(readFileSync(file).equals(Buffer.from(woffToSfnt(readFileSync(KAI))))).toBe(true);
    const old = new Date(2000, 0, 1);
    utimesSync(file, old, old);
    expect(unpackedFontFile(KAI, dir)).toBe(file);
    expect(statSync(file).mtime.getTime()).toBe(old.getTime());
  });

  it('replaces a damaged copy and removes copies of an older face', () => {
    const dir = tempDir();
    const woff = join(dir, 'LXGWWenKai-Regular.woff');
    copyFileSync(KAI, woff);
    const first = unpackedFontFile(woff, join(dir, 'cache'))!;
    truncateSync(first, 1000);
    expect(unpackedFontFile(woff, join(dir, 'cache'))).toBe(first);
    expect(statSync(first).size).toBe(woffToSfnt(readFileSync(KAI)).length);
    // A newer package: another time on the face, so another copy, and the old one goes.
    const later = new Date(2030, 0, 1);
    utimesSync(woff, later, later);
    const second = unpackedFontFile(woff, join(dir, 'cache'))!;
    expect(second).not.toBe(first);
    expect(readdirSync(join(dir, 'cache'))).toEqual([second.slice(join(dir, 'cache').length + 1)]);
  });

  it('gives nothing, and throws nothing, when the cache folder cannot be made', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), '');
    expect(unpackedFontFile(KAI, join(dir, 'not-a-folder', 'fonts'))).toBeUndefined();
    expect(unpackedFontFile(KAI, '')).toBeUndefined();
  });
});

describe.skipIf(!haveTools())('a PDF with the bundled 楷体', () => {
  it('keeps the unpacked face in UNIONPLAN_CACHE_DIR and embeds it from there', () => {
    requireBuild();
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const env = { ...process.env, UNIONPLAN_CACHE_DIR: cache, UNIONPLAN_FONT_DIR: '' };
    for (const args of [
      ['new', '--type', 'school', '--org', '城南实验小学工会', '--year', '2027'],
      ['build', 'plan.yaml', '--format', 'pdf'],
    ]) {
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    }
    // The unpacked face, the index of the system's fonts (font-index.ts) and the plan's font
    // subsets (subset-cache.ts), the 楷体 one among them.
    // (The face is named after the shipped file, or after its package's file in a clone without fonts/.)
    const kept = readdirSync(join(cache, 'fonts'));
    expect(kept).toHaveLength(3);
    const face = /^(LXGWWenKai-Regular|lxgw-wenkai-latin-500-normal)-\d+-\d+/;
    expect(kept).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`${face.source}\\.ttf$`)), 'font-index-1.json', 'subsets-2']),
    );
    expect(readdirSync(join(cache, 'fonts', 'subsets-2')).filter((file) => face.test(file))).toHaveLength(2);
    expect(execFileSync('pdffonts', [join(dir, 'plan.pdf')], { encoding: 'utf8' })).toMatch(/LXGWWenKai-Regular/);
  });
});
