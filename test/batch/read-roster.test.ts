import iconv from 'iconv-lite';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { readRoster } from '../../src/batch/roster/read-roster.js';
import { decodeText } from '../../src/io/decode-text.js';
import type { Roster } from '../../src/batch/roster/roster.js';
import { UserError, formatProblem } from '../../src/errors.js';
import { fixture, tempDir } from './helpers.js';

/** Each row as { header: value } of its non-blank cells, with its row number. */
function table(roster: Roster): Record<string, unknown>[] {
  return roster.rows.map((row) => ({
    row: row.row,
    ...Object.fromEntries(row.cells.filter((c) => c.value !== undefined && c.value !== '').map((c) => [c.header, c.value])),
  }));
}

/** The messages a roster fails with, or [] when it reads. */
async function failure(file: string, sheet?: string): Promise<{ kind: string; messages: string[] }> {
  try {
    await readRoster(file, sheet === undefined ? {} : { sheet });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return { kind: (error as UserError).kind, messages: (error as UserError).problems.map(formatProblem) };
  }
  return { kind: 'none', messages: [] };
}

describe('CSV rosters', () => {
  it('reads UTF-8 with a byte-order mark and Chinese headers; row numbers are Excel’s', async () => {
    const roster = await readRoster(fixture('utf8-bom', 'units.csv'));
    expect(roster.format).toBe('csv');
    expect(roster.encoding).toBe('utf-8');
    expect(table(roster)).toEqual([
      {
        row: 2,
        单位名称: '城南实验小学工会',
        类型: '学校',
        上级工会: '城南区教育工会',
        年度: '2027',
        计划期间: '全年',
        落款日期: '2027/1/5',
      },
      { row: 3, 单位名称: '柳溪街道总工会', 类型: '街道总工会', 上级工会: '城南区总工会', 年度: '2027' },
      { row: 4, 单位名称: '城南区阳光幼儿园工会', 类型: 'kindergarten', 上级工会: '城南区教育工会', 年度: '2027', 计划期间: '上半年' },
    ]);
  });

  it('reads GBK, as Excel on Chinese Windows saves “CSV（逗号分隔）”', async () => {
    const roster = await readRoster(fixture('gbk', 'units.csv'));
    expect(roster.encoding).toBe('gb18030');
    expect(table(roster).map((r) => r.单位名称)).toEqual(['城南实验小学工会', '青山镇总工会']);
    expect(table(roster)[1]!.年度).toBe('2027年');
  });

  it('reads GB18030 characters outside GBK', async () => {
    const roster = await readRoster(fixture('gbk', 'units-gb18030.csv'));
    expect(table(roster)[0]!.单位名称).toBe('𠀾湖社区工会');
  });

  it('reads UTF-8 without a byte-order mark, UTF-16 text and tab-separated files', async () => {
    const dir = tempDir();
    const text = 'org\ttype\n城南实验小学工会\tschool\n';
    writeFileSync(join(dir, 'plain.csv'), 'org,type\n城南实验小学工会,school\n');
    writeFileSync(join(dir, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    for (const name of ['plain.csv', 'unicode.txt']) {
      expect(table(await readRoster(join(dir, name)))).toEqual([{ row: 2, org: '城南实验小学工会', type: 'school' }]);
    }
  });

  it('counts blank lines and multi-line cells as Excel does, and skips a title row above the header', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), '城南区基层工会名录,,\n单位名称,类型,开头语\n甲工会,school,"第一段\n\n第二段"\n\n乙工会,town,\n');
    const roster = await readRoster(join(dir, 'units.csv'));
    expect(table(roster)).toEqual([
      { row: 3, 单位名称: '甲工会', 类型: 'school', 开头语: '第一段\n\n第二段' },
      { row: 5, 单位名称: '乙工会', 类型: 'town' },
    ]);
    expect(roster.rows.map((r) => r.index)).toEqual([1, 2]);
  });

  it('lists the columns it does not use', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), '序号,单位名称,类型,联系人\n1,甲工会,school,张三\n');
    expect((await readRoster(join(dir, 'units.csv'))).ignoredHeaders).toEqual(['序号', '联系人']);
  });

  it('decodes by byte-order mark, then UTF-8, then GB18030', () => {
    expect(decodeText('f', Buffer.from('\ufeff工会')).text).toBe('工会');
    expect(decodeText('f', Buffer.from('工会')).encoding).toBe('utf-8');
    expect(decodeText('f', iconv.encode('工会', 'gbk'))).toEqual({ text: '工会', encoding: 'gb18030' });
  });
});

describe('Excel rosters', () => {
  // Written by exceljs 4.4.0 (test/fixtures/batch/xlsx/make-exceljs.mjs): the reader of 0.1.0.
  it('reads the first sheet of a workbook written by exceljs: numbers, dates, rich text, formulas, a title row', async () => {
    const roster = await readRoster(fixture('xlsx', 'exceljs-title-row.xlsx'));
    expect(roster.format).toBe('xlsx');
    expect(roster.sheet).toBe('名录');
    expect(table(roster)).toEqual([
      { row: 3, 单位名称: '城南实验小学工会', 类型: '学校', 年度: 2027, 落款日期: '2027-01-05' },
      { row: 5, 单位名称: '青山镇总工会', 类型: 'town', 年度: 2027 },
    ]);
  });

  it('reads the sheet --sheet names, and lists the sheets when there is none of that name', async () => {
    const file = fixture('xlsx', 'exceljs-two-sheets.xlsx');
    expect(table(await readRoster(file, { sheet: '2027年名录' }))).toEqual([{ row: 2, org: '甲工会', type: 'audit' }]);
    expect(await failure(file, '名录')).toEqual({
      kind: 'usage',
      messages: [expect.stringContaining('工作簿中的工作表：说明、2027年名录')],
    });
    expect((await failure(file)).messages[0]).toContain('没有可识别的列');
  });

  it('reads the examples/units.xlsx that scripts/make-units-xlsx.mjs writes, like the CSV', async () => {
    const xlsx = table(await readRoster(new URL('../../examples/units.xlsx', import.meta.url).pathname));
    const csv = table(await readRoster(new URL('../../examples/units.csv', import.meta.url).pathname));
    expect(xlsx).toHaveLength(12);
    expect(xlsx.map((r) => r.单位名称)).toEqual(csv.map((r) => r.单位名称));
    expect(xlsx.map((r) => String(r.年度))).toEqual(csv.map((r) => r.年度));
    expect(xlsx.map((r) => r.落款日期)).toEqual(csv.map((r) => r.落款日期));
  });
});

describe('YAML rosters', () => {
  it('reads a list of mappings with Chinese or English keys, nested fields as written, lines as row numbers', async () => {
    const roster = await readRoster(fixture('yaml', 'units.yaml'));
    expect(roster.format).toBe('yaml');
    expect(table(roster)).toEqual([
      { row: 2, 单位名称: '城南实验小学工会', 类型: '学校', 年度: 2027 },
      {
        row: 5,
        org: '青禾精密机械有限公司工会',
        type: 'enterprise',
        superior: '城南区总工会',
        year: 2027,
        targets: [{ name: '职工入会率', value: 98, unit: '%' }],
      },
    ]);
    expect(roster.rows[1]!.cells.find((c) => c.header === 'targets')!.line).toBe(9);
  });

  it('says what is wrong with YAML that is not a list', async () => {
    const file = join(tempDir(), 'units.yaml');
    writeFileSync(file, 'org: 甲工会\ntype: school\n');
    expect((await failure(file)).messages[0]).toContain('YAML 名录应为列表');
    writeFileSync(file, '- org: 甲工会\n  type: [school\n');
    expect((await failure(file)).messages[0]).toMatch(/units\.yaml:\d+:\d+: YAML 语法错误/);
  });
});

describe('lists that give nothing to build', () => {
  it.each([
    ['an empty file', '', '名录文件是空的'],
    ['a header and no union', fixture('empty', 'units.csv'), '名录中没有任何单位'],
    ['no recognised column', fixture('no-columns', 'units.csv'), '名录中没有可识别的列'],
    ['a PDF', fixture('not-roster', 'units.pdf'), '不是名录文件（PDF 文件）'],
  ])('%s is an error of its content', async (_, path, message) => {
    let file = path;
    if (file === '') {
      file = join(tempDir(), 'units.csv');
      writeFileSync(file, '');
    }
    expect(await failure(file)).toEqual({ kind: 'invalid', messages: [expect.stringContaining(message)] });
  });

  it('refuses old .xls workbooks, unknown extensions and text named .xlsx', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(dir, 'units.docx.txt.odt'), 'x');
    writeFileSync(join(dir, 'fake.xlsx'), '单位名称,类型\n甲,school\n');
    expect((await failure(join(dir, 'units.xls'))).messages[0]).toContain('“另存为” .xlsx 或 CSV');
    expect((await failure(join(dir, 'units.docx.txt.odt'))).messages[0]).toContain('无法识别的名录文件类型 “.odt”');
    expect((await failure(join(dir, 'fake.xlsx'))).messages[0]).toContain('内容不是 Excel 工作簿');
  });

  it('reports a CSV with an unclosed quote at its line', async () => {
    const file = join(tempDir(), 'units.csv');
    writeFileSync(file, '单位名称,类型\n"甲工会,school\n');
    const { kind, messages } = await failure(file);
    expect(kind).toBe('invalid');
    expect(messages[0]).toMatch(/^.*units\.csv:\d+: CSV 格式有误：引号没有成对/);
  });

  it('says why a file cannot be read', async () => {
    const dir = tempDir();
    expect(await failure(join(dir, 'missing.csv'))).toEqual({ kind: 'input', messages: [expect.stringContaining('文件不存在')] });
    mkdirSync(join(dir, 'folder.csv'));
    expect(await failure(join(dir, 'folder.csv'))).toEqual({ kind: 'input', messages: [expect.stringContaining('这是一个文件夹')] });
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, 'locked.csv'), 'org,type\n');
      chmodSync(join(dir, 'locked.csv'), 0o000);
      expect(await failure(join(dir, 'locked.csv'))).toEqual({
        kind: 'input',
        messages: [expect.stringContaining('没有读取这个文件的权限')],
      });
    }
  });
});
