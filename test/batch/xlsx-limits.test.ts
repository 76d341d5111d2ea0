/** Rosters that would take gigabytes: a zip bomb, a lying zip, millions of rows. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';
import { runCli } from '../helpers/cli-in-process.js';

/** A zip of these parts, as an .xlsx is. */
async function zip(parts: Record<string, Buffer>): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, data] of Object.entries(parts)) file.addBuffer(data, name);
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

function sheetOf(rows: number): Buffer {
  const body = Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i}工会</t></is></c></row>`,
  ).join('');
  return Buffer.from(`<?xml version="1.0"?><worksheet><sheetData>${body}</sheetData></worksheet>`);
}

async function batch(bytes: Buffer, name = 'units.xlsx') {
  const dir = tempDir();
  writeFileSync(join(dir, name), bytes);
  return await runCli(dir, 'batch', name, '--format', 'md', '--out', 'out');
}

describe('roster limits', () => {
  it('refuses a zip bomb (a small .xlsx that inflates past 100 MB) before the Excel reader sees it', async () => {
    const bomb = await zip({ '[Content_Types].xml': TYPES, 'xl/worksheets/sheet1.xml': Buffer.alloc(120 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const result = await batch(bomb);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('units.xlsx: Excel 工作簿解压后超过 100 MB');
  });

  it('is not fooled by a table of contents that claims small sizes', async () => {
    const bomb = await zip({ '[Content_Types].xml': TYPES, 'xl/worksheets/sheet1.xml': Buffer.alloc(120 * 1024 * 1024, 0x20) });
    // Rewrite every claimed size (local headers and central directory) to 1 KB.
    for (let i = 0; i + 4 <= bomb.length; i++) {
      const signature = bomb.readUInt32LE(i);
      if (signature === 0x04034b50 && bomb.readUInt32LE(i + 22) > 1024) bomb.writeUInt32LE(1024, i + 22);
      if (signature === 0x02014b50 && bomb.readUInt32LE(i + 24) > 1024) bomb.writeUInt32LE(1024, i + 24);
    }
    const result = await batch(bomb);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('Excel 工作簿解压后超过 100 MB');
  });

  it('refuses a sheet of more than 100,000 rows, and a CSV of more than 100,000 unions', async () => {
    const workbook = await zip({
      '[Content_Types].xml': TYPES,
      'xl/workbook.xml': Buffer.from(
        '<workbook xmlns:r="r"><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="名录" sheetId="2" r:id="rId2"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': Buffer.from(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': sheetOf(3),
      'xl/worksheets/sheet2.xml': sheetOf(100_001),
    });
    const xlsx = await batch(workbook);
    expect(xlsx.status).toBe(4);
    expect(xlsx.stderr).toContain('units.xlsx: 工作表 “名录” 有 100001 行，超过名录的上限 100000 行');
    const rows = Array.from({ length: 100_001 }, (_, i) => `第${i}工会,school`);
    const csv = await batch(Buffer.from(`单位名称,类型\n${rows.join('\n')}\n`), 'units.csv');
    expect(csv.status).toBe(4);
    expect(csv.stderr).toContain('units.csv: 名录有 100001 个单位，超过上限 100000 个');
  });
});
