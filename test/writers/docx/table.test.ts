import { describe, it, expect } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { all, first, kids, maybe, paragraphText, resolver, samplePlan, writeAndOpen } from './helpers.js';
import type { Docx, El } from './helpers.js';

let cached: Docx | undefined;
async function sample(): Promise<Docx> {
  cached ??= await writeAndOpen(samplePlan());
  return cached;
}

async function tables(docx: Docx): Promise<El[]> {
  return (await docx.body()).filter((el) => el.name === 'w:tbl');
}

/** Each row's cells, each cell as the text of its paragraphs. */
function cellTexts(table: El): string[][][] {
  return kids(table, 'w:tr').map((tr) => kids(tr, 'w:tc').map((tc) => kids(tc, 'w:p').map(paragraphText)));
}

describe('docx tables', () => {
  it('writes both tables of the sample, cell by cell, one paragraph per line', async () => {
    const [targets, schedule] = await tables(await sample());
    expect(cellTexts(targets!)).toEqual([
      [['序号'], ['指标'], ['目标值']],
      [['1'], ['教职工入会率'], ['100%']],
      [['2'], ['教代会提案办复率'], ['100%']],
    ]);
    expect(cellTexts(schedule!)).toEqual([
      [['月份'], ['工作内容'], ['责任部门']],
      [['3月'], ['1.庆祝“三八”国际妇女节', '2.召开教代会'], ['女工委员会']],
      [['7—8月'], ['组织教职工暑期疗休养'], ['工会委员会']],
    ]);
  });

  it('spans the full 156 mm text width with a fixed grid of columns', async () => {
    for (const table of await tables(await sample())) {
      const tblPr = kids(table, 'w:tblPr')[0]!;
      const width = first(tblPr, 'w:tblW').attrs;
      expect(width['w:type']).toBe('dxa');
      expect(width['w:w']).toBe('8844');
      expect(first(tblPr, 'w:tblLayout').attrs['w:type']).toBe('fixed');
      const columns = all(first(table, 'w:tblGrid'), 'w:gridCol').map((col) => Number(col.attrs['w:w']));
      expect(columns).toHaveLength(3);
      expect(columns.reduce((sum, w) => sum + w, 0)).toBe(8844);
      // 序号 and 月份 are narrower than the text columns.
      expect(columns[0]!).toBeLessThan(columns[1]!);
      // Each cell's own width agrees with the grid.
      for (const tr of kids(table, 'w:tr')) {
        expect(kids(tr, 'w:tc').map((tc) => Number(first(tc, 'w:tcW').attrs['w:w']))).toEqual(columns);
      }
    }
  });

  it('draws a full grid: outer borders and inside lines, single 0.5 pt', async () => {
    for (const table of await tables(await sample())) {
      const borders = first(kids(table, 'w:tblPr')[0]!, 'w:tblBorders');
      const sides = Object.fromEntries(borders.children.map((side) => [side.name, side.attrs]));
      expect(Object.keys(sides).sort()).toEqual(['w:bottom', 'w:insideH', 'w:insideV', 'w:left', 'w:right', 'w:top'].sort());
      for (const side of Object.values(sides)) {
        expect(side['w:val']).toBe('single');
        expect(side['w:sz']).toBe('4');
      }
    }
  });

  it('marks only the first row as a header row that repeats on every page', async () => {
    for (const table of await tables(await sample())) {
      const rows = kids(table, 'w:tr');
      expect(rows.map((tr) => maybe(tr, 'w:tblHeader') !== undefined)).toEqual([true, false, false]);
      // Rows do not break across pages.
      expect(rows.every((tr) => maybe(tr, 'w:cantSplit') !== undefined)).toBe(true);
    }
  });

  it('sets the header bold and centred, cells in 4号 仿宋 with their own spacing, not the 579 grid', async () => {
    const docx = await sample();
    const resolve = await resolver(docx);
    const [, schedule] = await tables(docx);
    const [header, ...rows] = kids(schedule!, 'w:tr');
    for (const p of all(header!, 'w:p')) {
      expect(maybe(p, 'w:pStyle')?.attrs['w:val']).toBe('TableHeading');
      expect(resolve.runOn(p, kids(p, 'w:r')[0], 'w:b')).toBe(true);
      expect(resolve.para(p, 'w:jc', 'w:val')).toBe('center');
    }
    for (const p of rows.flatMap((tr) => all(tr, 'w:p'))) {
      expect(maybe(p, 'w:pStyle')?.attrs['w:val']).toBe('TableText');
      const run = kids(p, 'w:r')[0];
      expect(resolve.runOn(p, run, 'w:b')).toBe(false);
      expect(resolve.run(p, run, 'w:sz', 'w:val')).toBe('28');
      expect(resolve.run(p, run, 'w:rFonts', 'w:eastAsia')).toBe('仿宋');
      expect(resolve.para(p, 'w:spacing', 'w:line')).toBe('400');
      expect(resolve.para(p, 'w:spacing', 'w:lineRule')).toBe('exact');
    }
    // Short columns (月份, 责任部门) are centred; the 工作内容 column keeps the justified default.
    const firstRow = kids(rows[0]!, 'w:tc').map((tc) => resolve.para(kids(tc, 'w:p')[0]!, 'w:jc', 'w:val'));
    expect(firstRow).toEqual(['center', 'both', 'center']);
    // Cells sit in the middle of their row.
    expect(all(schedule!, 'w:vAlign').every((v) => v.attrs['w:val'] === 'center')).toBe(true);
  });

  it('keeps two tables in a row apart and ends a document after a table with a paragraph', async () => {
    const table = samplePlan().blocks.find((block) => block.type === 'table')!;
    const plan: PlanDocument = { meta: { title: '两个表格' }, blocks: [table, table] };
    const docx = await writeAndOpen(plan);
    expect((await docx.body()).map((el) => el.name)).toEqual(['w:p', 'w:tbl', 'w:p', 'w:tbl', 'w:p']);
  });

  it('pads short rows to the widest row and writes empty cells with one empty paragraph', async () => {
    const plan: PlanDocument = {
      meta: { title: '不齐的表格' },
      blocks: [
        {
          type: 'table',
          header: [[[{ text: '甲' }]], [[{ text: '乙' }]]],
          rows: [[[[{ text: '1' }]]], [[], [[{ text: '2' }]], [[{ text: '3' }]]]],
        },
      ],
    };
    const [table] = await tables(await writeAndOpen(plan));
    expect(cellTexts(table!)).toEqual([
      [['甲'], ['乙'], ['']],
      [['1'], [''], ['']],
      [[''], ['2'], ['3']],
    ]);
  });
});
