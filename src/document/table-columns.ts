import { lineText, type Cell } from './model.js';
import { textWidth } from './text-width.js';

/** One column of a table as both writers set it. */
export interface ColumnPlan {
  /** Width in characters of table text; the columns together fill the table's width. */
  width: number;
  /** Whether its body cells are centred: a column of short entries (序号, 月份, 目标值). */
  center: boolean;
}

/** Columns whose cells are all this short (序号, 月份, 目标值) are centred and never squeezed. */
const SHORT_CELL = 8;
/** Space for a cell's margins, in characters. */
const MARGIN = 1;
/** A long column asks for at most this much before sharing what is left. */
const LONG_CELL = 16;

function longest(cells: readonly Cell[]): number {
  return Math.max(0, ...cells.flatMap((cell) => cell.map((line) => textWidth(lineText(line)))));
}

/**
 * How wide each column of a table is, in characters of table text, out of `capacity` (the text
 * width in those characters). Short columns get the width of their longest line, header
 * included, so 序号 or 目标值 never wraps; the long ones (指标, 工作内容) share the rest by how much
 * they hold. One plan for DOCX and PDF, so their tables break alike.
 */
export function planColumns(header: readonly Cell[], rows: readonly (readonly Cell[])[], capacity: number): ColumnPlan[] {
  const count = Math.max(1, header.length, ...rows.map((row) => row.length));
  const columns = Array.from({ length: count }, (_, i) => {
    const body = rows.map((row) => row[i] ?? []);
    const center = body.every((cell) => cell.every((line) => textWidth(lineText(line)) <= SHORT_CELL));
    const natural = Math.max(longest([header[i] ?? [], ...body]), 1) + MARGIN;
    return { center, natural };
  });
  const fixed = columns.filter((c) => c.center).reduce((sum, c) => sum + c.natural, 0);
  const flexible = columns.filter((c) => !c.center);
  const wanted = flexible.reduce((sum, c) => sum + Math.min(c.natural, LONG_CELL + MARGIN), 0);
  if (flexible.length === 0 || fixed >= capacity) {
    // Nothing can give way: every column takes its share of the whole width.
    const total = columns.reduce((sum, c) => sum + c.natural, 0);
    return columns.map((c) => ({ width: (capacity * c.natural) / total, center: c.center }));
  }
  const left = capacity - fixed;
  return columns.map((c) => ({
    width: c.center ? c.natural : (left * Math.min(c.natural, LONG_CELL + MARGIN)) / wanted,
    center: c.center,
  }));
}
