/**
 * A worksheet part (`xl/worksheets/sheet1.xml`) read as it is inflated: its rows counted, and
 * for the sheet that is the roster, its cells turned into plain values — shared and inline
 * strings (rich text joined), numbers, dates as `YYYY-MM-DD`, booleans, error values such as
 * `#REF!` as text (refused later, where the column is known), what formulas last computed.
 * Merged cells all hold the value of their first cell, as the reader before this one gave them.
 */
import { isoDay, type CellValue } from './cell-values.js';
import { RichText } from './shared-strings.js';
import { decodeXml, type XmlAttributes, type XmlHandler } from './xml-scanner.js';
import { quote } from '../../../errors.js';
import { columnLetter } from '../roster.js';

/** Excel's last column (XFD) and row. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
/** Cells merged cells may fill: ranges beyond what a roster could use are refused, not filled. */
const MAX_MERGED_CELLS = 1_000_000;
/** Cell problems listed one by one; more are counted. */
const MAX_LISTED = 20;

/** What the cells of the roster sheet need from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  isDateStyle(style: number): boolean;
  date1904: boolean;
  /** Rows past which cells are no longer kept (the sheet will be refused as too long). */
  maxRows: number;
}

/** A row of the sheet: its number and its values from column A (index 0). */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

/** `B7` → { column: 2, row: 7 }; undefined for what is not a cell address. */
export function parseAddress(address: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Za-z]{1,7})\$?(\d{1,9})$/.exec(address.trim());
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return { column, row: Number(match[2]) };
}

interface OpenCell {
  address: string;
  column: number;
  row: number;
  type: string;
  style: number;
  raw: string;
  hasValue: boolean;
  inValue: boolean;
  inInline: boolean;
}

/**
 * Reads one worksheet part. With `context`, keeps its cells (see {@link SheetReader.rows});
 * without, only counts its rows, for the limit on rows.
 */
export class SheetReader implements XmlHandler {
  /** Rows that hold cells (`<row>…</row>`, not an empty `<row/>`), as the row limit counts them. */
  rowCount = 0;
  /** Cell problems, each naming its cell: `B7 单元格：…`. */
  readonly problems: string[] = [];
  private problemCount = 0;
  private readonly values = new Map<number, CellValue[]>();
  private readonly merges: string[] = [];
  private inSheetData = false;
  private row = 0;
  private column = 0;
  private lastRow = 0;
  private lastColumn = 0;
  private cell: OpenCell | undefined;
  private readonly rich = new RichText();

  constructor(private readonly context?: SheetContext) {}

  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void {
    if (this.cell) {
      this.openInCell(name, selfClosing);
      return;
    }
    if (name === 'sheetData') this.inSheetData = !selfClosing;
    else if (name === 'mergeCell' && attributes.ref !== undefined && this.context) this.merges.push(attributes.ref);
    if (!this.inSheetData) return;
    if (name === 'row') {
      if (!selfClosing) this.rowCount++;
      const number = attributes.r === undefined ? this.row + 1 : Number(attributes.r);
      if (!Number.isInteger(number) || number < 1 || number > MAX_ROW) {
        this.problem(`行号 ${quote(attributes.r ?? '')} 无效（Excel 的行号为 1 到 ${MAX_ROW}）`);
        this.row += 1;
      } else this.row = number;
      this.column = 0;
      this.lastRow = Math.max(this.lastRow, this.row);
    } else if (name === 'c' && this.context && this.rowCount <= this.context.maxRows) {
      const address = attributes.r;
      let column = this.column + 1;
      let row = this.row;
      if (address !== undefined) {
        const parsed = parseAddress(address);
        if (!parsed || parsed.column > MAX_COLUMN || parsed.row > MAX_ROW || parsed.row < 1) {
          this.problem(`单元格地址 ${quote(address)} 无效（Excel 的单元格从 A1 到 XFD${MAX_ROW}）`);
          if (!selfClosing)
            this.cell = { address, column: 0, row: 0, type: '', style: 0, raw: '', hasValue: false, inValue: false, inInline: false };
          return;
        }
        ({ column, row } = parsed);
      }
      this.column = column;
      this.lastColumn = Math.max(this.lastColumn, column);
      const cell: OpenCell = {
        address: address ?? `${columnLetter(column)}${row}`,
        column,
        row,
        type: attributes.t ?? 'n',
        style: Number(attributes.s ?? 0) || 0,
        raw: '',
        hasValue: false,
        inValue: false,
        inInline: false,
      };
      if (selfClosing) this.finish(cell);
      else this.cell = cell;
    }
  }

  close(name: string): void {
    const cell = this.cell;
    if (cell) {
      if (name === 'c') {
        this.cell = undefined;
        if (cell.column > 0) this.finish(cell);
      } else if (name === 'v') cell.inValue = false;
      else if (name === 'is') cell.inInline = false;
      else if (cell.inInline) this.rich.close(name);
      return;
    }
    if (name === 'sheetData') this.inSheetData = false;
  }

  text(raw: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (cell.inValue) cell.raw += raw;
    else if (cell.inInline) this.rich.text(raw);
  }

  /**
   * The sheet's rows in order, each from column A, merged cells filled from their first cell.
   * Rows without a value are left out.
   */
  rows(): SheetRow[] {
    this.fillMerges();
    return [...this.values.entries()]
      .filter(([, cells]) => cells.some((value) => value !== undefined))
      .sort(([a], [b]) => a - b)
      .map(([row, cells]) => ({ row, cells }));
  }

  /** How many cell problems there were, listed or not. */
  get totalProblems(): number {
    return this.problemCount;
  }

  private openInCell(name: string, selfClosing: boolean): void {
    const cell = this.cell!;
    if (cell.inInline) this.rich.open(name, selfClosing);
    else if (name === 'v' && !selfClosing) {
      cell.inValue = true;
      cell.hasValue = true;
    } else if (name === 'is') {
      cell.hasValue = true;
      cell.inInline = !selfClosing;
      this.rich.take();
    }
  }

  private problem(message: string): void {
    this.problemCount++;
    if (this.problems.length < MAX_LISTED) this.problems.push(message);
  }

  private cellProblem(cell: OpenCell, message: string): void {
    this.problem(`${cell.address} 单元格：${message}`);
  }

  /** Turns a closed cell into its value and keeps it. */
  private finish(cell: OpenCell): void {
    const value = this.valueOf(cell);
    if (value === undefined) {
      // An empty cell still makes its row a row, for merged cells to fill.
      if (!this.values.has(cell.row)) this.values.set(cell.row, []);
      return;
    }
    let cells = this.values.get(cell.row);
    if (!cells) {
      cells = [];
      this.values.set(cell.row, cells);
    }
    cells[cell.column - 1] = value;
  }

  private valueOf(cell: OpenCell): CellValue {
    const context = this.context!;
    if (cell.type === 'inlineStr') return cell.hasValue ? (cell.raw !== '' ? decodeXml(cell.raw) : this.rich.take()) : undefined;
    if (!cell.hasValue) return undefined;
    const raw = decodeXml(cell.raw);
    switch (cell.type) {
      case 's': {
        const text = /^\s*\d+\s*$/.test(raw) ? context.sharedStrings[Number(raw)] : undefined;
        if (text === undefined)
          this.cellProblem(cell, `共享字符串编号 ${quote(raw)} 不存在（工作簿中只有 ${context.sharedStrings.length} 条），文件可能已损坏`);
        return text;
      }
      case 'str':
        return raw;
      case 'e':
        return raw.trim();
      case 'b': {
        const flag = raw.trim().toLowerCase();
        if (flag === '1' || flag === 'true') return true;
        if (flag === '0' || flag === 'false') return false;
        this.cellProblem(cell, `逻辑值 ${quote(raw)} 无效，应为 1（TRUE）或 0（FALSE）`);
        return undefined;
      }
      case 'd': {
        const day = /^\s*(\d{4}-\d{2}-\d{2})/.exec(raw)?.[1];
        if (day === undefined) this.cellProblem(cell, `日期 ${quote(raw)} 无效，应为 ISO 8601 日期，如 2027-01-05`);
        return day;
      }
      case 'n': {
        if (raw.trim() === '') return undefined;
        const number = Number(raw);
        if (!Number.isFinite(number)) {
          this.cellProblem(cell, `数值 ${quote(raw)} 无效`);
          return undefined;
        }
        return context.isDateStyle(cell.style) ? isoDay(number, context.date1904) : number;
      }
      default:
        this.cellProblem(cell, `单元格类型 ${quote(cell.type)} 未知（值为 ${quote(raw)}），文件可能已损坏`);
        return undefined;
    }
  }

  /** Every cell of a merged range takes the value of its top-left cell, within the rows and columns used. */
  private fillMerges(): void {
    let filled = 0;
    for (const ref of this.merges) {
      const [from, to = from] = ref.split(':');
      const start = parseAddress(from ?? '');
      const end = parseAddress(to ?? '');
      if (!start || !end) {
        this.problem(`合并单元格的范围 ${quote(ref)} 无效`);
        continue;
      }
      const master = this.values.get(start.row)?.[start.column - 1];
      if (master === undefined) continue;
      const bottom = Math.min(end.row, this.lastRow);
      const right = Math.min(end.column, this.lastColumn);
      for (let row = start.row; row <= bottom; row++) {
        for (let column = start.column; column <= right; column++) {
          if (row === start.row && column === start.column) continue;
          if (++filled > MAX_MERGED_CELLS) {
            this.problem(`合并单元格 ${quote(ref)} 等合并的范围过大（超过 ${MAX_MERGED_CELLS} 格），不像是名录`);
            return;
          }
          let cells = this.values.get(row);
          if (!cells) {
            cells = [];
            this.values.set(row, cells);
          }
          cells[column - 1] = master;
        }
      }
    }
  }
}
