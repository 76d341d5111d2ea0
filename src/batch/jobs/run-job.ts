import { basename, join } from 'node:path';
import { UserError, formatProblem } from '../../errors.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { buildOutline } from '../../pipeline.js';
import { TemplateRegistry } from '../../templates/registry.js';
import { expectManyPdfs } from '../../writers/pdf/pdf-faces.js';
import { batchCheckSettings, checkBatchPlan } from './check-hook.js';
import type { JobResult, JobSettings, PlanJob } from './plan-job.js';

/**
 * The function that does one job, for a worker thread or, without workers, the main thread:
 * the same pipeline as `build` (template, parser, writers, atomic writes). A failure becomes
 * the job's result, so one bad plan never stops the others.
 */
export function jobRunner(settings: JobSettings): (job: PlanJob) => Promise<JobResult> {
  const registry = new TemplateRegistry(settings.templatesDir);
  const check = { strict: settings.strict ?? false, settings: batchCheckSettings(settings.list, settings.configFile) };
  // Each runner lays out many plans in its session (a worker thread's, or the caller's): the
  // PDF writer gives them one compiler with the whole faces instead of subsetting for the first.
  expectManyPdfs();
  return async (job) => {
    const warnings: string[] = [];
    try {
      let files: string[];
      if (job.kind === 'text') {
        const file = join(settings.outDir, job.stem + job.extension);
        await writeFileAtomic(file, job.text, { force: settings.force });
        files = [file];
      } else {
        files = await buildOutline(job.outline, {
          registry,
          formats: job.formats,
          outDir: settings.outDir,
          stem: job.stem,
          force: settings.force,
          fontDirs: settings.fontDirs,
          source: job.source,
          warn: (warning) => warnings.push(`${basename(warning.file)}: ${warning.message}`),
          beforeWrite: (parsed, markdown) => checkBatchPlan(job.source, markdown, parsed, check, (message) => warnings.push(message)),
        });
      }
      return { id: job.id, files: files.map((file) => basename(file)), warnings };
    } catch (error) {
      if (error instanceof UserError) {
        return { id: job.id, files: [], warnings, error: { messages: error.problems.map(formatProblem), internal: false } };
      }
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { id: job.id, files: [], warnings, error: { messages: [`unionplan 内部错误（请报告给维护者）：${detail}`], internal: true } };
    }
  };
}
