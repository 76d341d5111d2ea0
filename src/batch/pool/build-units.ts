import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { removeLeftoverTemps } from '../../io/write-file.js';
import { currentSession } from '../../session/session.js';
import type { BatchSettings } from '../batch-options.js';
import type { JobSettings } from '../jobs/plan-job.js';
import type { PlannedUnit } from '../jobs/plan-units.js';
import { jobQueue, machineJobs, type JobQueue } from './pool.js';

/**
 * The jobs of the run, built in worker threads (or this thread from the TypeScript sources), each
 * union's result filled in as its job ends. An abort of the session (Ctrl-C in the CLI) lets the
 * plans being built finish and cancels the rest (`not-run`); disposing the session mid-run (a
 * second Ctrl-C) stops the workers where they are and removes their temporary files. Returns
 * whether the run was interrupted.
 */
export async function buildUnits(planned: readonly PlannedUnit[], options: BatchSettings): Promise<boolean> {
  const session = currentSession();
  const jobs = Math.min(options.jobs, machineJobs());
  if (jobs < options.jobs)
    options.log(`提示：--jobs ${options.jobs} 超过本机能同时运行的份数（${jobs}，按处理器数和内存计），按 ${jobs} 份同时生成`);
  const todo = planned.filter((p) => p.job);
  const ours = new Set(todo.flatMap((p) => p.targets));
  let queue: JobQueue | undefined;
  const forgetCleanUp = session.onDispose(() => {
    queue?.kill();
    options.progress.stop();
    removeLeftoverTemps(options.outDir, ours);
  });
  const stopListening = session.onStop(() => {
    queue?.cancelQueued();
    options.progress.stop();
    options.log('\n正在停止：等待正在生成的计划完成（再按一次 Ctrl-C 立即退出）…');
  });
  try {
    // Stopped before it began: nothing is started.
    if (session.aborted) for (const p of todo) p.unit.status = 'not-run';
    else if (todo.length > 0) {
      const settings: JobSettings = {
        outDir: options.outDir,
        force: options.force,
        strict: options.strict ?? false,
        ...(options.configFile ? { configFile: options.configFile } : {}),
        list: options.list,
        ...(options.templates ? { templatesDir: options.templates } : {}),
        ...(options.fontDirs ? { fontDirs: options.fontDirs } : {}),
      };
      queue = jobQueue(settings, Math.max(1, Math.min(jobs, todo.length)));
      await runQueue(todo, queue, options, session.signal);
    }
    if (session.aborted) removeLeftoverTemps(options.outDir, ours);
    return session.aborted;
  } finally {
    stopListening();
    forgetCleanUp();
  }
}

/** Submits every job and fills in each union's result as its job ends. */
async function runQueue(todo: readonly PlannedUnit[], queue: JobQueue, options: BatchSettings, signal: AbortSignal): Promise<void> {
  options.progress.start(todo.length);
  await Promise.all(
    todo.map(async (p) => {
      const result = await queue.submit(p.job!);
      const unit = p.unit;
      if (!result) {
        unit.status = 'not-run';
        return;
      }
      // Files found already (--skip-existing) count as this union's too.
      const written = new Set(result.files);
      unit.files = p.targets.filter((name) => written.has(name) || (!result.error && existsSync(join(options.outDir, name))));
      unit.notes.push(...result.warnings);
      if (result.error) {
        unit.status = 'failed';
        unit.problems = result.error.messages.map((message) => ({ row: unit.row, message }));
      } else unit.status = 'done';
      if (!signal.aborted) options.progress.tick(unit);
    }),
  );
  await queue.close();
  options.progress.stop();
}
