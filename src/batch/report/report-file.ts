import { extname } from 'node:path';
import { UserError, quote } from '../../errors.js';
import { describeProblem } from '../rows/row-fields.js';
import { countStatuses } from './summary.js';
import type { UnitResult } from './unit-result.js';

export type ReportFormat = 'json' | 'csv';

/** `--report FILE`: its format from its extension, checked before anything is built. */
export function reportFormat(file: string): ReportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  throw new UserError('usage', `--report 的文件 ${quote(file)} 应以 .json 或 .csv 结尾（决定报告的格式）`);
}

/** What a run was asked to do and how it went. */
export interface BatchReport {
  roster: string;
  out: string;
  /** The formats built, or `['outline']` for `--emit outline`. */
  outputs: string[];
  /** `K/N` with `--shard`. */
  shard?: string;
  startedAt: Date;
  finishedAt: Date;
  /** Stopped by Ctrl-C: units not reached are `not-run`. */
  interrupted: boolean;
  /** Name of the zip written (`--zip`), when it was. */
  zip?: string;
  units: UnitResult[];
}

function json(report: BatchReport): string {
  const data = {
    roster: report.roster,
    out: report.out,
    outputs: report.outputs,
    shard: report.shard ?? null,
    startedAt: report.startedAt.toISOString(),
    finishedAt: report.finishedAt.toISOString(),
    interrupted: report.interrupted,
    zip: report.zip ?? null,
    counts: countStatuses(report.units),
    units: report.units.map((unit) => ({
      index: unit.index,
      row: unit.row,
      name: unit.name ?? null,
      type: unit.type ?? null,
      status: unit.status,
      files: unit.files,
      problems: unit.problems.map((p) => ({ row: p.row, column: p.column ?? null, header: p.header ?? null, message: p.message })),
      notes: unit.notes,
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * A CSV cell. A value starting with `=`, `+`, `-` or `@` is prefixed with `'`, so a union
 * named like a formula is shown, not run, by the Excel that opens the report.
 */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(report: BatchReport): string {
  const lines = [['index', 'row', 'union', 'type', 'status', 'files', 'error', 'notes'].join(',')];
  for (const unit of report.units) {
    const error = unit.problems.map((p) => describeProblem(p)).join('\n');
    lines.push(
      [unit.index, unit.row, unit.name ?? '', unit.type ?? '', unit.status, unit.files.join('; '), error, unit.notes.join('\n')]
        .map(cell)
        .join(','),
    );
  }
  // A byte-order mark, or Excel on Chinese Windows reads UTF-8 as GBK.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The report in its file's format. */
export function reportText(report: BatchReport, format: ReportFormat): string {
  return format === 'json' ? json(report) : csv(report);
}
