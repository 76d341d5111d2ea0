/** Encodings of rosters, outlines and Markdown plans: read on evidence, or refused with the row. */
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir } from '../helpers/cli.js';
import { runCli } from '../helpers/cli-in-process.js';

const ROSTER = '单位名称,类型,上级工会\n城南实验小学工会,school,城南区教育工会\n青山镇总工会,town,城南区总工会\n';

/** Runs `batch` on a roster of these bytes; returns the result and the names in the report. */
async function batch(bytes: Uint8Array) {
  const dir = tempDir();
  writeFileSync(join(dir, 'units.csv'), bytes);
  const result = await runCli(dir, 'batch', 'units.csv', '--format', 'md', '--out', 'out', '--report', 'report.json', '--quiet');
  let names: string[] = [];
  try {
    names = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { units: { name: string }[] }).units.map((u) => u.name);
  } catch {
    // No report: the run stopped before building.
  }
  return { ...result, names };
}

describe('roster encodings', () => {
  it('reads UTF-8, GBK, UTF-16 with and without a byte-order mark alike', async () => {
    const encodings: Uint8Array[] = [
      Buffer.from(ROSTER),
      iconv.encode(ROSTER, 'gbk'),
      iconv.encode(ROSTER, 'utf-16le', { addBOM: true }),
      iconv.encode(ROSTER, 'utf-16be', { addBOM: true }),
      iconv.encode(ROSTER, 'utf-16le'),
    ];
    for (const bytes of encodings) {
      const result = await batch(bytes);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.names).toEqual(['城南实验小学工会', '青山镇总工会']);
    }
  });

  it('reads a short GBK roster that happens to be valid UTF-8 as GBK (学校 is “ѧУ” in UTF-8)', async () => {
    const result = await batch(iconv.encode('org,type\n学校,school\n医院,enterprise\n', 'gbk'));
    expect(result.status).toBe(0);
    expect(result.names).toEqual(['学校', '医院']);
  });

  it('refuses a UTF-8 roster with one stray byte, naming its row, instead of reading it all as GBK', async () => {
    const bytes = Buffer.concat([
      Buffer.from('单位名称,类型\n城南实验小学工会,school\n'),
      Buffer.from([0x92]),
      Buffer.from('青山镇总工会,town\n'),
    ]);
    const result = await batch(bytes);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('units.csv:3: 文件是 UTF-8 编码，但这一行有不是 UTF-8 的字节');
    expect(result.stderr).not.toContain('\uFFFD');
  });

  it.each([
    ['Big5', 'big5'],
    ['Shift-JIS', 'shift_jis'],
  ])('refuses a %s roster instead of reading it as GBK', async (_, encoding) => {
    const text =
      encoding === 'big5'
        ? 'org,type\n臺北市教師職業工會,school\n高雄市醫療產業工會,enterprise\n'
        : 'org,type\n東京都教職員組合,school\nトヨタ自動車労働組合,enterprise\n';
    const result = await batch(iconv.encode(text, encoding));
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/units\.csv:\d+: 无法确定文件的编码/);
    expect(result.names).toEqual([]);
  });

  it('refuses a Latin-1 roster', async () => {
    const result = await batch(
      iconv.encode('org,type\nSyndicat des employés de café,enterprise\nGewerkschaft Müller,enterprise\n', 'latin1'),
    );
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/units\.csv:2: 无法确定文件的编码/);
  });

  it('refuses a roster that holds U+FFFD, the mark of an earlier wrong decoding', async () => {
    const result = await batch(Buffer.from('org,type\n城南\uFFFD\uFFFD工会,school\n'));
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('units.csv:2: 这一行有替换字符');
  });
});

describe('outline and Markdown encodings', () => {
  const outline = readFileSync(join(EXAMPLES, 'school.yaml'), 'utf8');

  it('builds a GBK outline and a UTF-16 Markdown plan to the same text as their UTF-8 originals', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'utf8.yaml'), outline);
    writeFileSync(join(dir, 'gbk.yaml'), iconv.encode(outline, 'gb18030'));
    expect((await runCli(dir, 'build', 'utf8.yaml', 'gbk.yaml')).status).toBe(0);
    const md = readFileSync(join(dir, 'utf8.md'), 'utf8');
    expect(readFileSync(join(dir, 'gbk.md'), 'utf8')).toBe(md);
    writeFileSync(join(dir, 'wide.md'), iconv.encode(md, 'utf-16le', { addBOM: true }));
    const result = await runCli(dir, 'build', 'wide.md', '--out', 'again');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'again', 'wide.md'), 'utf8')).toBe(md);
  });

  it('refuses an outline with invalid UTF-8, naming the line, and writes nothing with U+FFFD', async () => {
    const dir = tempDir();
    const lines = outline.split('\n');
    const bytes = Buffer.concat([
      Buffer.from(`${lines.slice(0, 5).join('\n')}\n`),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from(`\n${lines.slice(5).join('\n')}`),
    ]);
    writeFileSync(join(dir, 'plan.yaml'), bytes);
    const result = await runCli(dir, 'build', 'plan.yaml');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('plan.yaml:6: 文件是 UTF-8 编码，但这一行有不是 UTF-8 的字节');
    expect((await runCli(dir, 'check', 'plan.yaml')).status).toBe(4);
  });

  it('refuses UTF-16 with a lone surrogate, saying it is UTF-16', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'plan.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('# 标题\n', 'utf-16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]),
    );
    const result = await runCli(dir, 'build', 'plan.md', '--out', 'out');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('文件是 UTF-16 编码，但内容不完整或有无效的字符');
  });
});
