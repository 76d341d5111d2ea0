/**
 * Tables (targets, monthly schedule): full grid, full text width, a bold centred header row that
 * Word repeats at the top of every page the table runs onto, and cells set in the table style,
 * with no first-line indent and their own line spacing (the 28.95 pt grid would double each row).
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Cell, Line, TableBlock } from '../../document/model.js';
import type { WriteContext } from './context.js';
import { cellPlace, cleanLine } from './places.js';
import { lineRuns } from './runs.js';
import { STYLE } from './styles.js';
import { planColumns } from '../../document/table-columns.js';
import { CELL_MARGIN_X, CELL_MARGIN_Y, SIZE_PT, TEXT_WIDTH, ptToTwips } from './units.js';

/** One character of table text (四号) in twips. */
const TABLE_CHAR = ptToTwips(SIZE_PT.si);

/** A thin (0.5 pt) black line, Word's default table grid. */
const GRID_LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/**
 * The Word table for a table block. `tableIndex` counts tables from 1, for warnings; `keepNext`
 * keeps it with the paragraph after it (the 落款): every paragraph of every row keeps with the next,
 * which LibreOffice reads as the table's “keep with next paragraph” (it then moves the last row;
 * keepNext on the last row alone it ignores), and Word keeps the table's end with the 落款.
 */
export function tableElement(block: TableBlock, tableIndex: number, ctx: WriteContext, keepNext = false): Table {
  const columns = Math.max(1, block.header.length, ...block.rows.map((row) => row.length));
  const clean = (cell: Cell | undefined, row: number, column: number): Line[] =>
    (cell ?? []).map((line) => cleanLine(line, cellPlace(tableIndex, row, column + 1), ctx.warn));
  // Row 1 is the header, as the reader counts.
  const header = range(columns).map((column) => clean(block.header[column], 1, column));
  const body = block.rows.map((row, rowIndex) => range(columns).map((column) => clean(row[column], rowIndex + 2, column)));

  const plan = planColumns(header, body, TEXT_WIDTH / TABLE_CHAR);
  const widths = columnWidths(plan.map((column) => column.width));
  const centred = plan.map((column) => column.center);

  const row = (cells: Line[][], isHeader: boolean, keep = false) =>
    new TableRow({
      tableHeader: isHeader || undefined,
      cantSplit: true,
      children: cells.map(
        (lines, column) =>
          new TableCell({
            width: { size: widths[column] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            children: cellParagraphs(lines, isHeader, centred[column] ?? false, ctx.fonts.table, keep),
          }),
      ),
    });

  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    indent: { size: 0, type: WidthType.DXA },
    margins: { top: CELL_MARGIN_Y, bottom: CELL_MARGIN_Y, left: CELL_MARGIN_X, right: CELL_MARGIN_X },
    borders: {
      top: GRID_LINE,
      bottom: GRID_LINE,
      left: GRID_LINE,
      right: GRID_LINE,
      insideHorizontal: GRID_LINE,
      insideVertical: GRID_LINE,
    },
    rows: [row(header, true, keepNext), ...body.map((cells) => row(cells, false, keepNext))],
  });
}

/** One paragraph per line of the cell; an empty cell still needs one paragraph for Word. */
function cellParagraphs(lines: Line[], isHeader: boolean, centred: boolean, font: string, keepNext: boolean): Paragraph[] {
  const style = isHeader ? STYLE.tableHeading : STYLE.tableText;
  // The header's centring comes from its style; body columns of short entries are centred here.
  const alignment = !isHeader && centred ? AlignmentType.CENTER : undefined;
  const keep = keepNext ? { keepNext: true } : {};
  const paragraphs = lines.map((line) => new Paragraph({ style, alignment, ...keep, children: lineRuns(line, font) }));
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({ style, alignment, ...keep })];
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
