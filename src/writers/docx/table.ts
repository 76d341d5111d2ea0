/**
 * Tables (targets, monthly schedule): full grid, full text width, a bold centred header row that
 * Word repeats at the top of every page the table runs onto, and cells set in the table style,
 * with no first-line indent and their own line spacing (the 28.95 pt grid would double each row).
 */
import { lineText, type Cell, type Line, type TableBlock } from '../../document/model.js';
import type { WriteContext } from './context.js';
import { cellPlace, cleanLine } from './places.js';
import { borderXml, paragraphXml, type BorderLine } from './paragraph.js';
import { lineRuns } from './runs.js';
import { STYLE } from './styles.js';
import { planColumns, type ColumnPlan } from '../../document/table-columns.js';
import { textWidth } from '../../document/text-width.js';
import { CELL_MARGIN_X, CELL_MARGIN_Y, SIZE_PT, TEXT_WIDTH, ptToTwips } from './units.js';
import { element, empty } from './xml.js';

/** One character of table text (四号) in twips. */
const TABLE_CHAR = ptToTwips(SIZE_PT.si);

/** A thin (0.5 pt) black line, Word's default table grid. */
const GRID_LINE: BorderLine = { style: 'single', size: 4, color: '000000' };

/**
 * Tables up to this many lines of table text (about a third of a page) are kept whole with the
 * 落款; a longer one keeps only its last row with it (see {@link tableXml}).
 */
export const KEEP_WHOLE_TABLE_LINES = 12;

/** The lines of table text a row takes: its tallest cell, each line wrapping at its column's width. */
function rowLines(cells: Line[][], plan: readonly ColumnPlan[]): number {
  return Math.max(
    1,
    ...cells.map((lines, column) => {
      // The column's width less its cell margins (planColumns gives one character for them).
      const room = Math.max(1, (plan[column]?.width ?? 1) - 1);
      return lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(lineText(line)) / room)), 0);
    }),
  );
}

/**
 * The Word table for a table block. `tableIndex` counts tables from 1, for warnings; `keepNext`
 * keeps it with the paragraph after it (the 落款). A short table is kept whole: every paragraph of
 * every row keeps with the next, which LibreOffice reads as the table's “keep with next paragraph”
 * (keepNext on the last row alone it ignores), and Word keeps the table's end with the 落款. A long
 * one (the year's schedule) keeps only its last row with the 落款, which Word honours: kept whole,
 * it started on a page of its own and left most of the page before it empty.
 */
export function tableXml(block: TableBlock, tableIndex: number, ctx: WriteContext, keepNext = false): string {
  const columns = Math.max(1, block.header.length, ...block.rows.map((row) => row.length));
  const clean = (cell: Cell | undefined, row: number, column: number): Line[] =>
    (cell ?? []).map((line) => cleanLine(line, cellPlace(tableIndex, row, column + 1), ctx.warn));
  // Row 1 is the header, as the reader counts.
  const header = range(columns).map((column) => clean(block.header[column], 1, column));
  const body = block.rows.map((row, rowIndex) => range(columns).map((column) => clean(row[column], rowIndex + 2, column)));

  const plan = planColumns(header, body, TEXT_WIDTH / TABLE_CHAR);
  const widths = columnWidths(plan.map((column) => column.width));
  const centred = plan.map((column) => column.center);
  const whole = keepNext && [header, ...body].reduce((sum, cells) => sum + rowLines(cells, plan), 0) <= KEEP_WHOLE_TABLE_LINES;

  const row = (cells: Line[][], isHeader: boolean, keep: boolean) =>
    element(
      'w:tr',
      element('w:trPr', isHeader ? '<w:cantSplit/><w:tblHeader/>' : '<w:cantSplit/>') +
        cells
          .map((lines, column) =>
            element(
              'w:tc',
              element('w:tcPr', dxa('w:tcW', widths[column] ?? 0) + empty('w:vAlign', { 'w:val': 'center' })) +
                cellParagraphs(lines, isHeader, centred[column] ?? false, ctx.fonts.table, keep),
            ),
          )
          .join(''),
    );

  const properties =
    dxa('w:tblW', TEXT_WIDTH) +
    empty('w:jc', { 'w:val': 'center' }) +
    dxa('w:tblInd', 0) +
    tableBorders(GRID_LINE, GRID_LINE) +
    '<w:tblLayout w:type="fixed"/>' +
    cellMargins(CELL_MARGIN_Y, CELL_MARGIN_X);
  return element(
    'w:tbl',
    element('w:tblPr', properties) +
      tableGrid(widths) +
      row(header, true, whole) +
      body.map((cells, i) => row(cells, false, whole || (keepNext && i === body.length - 1))).join(''),
  );
}

/** A width in twips (`w:type="dxa"`). */
export function dxa(name: string, twips: number): string {
  return empty(name, { 'w:type': 'dxa', 'w:w': twips });
}

/** The table's borders: `edge` around it, `inside` between its cells. */
export function tableBorders(edge: BorderLine, inside: BorderLine): string {
  return element(
    'w:tblBorders',
    ['w:top', 'w:left', 'w:bottom', 'w:right'].map((side) => borderXml(side, edge)).join('') +
      borderXml('w:insideH', inside) +
      borderXml('w:insideV', inside),
  );
}

/** The space between each cell's border and its text, top and bottom, left and right. */
export function cellMargins(vertical: number, horizontal: number): string {
  return element(
    'w:tblCellMar',
    dxa('w:top', vertical) + dxa('w:left', horizontal) + dxa('w:bottom', vertical) + dxa('w:right', horizontal),
  );
}

/** The column grid. */
export function tableGrid(widths: readonly number[]): string {
  return element('w:tblGrid', widths.map((width) => empty('w:gridCol', { 'w:w': width })).join(''));
}

/** One paragraph per line of the cell; an empty cell still needs one paragraph for Word. */
function cellParagraphs(lines: Line[], isHeader: boolean, centred: boolean, font: string, keepNext: boolean): string {
  const style = isHeader ? STYLE.tableHeading : STYLE.tableText;
  // The header's centring comes from its style; body columns of short entries are centred here.
  const props = { style, keepNext, ...(!isHeader && centred ? { alignment: 'center' as const } : {}) };
  if (lines.length === 0) return paragraphXml(props);
  return lines.map((line) => paragraphXml(props, lineRuns(line, font))).join('');
}

/** Column widths in twips, rounded, summing exactly to the text width. */
function columnWidths(chars: number[]): number[] {
  const widths = chars.map((width) => Math.floor(width * TABLE_CHAR));
  // The rounding remainder goes to the last column so the table is exactly as wide as the text.
  const rest = TEXT_WIDTH - widths.reduce((total, width) => total + width, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
