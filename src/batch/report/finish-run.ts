import { writeFileAtomic } from '../../io/write-file.js';
import type { BatchSettings } from '../batch-options.js';
import { writeZip } from '../output/zip.js';
import { reportText, type ReportFormat } from './report-file.js';
import type { UnitResult } from './unit-result.js';

/** How the run went, for its zip and report. */
export interface RunEnd {
  /** The roster file as given. */
  roster: string;
  units: UnitResult[];
  startedAt: Date;
  interrupted: boolean;
  report?: { file: string; format: ReportFormat };
}

/**
 * The last phase: the zip of every finished union (not after an interruption: no zip rather than
 * half of one) and the report. Both were checked against existing files before the run.
 */
export async function finishRun(end: RunEnd, options: BatchSettings, signal: AbortSignal): Promise<void> {
  let zipped: string | undefined;
  if (options.zip !== undefined && !end.interrupted) {
    const names = end.units.flatMap((unit) => (unit.status === 'done' || unit.status === 'skipped' ? unit.files : []));
    try {
      await writeZip(options.zip, options.outDir, names, { force: options.force || options.skipExisting, signal });
      zipped = options.zip;
    } catch (error) {
      // Ctrl-C while packing: no zip rather than half of one.
      if ((error as Error).name !== 'AbortError') throw error;
    }
  }
  if (!end.report) return;
  const text = reportText(
    {
      roster: end.roster,
      out: options.outDir,
      outputs: options.emit === 'outline' ? ['outline'] : options.formats,
      ...(options.shard ? { shard: `${options.shard.k}/${options.shard.n}` } : {}),
      startedAt: end.startedAt,
      finishedAt: new Date(),
      interrupted: end.interrupted || signal.aborted,
      ...(zipped !== undefined ? { zip: zipped } : {}),
      units: end.units,
    },
    end.report.format,
  );
  // Checked before the run: replaced only with --force, or by the run --skip-existing resumes.
  await writeFileAtomic(end.report.file, text, { force: options.force || options.skipExisting });
}
