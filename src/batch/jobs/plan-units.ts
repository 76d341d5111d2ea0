import { basename } from 'node:path';
import { commentedOutlineText } from '../../templates/new-outline.js';
import type { TemplateRegistry } from '../../templates/registry.js';
import { loadWriter } from '../../writers/index.js';
import type { BatchSettings } from '../batch-options.js';
import type { UnitResult } from '../report/unit-result.js';
import type { LoadedRoster } from '../roster/load-roster.js';
import { assignStems } from '../rows/file-names.js';
import { rowName } from '../rows/row-fields.js';
import { rowOutline } from '../rows/row-outline.js';
import { inShard } from '../rows/shard.js';
import type { PlanJob } from './plan-job.js';

/** A union of this run, its planned files and the job that builds them. */
export interface PlannedUnit {
  unit: UnitResult;
  job?: PlanJob;
  /** Names of the files it will have in the output folder, in format order. */
  targets: string[];
}

/** The extension each output gets; the writers say it themselves. */
async function extensions(options: BatchSettings): Promise<string[]> {
  if (options.emit === 'outline') return ['.yaml'];
  return Promise.all(options.formats.map(async (format) => (await loadWriter(format)).extension));
}

/**
 * Rows → jobs: each row of this shard made an outline (a bad row fails only itself, with its
 * problems) and, when valid, the job that writes its files under a name unique in the roster.
 */
export async function planUnits(
  loaded: LoadedRoster,
  options: BatchSettings,
  registry: TemplateRegistry,
  today: Date,
): Promise<PlannedUnit[]> {
  const { roster, base, types } = loaded;
  const where = basename(roster.file);
  const exts = await extensions(options);
  // File names are given over the whole roster, so that every shard and every resumed run
  // names a union alike.
  const stems = assignStems(roster.rows.map(rowName));
  const planned: PlannedUnit[] = [];
  for (const [i, row] of roster.rows.entries()) {
    if (!inShard(row.index, options.shard)) continue;
    const made = await rowOutline(row, {
      roster,
      registry,
      types,
      ...(base ? { base } : {}),
      today,
      ...(options.defaults ? { defaults: options.defaults } : {}),
    });
    const assigned = stems[i];
    const unit: UnitResult = {
      index: row.index,
      row: row.row,
      name: made.name,
      type: made.type,
      status: 'invalid',
      files: [],
      problems: made.problems,
      notes: [],
    };
    if (!made.outline || !made.fields || !assigned) {
      planned.push({ unit, targets: [] });
      continue;
    }
    if (assigned.clashesWith !== undefined) {
      const first = roster.rows[assigned.clashesWith]!;
      unit.notes.push(`与第${first.row}行的单位同名（或文件名相同），文件名改为 ${assigned.stem}`);
    }
    const targets = exts.map((ext) => assigned.stem + ext);
    const job: PlanJob =
      options.emit === 'outline'
        ? {
            kind: 'text',
            id: planned.length,
            stem: assigned.stem,
            extension: '.yaml',
            text: commentedOutlineText(await registry.get(made.outline.type), made.fields, {
              generator: 'unionplan batch',
              file: `${assigned.stem}.yaml`,
            }),
          }
        : {
            kind: 'build',
            id: planned.length,
            stem: assigned.stem,
            source: `${where}:第${row.row}行`,
            outline: made.outline,
            formats: options.formats,
          };
    planned.push({ unit, job, targets });
  }
  for (const { unit } of planned) {
    if (unit.notes.length > 0) options.log(`提示：${unit.name ?? ''}：${unit.notes.join('；')}`);
  }
  return planned;
}
