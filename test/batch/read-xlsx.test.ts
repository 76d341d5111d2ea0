/**
 * The .xlsx reader (src/batch/roster/read-xlsx.ts and src/batch/roster/xlsx/): workbooks written by real
 * spreadsheet programs (exceljs 4.4.0, which read rosters in 0.1.0, and LibreOffice Calc; see
 * test/fixtures/batch/xlsx/README.md), and hand-made ones for what those never write: cells
 * without addresses, prefixed tags, CDATA, 1904 dates, damaged and hostile zips.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRoster } from '../../src/batch/roster/read-roster.js';
import type { Roster } from '../../src/batch/roster/roster.js';
import { zipEntries } from '../../src/batch/roster/xlsx/zip-entries.js';
import { UserError, formatProblem } from '../../src/errors.js';
import { fixture, requireBuild, run, tempDir } from './helpers.js';

beforeAll(requireBuild);

/** Each row as { header: value } of its non-blank cells, with its row number. */
function table(roster: Roster): Record<string, unknown>[] {
  return roster.rows.map((row) => ({
    row: row.row,
    ...Object.fromEntries(row.cells.filter((c) => c.value !== undefined && c.value !== '').map((c) => [c.header, c.value])),
  }));
}

/** The messages reading fails with (kind first), or [] when it reads. */
async function failure(file: string, sheet?: string): Promise<string[]> {
  try {
    await readRoster(file, sheet === undefined ? {} : { sheet });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return [error.kind, ...error.problems.map(formatProblem)];
  }
  return [];
}

/** A zip of these parts, as an .xlsx is. */
async function zip(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, data] of Object.entries(parts)) file.addBuffer(Buffer.from(data), name);
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of hand-written parts: sheets by name (their XML), shared strings, styles. */
function workbookParts(
  sheets: { name: string; xml: string; state?: string; type?: string }[],
  extra: { strings?: string[]; styles?: string; workbookPr?: string } = {},
): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${extra.workbookPr ?? ''}<sheets>${sheets
      .map(
        (sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (sheet, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/${sheet.type ?? 'worksheet'}" Target="/xl/worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  };
  sheets.forEach((sheet, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheet.xml;
  });
  if (extra.strings)
    parts['xl/sharedStrings.xml'] =
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.strings.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  if (extra.styles) parts['xl/styles.xml'] = extra.styles;
  return parts;
}

const inline = (text: string): string => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
const sheetXml = (rows: string): string =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

async function writeXlsx(parts: Record<string, string | Buffer>): Promise<string> {
  const file = join(tempDir(), 'units.xlsx');
  writeFileSync(file, await zip(parts));
  return file;
}

/** What exceljs-cells.xlsx holds, with shared or inline strings alike (see make-exceljs.mjs). */
const EXCELJS_CELLS = [
  {
    row: 3,
    单位名称: '城南实验小学工会',
    类型: '学校',
    上级工会: '城南区教育工会',
    年度: 2027,
    计划期间: '全年',
    落款日期: '2027-01-05',
    备注: true,
  },
  // C3:C4 is merged: every cell of a merged range holds its first cell's value.
  { row: 4, 上级工会: '城南区教育工会' },
  { row: 5, 单位名称: '青山镇总工会', 类型: 'town', 年度: 2027, 计划期间: '上半年', 落款日期: '#N/A', 备注: false },
  { row: 7, 单位名称: '柳溪街道总工会', 上级工会: '城南区总工会', 落款日期: '2027-03-01', 备注: '#REF!' },
  {
    row: 8,
    单位名称: '红星社区工会',
    类型: 'community',
    上级工会: '城南区总工会',
    年度: 2027,
    计划期间: '下半年',
    落款日期: '2027/7/1',
    备注: 12.5,
  },
];

describe('workbooks written by spreadsheet programs', () => {
  it.each([
    ['shared strings', 'exceljs-cells.xlsx'],
    ['text in the cells (t="str", rich text as t="inlineStr")', 'exceljs-cells-inline.xlsx'],
  ])('reads every kind of cell exceljs writes, with %s, from the first visible sheet', async (_, name) => {
    const roster = await readRoster(fixture('xlsx', name));
    // 草稿, the first sheet, is hidden.
    expect(roster.sheet).toBe('名录');
    expect(roster.ignoredHeaders).toEqual(['备注']);
    expect(table(roster)).toEqual(EXCELJS_CELLS);
    // A1:G1 (the title) is merged too; the far cells AB8 and XFD8 have no header and are not kept.
    expect(roster.rows.at(-1)!.cells.map((c) => c.column)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads a workbook LibreOffice Calc saved as .xlsx: Chinese date formats, booleans, formula errors, merged cells', async () => {
    const roster = await readRoster(fixture('xlsx', 'libreoffice.xlsx'));
    expect(roster.sheet).toBe('名录');
    expect(roster.ignoredHeaders).toEqual(['已上报', '备注']);
    expect(table(roster)).toEqual([
      {
        row: 3,
        单位名称: '城南实验小学工会',
        类型: '学校',
        上级工会: '城南区教育工会',
        年度: 2027,
        计划期间: '全年',
        落款日期: '2027-01-05',
        已上报: true,
        备注: '第一行 含空格',
      },
      // 落款日期 is shown as 2027年3月1日 (format yyyy\年m\月d\日); 上级工会 is merged from the row above.
      {
        row: 4,
        单位名称: '青山镇总工会',
        类型: 'town',
        上级工会: '城南区教育工会',
        年度: 2027,
        计划期间: '#DIV/0!',
        落款日期: '2027-03-01',
        已上报: false,
        备注: '#N/A',
      },
      { row: 6, 单位名称: '柳溪街道总工会', 上级工会: '城南区总工会' },
      { row: 7, 单位名称: '红星社区工会', 类型: 'community', 上级工会: 'community', 年度: 2027.5, 计划期间: '<下半年> & “引号”' },
    ]);
    expect((await failure(fixture('xlsx', 'libreoffice.xlsx'), '说明'))[1]).toContain('名录中没有可识别的列');
  });

  it('reports a formula error of a LibreOffice workbook at its row and column, as a user runs batch', () => {
    const dir = tempDir();
    copyFileSync(fixture('xlsx', 'libreoffice.xlsx'), join(dir, 'units.xlsx'));
    const result = run(dir, 'batch', 'units.xlsx', '--format', 'md', '--out', 'out');
    expect(result.status).toBe(6);
    expect(result.stderr).toContain('units.xlsx:第4行 “计划期间”列: 这一格是表格的错误值 “#DIV/0!”（公式除以了零），不是计划期间');
    expect(result.stdout).toContain('城南实验小学工会');
    expect(readFileSync(join(dir, 'out', '城南实验小学工会.md'), 'utf8')).toContain('date: 2027-01-05');
  });
});

describe('what spreadsheet programs write less often', () => {
  const strings = [
    '<t>单位名称</t>',
    '<r><t>甲</t></r><r><rPr><b/></rPr><t xml:space="preserve">工会</t></r><rPh sb="0" eb="1"><t>こう</t></rPh>',
    '<t>第一行_x000D_\n第二行</t>',
    '<t>城南区总工会</t>',
  ];
  // Style 1: built-in format 31, 2027年1月5日 in Chinese Excel and WPS.
  const styles =
    '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00E+00"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="164"/></cellXfs><dxfs><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs></styleSheet>';
  const rows = (serial: number): string =>
    `<?xml version="1.0" encoding="UTF-8"?><!-- 手写 --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
    `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>类型</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>落款日期</x:t></x:is></x:c><x:c r="F1" t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c><x:c r="G1" t="inlineStr"><x:is><x:t>年度</x:t></x:is></x:c><x:c r="XFD1" t="inlineStr"><x:is><x:t>上级工会</x:t></x:is></x:c></x:row>` +
    // A row and cells without addresses follow the ones before them: A2, B2, C2 ….
    `<x:row><x:c t="s"><x:v>1</x:v></x:c><x:c/><x:c t="inlineStr"><x:is><x:t><![CDATA[<school>]]></x:t></x:is></x:c><x:c/><x:c s="1"><x:v>${serial}</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c s="2"><x:v>2027</x:v></x:c></x:row>` +
    `<x:row r="3"><x:c r="A3" t="str"><x:f>"A"&amp;"B"</x:f><x:v>A&amp;B &#x5DE5;&#20250;</x:v></x:c><x:c r="C3" t="inlineStr"><x:is><x:r><x:t>to</x:t></x:r><x:r><x:t>wn</x:t></x:r><x:rPh><x:t>タ</x:t></x:rPh></x:is></x:c>` +
    `<x:c r="E3" t="d"><x:v>2027-03-01T00:00:00</x:v></x:c><x:c r="F3" t="s"><x:v>2</x:v></x:c><x:c r="G3"><x:f>2026+1</x:f></x:c><x:c r="XFD3" t="s"><x:v>3</x:v></x:c></x:row>` +
    `<x:row r="4" spans="1:3"/></x:sheetData></x:worksheet>`;
  const expected = [
    { row: 2, 单位名称: '甲工会', 类型: '<school>', 落款日期: '2027-01-05', 备注: true, 年度: 2027 },
    // A formula with no computed value (G3) is an empty cell, as Excel would show it before calculating.
    { row: 3, 单位名称: 'A&B 工会', 类型: 'town', 落款日期: '2027-03-01', 备注: '第一行\r\n第二行', 上级工会: '城南区总工会' },
  ];

  it('reads cells without addresses, prefixed tags, CDATA, character references, rich text without its phonetic guide, a column as far as XFD', async () => {
    const file = await writeXlsx(workbookParts([{ name: '名录', xml: rows(46392) }], { strings, styles }));
    const roster = await readRoster(file);
    expect(table(roster)).toEqual(expected);
    expect(roster.rows[1]!.cells.find((c) => c.header === '上级工会')!.column).toBe(16_384);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const file = await writeXlsx(
      workbookParts([{ name: '名录', xml: rows(46392 - 1462) }], { strings, styles, workbookPr: '<workbookPr date1904="1"/>' }),
    );
    expect(table(await readRoster(file))).toEqual(expected);
  });

  it('reads a part written in UTF-16 with a byte-order mark, and refuses one that is not UTF-8 (no U+FFFD in a name)', async () => {
    const header = `<row r="1">${inline('单位名称')}${inline('类型')}</row>`;
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(sheetXml(`${header}<row r="2">${inline('甲工会')}${inline('town')}</row>`), 'utf16le'),
    ]);
    const parts: Record<string, string | Buffer> = workbookParts([{ name: '名录', xml: '' }]);
    parts['xl/worksheets/sheet1.xml'] = utf16;
    expect(table(await readRoster(await writeXlsx(parts)))).toEqual([{ row: 2, 单位名称: '甲工会', 类型: 'town' }]);
    // 甲工会 in GBK, as a program that ignores the XML's encoding might write it.
    parts['xl/worksheets/sheet1.xml'] = Buffer.concat([
      Buffer.from(`<worksheet><sheetData>${header}<row r="2"><c t="inlineStr"><is><t>`),
      Buffer.from([0xbc, 0xd7, 0xb9, 0xa4, 0xbb, 0xe1]),
      Buffer.from('</t></is></c></row></sheetData></worksheet>'),
    ]);
    expect(await failure(await writeXlsx(parts))).toEqual([
      'invalid',
      expect.stringContaining('无法读取（xl/worksheets/sheet1.xml：不是有效的 UTF-8 文本）'),
    ]);
  });

  it('reads the first sheet that is not hidden, passing over a chart sheet, and matches --sheet with spaces trimmed', async () => {
    const roster = sheetXml(`<row r="1">${inline('org')}${inline('type')}</row><row r="2">${inline('甲工会')}${inline('audit')}</row>`);
    const hidden = sheetXml(`<row r="1">${inline('org')}${inline('type')}</row><row r="2">${inline('旧工会')}${inline('school')}</row>`);
    const file = await writeXlsx(
      workbookParts([
        { name: '图表', xml: '<chartsheet/>', type: 'chartsheet' },
        // As Excel writes it: a state only on the hidden sheet.
        { name: '旧表', xml: hidden, state: 'hidden' },
        { name: '名录', xml: roster },
      ]),
    );
    expect(table(await readRoster(file))).toEqual([{ row: 2, org: '甲工会', type: 'audit' }]);
    expect(table(await readRoster(file, { sheet: ' 旧表 ' }))).toEqual([{ row: 2, org: '旧工会', type: 'school' }]);
    expect(await failure(file, '图表')).toEqual([
      'usage',
      expect.stringContaining('没有名为 “图表” 的工作表（--sheet）。工作簿中的工作表：旧表、名录'),
    ]);
  });

  it('fills a merged range only within the cells the sheet uses, and refuses one too large to be a roster', async () => {
    const header = `<row r="1">${inline('单位名称')}${inline('上级工会')}</row>`;
    const small = await writeXlsx(
      workbookParts([
        {
          name: '名录',
          xml: `${sheetXml(`${header}<row r="3">${inline('乙工会')}</row>`).replace('</worksheet>', '<mergeCells><mergeCell ref="A3:XFD1048576"/></mergeCells></worksheet>')}`,
        },
      ]),
    );
    expect(table(await readRoster(small))).toEqual([{ row: 3, 单位名称: '乙工会', 上级工会: '乙工会' }]);
    const wide = `${header}<row r="2">${inline('丙工会')}</row><row r="100"><c r="XFD100" t="inlineStr"><is><t>远</t></is></c></row>`;
    const large = await writeXlsx(
      workbookParts([
        {
          name: '名录',
          xml: sheetXml(wide).replace('</worksheet>', '<mergeCells><mergeCell ref="A2:XFD1048576"/></mergeCells></worksheet>'),
        },
      ]),
    );
    expect(await failure(large)).toEqual([
      'invalid',
      expect.stringContaining('units.xlsx: 工作表 “名录”，合并单元格 “A2:XFD1048576” 等合并的范围过大（超过 1000000 格）'),
    ]);
  });
});

describe('cells and files the reader refuses', () => {
  it('names the file, the sheet and the cell, and quotes the value, for every bad cell (batch exits 4)', async () => {
    const xml = sheetXml(
      `<row r="1">${inline('单位名称')}${inline('类型')}</row>` +
        '<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2"><v>abc</v></c></row>' +
        '<row r="3"><c r="A3" t="b"><v>yes</v></c><c r="B3" t="x"><v>1</v></c></row>' +
        '<row r="4"><c r="XFE4"><v>1</v></c><c r="B4" t="d"><v>明天</v></c></row>',
    );
    const file = await writeXlsx(workbookParts([{ name: '名录', xml }]));
    expect(await failure(file)).toEqual([
      'invalid',
      `${file}: 工作表 “名录”，A2 单元格：共享字符串编号 “7” 不存在（工作簿中只有 0 条），文件可能已损坏`,
      `${file}: 工作表 “名录”，B2 单元格：数值 “abc” 无效`,
      `${file}: 工作表 “名录”，A3 单元格：逻辑值 “yes” 无效，应为 1（TRUE）或 0（FALSE）`,
      `${file}: 工作表 “名录”，B3 单元格：单元格类型 “x” 未知（值为 “1”），文件可能已损坏`,
      `${file}: 工作表 “名录”，单元格地址 “XFE4” 无效（Excel 的单元格从 A1 到 XFD1048576）`,
      `${file}: 工作表 “名录”，B4 单元格：日期 “明天” 无效，应为 ISO 8601 日期，如 2027-01-05`,
    ]);
    const result = run(join(file, '..'), 'batch', 'units.xlsx', '--format', 'md', '--out', 'out');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('units.xlsx: 工作表 “名录”，B2 单元格：数值 “abc” 无效');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists 20 bad cells and counts the rest', async () => {
    const bad = Array.from({ length: 25 }, (_, i) => `<row r="${i + 2}"><c r="B${i + 2}"><v>x${i}</v></c></row>`).join('');
    const file = await writeXlsx(
      workbookParts([{ name: '名录', xml: sheetXml(`<row r="1">${inline('单位名称')}${inline('年度')}</row>${bad}`) }]),
    );
    const messages = await failure(file);
    expect(messages).toHaveLength(1 + 20 + 1);
    expect(messages[20]).toBe(`${file}: 工作表 “名录”，B21 单元格：数值 “x19” 无效`);
    expect(messages[21]).toBe(`${file}: 工作表 “名录” 还有 5 处问题未列出`);
  });

  it('refuses a DOCTYPE (no entity is ever expanded), a truncated zip, damaged compressed data', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    const bomb = await writeXlsx(workbookParts([{ name: '名录', xml: laughs }]));
    expect(await failure(bomb)).toEqual([
      'invalid',
      expect.stringContaining('不是有效的 Excel 工作簿（.xlsx），无法读取（xl/worksheets/sheet1.xml：含有 DOCTYPE 声明'),
    ]);

    const good = await zip(workbookParts([{ name: '名录', xml: sheetXml(`<row r="1">${inline('单位名称')}</row>`.repeat(50)) }]));
    const truncated = await writeXlsx({});
    writeFileSync(truncated, good.subarray(0, good.length - 40));
    expect(await failure(truncated)).toEqual([
      'invalid',
      expect.stringContaining(
        '不是有效的 Excel 工作簿（.xlsx），无法读取（不是完整的 zip 压缩包）。请在 Excel 或 WPS 中打开后另存为 .xlsx 或 CSV',
      ),
    ]);

    const damaged = Buffer.from(good);
    const entries = zipEntries(damaged, 100) as { name: string; offset: number; compressed: number }[];
    const sheet = entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml')!;
    const data = sheet.offset + 30 + damaged.readUInt16LE(sheet.offset + 26) + damaged.readUInt16LE(sheet.offset + 28);
    damaged.fill(0xff, data, data + Math.min(16, sheet.compressed));
    const damagedFile = await writeXlsx({});
    writeFileSync(damagedFile, damaged);
    expect(await failure(damagedFile)).toEqual([
      'invalid',
      expect.stringContaining('无法读取（xl/worksheets/sheet1.xml 的压缩数据已损坏）'),
    ]);
  });

  it('refuses a workbook whose table of contents lists more than 10,000 parts, before reading any', async () => {
    const bytes = await zip(workbookParts([{ name: '名录', xml: sheetXml('') }]));
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt16LE(10_001, end + 8);
    bytes.writeUInt16LE(10_001, end + 10);
    const file = await writeXlsx({});
    writeFileSync(file, bytes);
    expect(await failure(file)).toEqual(['invalid', expect.stringContaining('Excel 工作簿中的部件超过 10000 个，不像是名录，没有读取')]);
  });
});
