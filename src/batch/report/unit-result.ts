import type { RowProblem } from '../rows/row-fields.js';

/**
 * How a union of the roster ended:
 * - `done`: its files were written;
 * - `skipped`: they were all there already (`--skip-existing`);
 * - `invalid`: its row has a mistake, nothing was built;
 * - `failed`: building or writing failed;
 * - `not-run`: the run was interrupted before its turn.
 */
export type UnitStatus = 'done' | 'skipped' | 'invalid' | 'failed' | 'not-run';

/** Chinese words for a status on the terminal. */
export const STATUS_NAMES: Readonly<Record<UnitStatus, string>> = {
  done: '完成',
  skipped: '已存在，跳过',
  invalid: '行有误',
  failed: '失败',
  'not-run': '未处理',
};

/** One union's line of the summary and the report. */
export interface UnitResult {
  /** 1-based place in the roster (blank rows not counted). */
  index: number;
  /** The row number a person sees (Excel's row, or the YAML line). */
  row: number;
  name?: string;
  type?: string;
  status: UnitStatus;
  /** Files of this union in the output folder, written now or (skipped) found there. */
  files: string[];
  /** Where the row's mistakes are, or why building failed. */
  problems: RowProblem[];
  /** Things to know that did not stop the plan (a renamed file, a font substituted …). */
  notes: string[];
}

/** Whether a status counts as a failure for the exit status. */
export function isFailure(status: UnitStatus): boolean {
  return status === 'invalid' || status === 'failed';
}
