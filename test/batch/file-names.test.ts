import { describe, expect, it } from 'vitest';
import { MAX_STEM_BYTES, assignStems, safeFileStem } from '../../src/batch/rows/file-names.js';

/** What no stem may contain on any of Windows, macOS or Linux. */
function assertPortable(stem: string): void {
  expect(stem).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
  expect(stem).not.toMatch(/^[.\s]|[.\s]$/);
  expect(stem.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
  expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
  expect(stem.length).toBeGreaterThan(0);
  expect(/\p{Cs}/u.test(stem)).toBe(false);
}

describe('safeFileStem', () => {
  it.each([
    ['../x', '_x'],
    ['a/b', 'a_b'],
    ['a\\b', 'a_b'],
    ['..\\..\\windows\\win.ini', '_.._windows_win.ini'],
    ['城南:实验*小学?工会', '城南_实验_小学_工会'],
    ['  城南实验小学工会. ', '城南实验小学工会'],
    ['.hidden', 'hidden'],
    ['..', '未命名'],
    ['', '未命名'],
    ['CON', '_CON'],
    ['con', '_con'],
    ['Con.txt', '_Con.txt'],
    ['LPT1', '_LPT1'],
    ['COM¹', '_COM¹'],
    ['CONSOLE', 'CONSOLE'],
    ['第一\n第二\t工会', '第一_第二_工会'],
    ['bad\u202eexe.pdf', 'badexe.pdf'],
    ['\ud800工会', '_工会'],
  ])('%j → %j', (name, stem) => {
    expect(safeFileStem(name)).toBe(stem);
    assertPortable(safeFileStem(name));
  });

  it('keeps emoji whole, ZWJ sequences included', () => {
    expect(safeFileStem('🏭红星👨‍👩‍👧工会')).toBe('🏭红星👨‍👩‍👧工会');
  });

  it('cuts a 200-character name to the byte limit at a character boundary', () => {
    const long = `城南区${'很长的名称'.repeat(39)}工会`;
    expect(long).toHaveLength(200);
    const stem = safeFileStem(long);
    assertPortable(stem);
    expect(long.startsWith(stem)).toBe(true);
    expect(Buffer.byteLength(stem)).toBeGreaterThan(MAX_STEM_BYTES - 3);
  });

  it('never splits an emoji sequence when cutting', () => {
    const family = '👨‍👩‍👧';
    const stem = safeFileStem(family.repeat(20));
    assertPortable(stem);
    expect(stem.length % family.length).toBe(0);
  });

  it('gives one stem for composed and decomposed forms of the same name', () => {
    expect(safeFileStem('Cafe\u0301工会')).toBe(safeFileStem('Café工会'));
  });
});

describe('assignStems', () => {
  it('gives duplicates -2, -3 in roster order and says whom they clash with', () => {
    expect(assignStems(['甲工会', '乙工会', '甲工会', '甲工会'])).toEqual([
      { stem: '甲工会' },
      { stem: '乙工会' },
      { stem: '甲工会-2', clashesWith: 0 },
      { stem: '甲工会-3', clashesWith: 0 },
    ]);
  });

  it('treats names that differ only in case, or that become the same file, as clashing', () => {
    const stems = assignStems(['A工会', 'a工会', 'a/b', 'a:b']).map((s) => s?.stem);
    expect(stems).toEqual(['A工会', 'a工会-2', 'a_b', 'a_b-2']);
  });

  it('leaves a roster name that looks like a suffix to its own union', () => {
    const stems = assignStems(['甲', '甲', '甲-2']).map((s) => s?.stem);
    expect(stems).toEqual(['甲', '甲-3', '甲-2']);
  });

  it('skips rows without a name and keeps long names distinct within the limit', () => {
    const long = '很'.repeat(200);
    const stems = assignStems([undefined, long, long]);
    expect(stems[0]).toBeUndefined();
    expect(stems[1]!.stem).not.toBe(stems[2]!.stem);
    for (const s of stems.slice(1)) assertPortable(s!.stem);
  });
});
