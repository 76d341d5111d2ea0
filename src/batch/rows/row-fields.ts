import YAML from 'yaml';
import { quote } from '../../errors.js';
import { choiceCell, columnFor, dateValue, yearValue, type ColumnSpec } from '../roster/columns.js';
import type { TypeNames } from '../../templates/type-names.js';
import { isBlank, type Roster, type RosterCell, type RosterRow } from '../roster/roster.js';

/** A problem with one row of a roster, at a column when one is to blame. */
export interface RowProblem {
  /** The row number a person sees (see {@link RosterRow.row}). */
  row: number;
  /** 1-based column of a CSV or Excel sheet. */
  column?: number;
  /** The column's header as written in the roster (or the YAML key). */
  header?: string;
  message: string;
}

/** A problem at a cell of a row. */
export function cellProblem(row: RosterRow, cell: RosterCell | undefined, message: string): RowProblem {
  if (!cell) return { row: row.row, message };
  return { row: cell.line ?? row.row, ...(cell.column !== undefined ? { column: cell.column } : {}), header: cell.header, message };
}

/** A row's outline fields, keyed as in plan.yaml, with the cell each came from. */
export interface RowFields {
  fields: Record<string, unknown>;
  sources: Map<string, RosterCell>;
  problems: RowProblem[];
}

/**
 * What Excel and WPS show in a cell whose formula failed. Saved to CSV, or computed into an
 * .xlsx, they arrive as text: “#REF!” was once a union's name.
 */
const SPREADSHEET_ERROR =
  /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

const ERROR_MEANINGS: Readonly<Record<string, string>> = {
  '#REF!': '公式引用的单元格已被删除',
  '#N/A': '查找公式没有找到对应的值',
  '#VALUE!': '公式中的值类型不对',
  '#DIV/0!': '公式除以了零',
  '#NAME?': '公式中有无法识别的名称',
  '#NULL!': '公式中的区域没有交集',
  '#NUM!': '公式中的数字无效',
};

/** Text of a CSV or Excel cell: numbers as their digits, text trimmed. */
function cellText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : String(value);
}

/**
 * One cell's value as the outline wants it. Table cells are text (or Excel numbers), so their
 * Chinese forms are translated and their lists are read as YAML; a YAML roster's values are
 * already shaped and pass as they are, for the outline validator to judge.
 */
function fieldValue(spec: ColumnSpec, value: unknown, table: boolean, types: TypeNames): { value?: unknown; problem?: string } {
  const text = typeof value === 'string' ? value : undefined;
  switch (spec.shape) {
    case 'type': {
      // A list or a mapping is no type either; left to the validator it failed with no reason.
      if (typeof value !== 'string' && typeof value !== 'number')
        return { problem: `类型 ${quote(value)} 无效，应为 ${types.list} 之一（一个类型名，不是列表或键值对）` };
      const type = types.resolve(cellText(value));
      return type ? { value: type } : { problem: `类型 ${quote(value)} 无效，应为 ${types.list} 之一` };
    }
    case 'year':
      return { value: text !== undefined ? yearValue(text) : value };
    case 'choice':
      return { value: text !== undefined ? choiceCell(spec.field, text) : value };
    case 'date':
      return { value: text !== undefined ? dateValue(text) : value };
    case 'text':
      return { value: table || text !== undefined ? cellText(value) : value };
    case 'paragraph':
      return { value: table && text === undefined ? String(value) : value };
    case 'structured': {
      if (!table || text === undefined) return { value };
      try {
        return { value: YAML.parse(text) as unknown };
      } catch {
        return {
          problem: `${spec.header}（${spec.key}）应写成 YAML 列表或键值对，如 [{name: 入会率, value: 100, unit: "%"}]；这里不是有效的 YAML：请检查括号、引号是否成对，冒号后面是否有空格`,
        };
      }
    }
  }
}

/**
 * Reads a row's cells into outline fields. Blank cells set nothing, so the row keeps the
 * starting outline's value; columns unionplan does not know are passed over.
 */
export function rowFields(roster: Roster, row: RosterRow, types: TypeNames): RowFields {
  const fields: Record<string, unknown> = {};
  const sources = new Map<string, RosterCell>();
  const problems: RowProblem[] = [];
  if (row.problem) problems.push({ row: row.row, message: row.problem });
  const table = roster.format !== 'yaml';
  for (const cell of row.cells) {
    const spec = columnFor(cell.header);
    if (!spec) continue;
    const earlier = sources.get(spec.key);
    if (earlier) {
      problems.push(cellProblem(row, cell, `与 ${quote(earlier.header)} 都表示${spec.header}（${spec.key}），只能保留一个`));
      continue;
    }
    sources.set(spec.key, cell);
    if (isBlank(cell.value)) continue;
    const error = typeof cell.value === 'string' ? SPREADSHEET_ERROR.exec(cell.value.trim())?.[0] : undefined;
    if (error !== undefined) {
      problems.push(
        cellProblem(
          row,
          cell,
          `这一格是表格的错误值 ${quote(error)}（${ERROR_MEANINGS[error.toUpperCase()] ?? '公式出错'}），不是${spec.header}。请在 Excel 或 WPS 中改正这一格的公式，或直接填写内容`,
        ),
      );
      continue;
    }
    const { value, problem } = fieldValue(spec, cell.value, table, types);
    if (problem) problems.push(cellProblem(row, cell, problem));
    else fields[spec.key] = value;
  }
  return { fields, sources, problems };
}

/**
 * `第5行 “类型”列: …` (a YAML roster: `第12行 “type”: …`), with the roster file in front
 * when given: `units.csv:第5行 “类型”列: …`.
 */
export function describeProblem(problem: RowProblem, file?: string): string {
  const where = `第${problem.row}行${problem.header !== undefined ? ` “${problem.header}”${problem.column !== undefined ? '列' : ''}` : ''}`;
  return `${file !== undefined ? `${file}:` : ''}${where}: ${problem.message}`;
}

/**
 * The union's name as a row gives it, trimmed: what its files are named after. Read straight
 * from the cell, so that every row has its name (and every union its file name) whether or
 * not the rest of the row is valid, and whichever `--shard` it falls in.
 */
export function rowName(row: RosterRow): string | undefined {
  const cell = row.cells.find((c) => columnFor(c.header)?.key === 'org');
  const value = cell?.value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return String(value).trim() || undefined;
}
