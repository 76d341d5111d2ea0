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
  const widths = columns.map((c) => (c.center ? c.natural : (left * Math.min(c.natural, LONG_CELL + MARGIN)) / wanted));
  const cells = columns.map((_, i) => [header[i] ?? [], ...rows.map((row) => row[i] ?? [])]);
  return avoidStrays(
    widths,
    cells,
    columns.map((c) => !c.center),
  ).map((width, i) => ({ width, center: columns[i]!.center }));
}

/** What the cell margins (5 pt each side, in both writers) leave of a column, in characters of 14 pt. */
const CELL_PADDING = 10 / 14;
/** How far a column may give way to another, in characters. */
const MAX_SHIFT = 3;

/** Lines of a cell that hold a single character, in a column `width` characters wide. */
function strays(cells: readonly Cell[], width: number): number {
  const room = Math.floor(width - CELL_PADDING + 1e-9);
  if (room < 2) return 0;
  let count = 0;
  for (const cell of cells) {
    for (const line of cell) {
      const length = textWidth(lineText(line));
      if (length <= room) continue;
      const last = length - room * Math.floor((length - 1e-9) / room);
      if (last <= 1) count++;
    }
  }
  return count;
}

/**
 * Widths moved between the long columns, half a character at a time and at most three, so that
 * no cell leaves one character alone on its last line (“人”, “率”), when such a split exists;
 * the plan that moves least among those with the fewest strays.
 */
function avoidStrays(widths: number[], cells: readonly Cell[][], flexible: readonly boolean[]): number[] {
  const total = (w: readonly number[]) => w.reduce((sum, width, i) => sum + (flexible[i] ? strays(cells[i] ?? [], width) : 0), 0);
  let best = widths;
  let bestStrays = total(widths);
  for (let round = 0; round < 3 && bestStrays > 0; round++) {
    let found: { widths: number[]; strays: number; moved: number } | undefined;
    for (let from = 0; from < best.length; from++) {
      for (let to = 0; to < best.length; to++) {
        if (from === to || !flexible[from] || !flexible[to]) continue;
        for (let shift = 0.5; shift <= MAX_SHIFT; shift += 0.5) {
          if ((best[from] ?? 0) - shift < 2 + CELL_PADDING) break;
          const next = best.map((w, i) => (i === from ? w - shift : i === to ? w + shift : w));
          const count = total(next);
          if (count < bestStrays && (!found || count < found.strays || (count === found.strays && shift < found.moved))) {
            found = { widths: next, strays: count, moved: shift };
          }
        }
      }
    }
    if (!found) break;
    best = found.widths;
    bestStrays = found.strays;
  }
  return best;
}
