import stringWidth from 'string-width';
import { visible } from '../../io/terminal.js';
import { describeProblem } from '../rows/row-fields.js';
import { STATUS_NAMES, type UnitResult, type UnitStatus } from './unit-result.js';

/** Pads to a display width: a Chinese character takes two columns of a terminal. */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** The error (or the note) a union's line shows: the first of them, and how many more. */
function remark(unit: UnitResult): string {
  const first = unit.problems[0];
  const more = unit.problems.length > 1 ? `（另有 ${unit.problems.length - 1} 处）` : '';
  if (first) return describeProblem(first) + more;
  return unit.notes.join('；');
}

/** The count of each status, in a fixed order. */
export function countStatuses(units: readonly UnitResult[]): Record<UnitStatus, number> {
  const counts: Record<UnitStatus, number> = { done: 0, skipped: 0, invalid: 0, failed: 0, 'not-run': 0 };
  for (const unit of units) counts[unit.status]++;
  return counts;
}

/**
 * The table printed when a batch ends — union, status, files, error — and a line of totals.
 * The error column comes last, so that a long message only wraps its own line.
 */
export function summaryTable(units: readonly UnitResult[]): string {
  const head = ['单位', '状态', '文件', '错误或说明'];
  // Made visible here already, so that the columns are measured as they will be shown.
  const rows = units.map((unit) => [
    visible(unit.name ?? `（第${unit.row}行）`),
    STATUS_NAMES[unit.status],
    visible(unit.files.join('、')),
    visible(remark(unit)),
  ]);
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i]!))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i]!)))
      .join('  ')
      .trimEnd();
  const counts = countStatuses(units);
  const total =
    `共 ${units.length} 个单位：完成 ${counts.done}，已存在跳过 ${counts.skipped}，行有误 ${counts.invalid}，失败 ${counts.failed}` +
    (counts['not-run'] > 0 ? `，未处理 ${counts['not-run']}` : '');
  return `${[line(head), ...rows.map(line), total].join('\n')}\n`;
}

/**
 * Every problem of the failed unions, one line each, for the error that closes a run:
 * `units.csv:第5行 “类型”列: …` for a bad row, `units.csv:第5行 名称: …` for a failed build.
 */
export function failureLines(roster: string, units: readonly UnitResult[]): string[] {
  return units.flatMap((unit) => {
    if (unit.status === 'invalid') return unit.problems.map((problem) => describeProblem(problem, roster));
    if (unit.status === 'failed') return unit.problems.map((problem) => `${roster}:第${unit.row}行 ${unit.name ?? ''}: ${problem.message}`);
    return [];
  });
}
