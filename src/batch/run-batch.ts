import { basename } from 'node:path';
import { currentSession } from '../session/session.js';
import { TemplateRegistry } from '../templates/registry.js';
import type { BatchOptions, BatchOutcome, BatchSettings } from './batch-options.js';
import { planUnits } from './jobs/plan-units.js';
import { settleExistingOutputs } from './output/existing-outputs.js';
import { buildUnits } from './pool/build-units.js';
import { machineJobs } from './pool/pool.js';
import { finishRun } from './report/finish-run.js';
import { SILENT } from './report/progress.js';
import { reportFormat } from './report/report-file.js';
import { loadRoster } from './roster/load-roster.js';

export type { BatchOptions, BatchOutcome } from './batch-options.js';

/**
 * Runs a batch, phase by phase: read the roster (roster/), make each row of this shard an outline
 * and a job (rows/, jobs/), check every output before the first is written (output/), build the
 * plans in worker threads (pool/), and write the zip and the report (report/). Mistakes in the
 * list as a whole throw before anything is written; a bad row only fails itself.
 *
 * It runs in the current session (`session/session.ts`): aborting it lets the plans being built
 * finish, cancels the rest, and still writes the report; the zip is then left out. It never
 * handles a signal nor ends the process.
 */
export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const settings: BatchSettings = {
    ...options,
    emit: options.emit ?? 'plan',
    force: options.force ?? false,
    skipExisting: options.skipExisting ?? false,
    jobs: options.jobs ?? machineJobs(),
    progress: options.progress ?? SILENT,
    log: options.log ?? (() => {}),
  };
  const today = options.today ?? new Date();
  const report = options.report !== undefined ? { file: options.report, format: reportFormat(options.report) } : undefined;
  const registry = new TemplateRegistry(options.templates);

  const loaded = await loadRoster(settings, registry, today);
  const planned = await planUnits(loaded, settings, registry, today);
  await settleExistingOutputs(settings, planned);
  const startedAt = new Date();
  const interrupted = await buildUnits(planned, settings);
  const units = planned.map((p) => p.unit);
  const session = currentSession();
  await finishRun({ roster: loaded.roster.file, units, startedAt, interrupted, ...(report ? { report } : {}) }, settings, session.signal);
  return { units, interrupted: interrupted || session.aborted, roster: basename(loaded.roster.file) };
}
