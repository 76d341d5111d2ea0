// Writes examples/units.xlsx from examples/units.csv, as a district office would keep its
// roster: a title row above the header, bold headers, widened columns. Run it after changing
// the CSV. exceljs writes it: a real spreadsheet writer, not our reader's own idea of the
// format; it is no longer a dependency (unionplan reads .xlsx itself since 0.2.0), so:
//   npm install --no-save exceljs@4.4.0 && node scripts/make-units-xlsx.mjs
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';

const csv = new URL('../examples/units.csv', import.meta.url);
const out = new URL('../examples/units.xlsx', import.meta.url);
const [header, ...rows] = parse(readFileSync(csv), { bom: true });

const workbook = new ExcelJS.Workbook();
// Fixed dates, so that the file changes only when the roster does.
workbook.created = workbook.modified = new Date(Date.UTC(2026, 10, 1));
workbook.creator = 'unionplan';
const sheet = workbook.addWorksheet('基层工会名录');
sheet.addRow(['城南区基层工会名录（示例：单位均为虚构）']);
sheet.mergeCells(1, 1, 1, header.length);
sheet.getRow(1).font = { bold: true, size: 14 };
sheet.addRow(header).font = { bold: true };
for (const row of rows) {
  // Years as numbers and dates as dates, as Excel users type them.
  sheet.addRow(
    row.map((value, i) => {
      if (value === '') return null;
      if (header[i] === '年度') return Number(value);
      if (header[i] === '落款日期') return new Date(`${value}T00:00:00Z`);
      return value;
    }),
  );
}
header.forEach((name, i) => {
  const column = sheet.getColumn(i + 1);
  column.width = name === '工作目标' ? 60 : name === '落款日期' ? 12 : Math.max(10, ...rows.map((r) => [...r[i]].length * 2 + 2));
  if (name === '落款日期') column.numFmt = 'yyyy-mm-dd';
});
await workbook.xlsx.writeFile(out.pathname);
console.log(`wrote ${out.pathname}`);
