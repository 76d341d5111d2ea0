import { dirname, relative, resolve } from 'node:path';
import { CONFIG_FILE } from '../../config/config-fields.js';
import { unitConfig } from '../unit-config.js';
import { machineJobs } from '../../batch/pool/pool.js';
import { progressFor } from '../../batch/report/progress.js';
import { runBatch } from '../../batch/run-batch.js';
import { countStatuses, failureLines, summaryTable } from '../../batch/report/summary.js';
import { isFailure } from '../../batch/report/unit-result.js';
import { UserError, quote } from '../../errors.js';
import { parseFormats } from '../../writers/index.js';
import type { BatchCommandOptions } from './batch-options.js';

/** A path as the user would type it: relative to the working folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/**
 * What `unionplan batch` does. Kept apart from the command's registration and loaded only when
 * the command runs: roster readers, encodings and the worker pool are large, and every other
 * command would otherwise pay for them at start-up.
 */
export async function batchAction(list: string, options: BatchCommandOptions): Promise<void> {
  if (options.emit !== 'plan' && options.emit !== 'outline') {
    throw new UserError('usage', `--emit 的值 ${quote(options.emit)} 无效，应为 plan（生成计划文件）或 outline（生成提纲）`);
  }
  if (options.emit === 'outline' && options.format !== undefined) {
    throw new UserError('usage', '--emit outline 生成的是提纲（.yaml），不能同时用 --format');
  }
  if (options.force && options.skipExisting) {
    throw new UserError('usage', '--force（覆盖）和 --skip-existing（跳过）只能选一个');
  }
  // The unit's defaults: those of the roster's folder, or --config; the options come first.
  const config = unitConfig(dirname(resolve(list)), options.config);
  const out = options.out ?? config?.out;
  if (out === undefined)
    throw new UserError('usage', `缺少必填选项 --out（输出文件夹），如 --out 计划；也可写在 ${CONFIG_FILE} 的 out: 一行`);
  const formats =
    options.emit === 'outline' ? [] : options.format !== undefined ? parseFormats(options.format) : (config?.formats ?? ['docx']);
  const templates = options.templates ?? config?.templates;
  const fontDirs = options.fontDir ?? config?.fontDirs;
  const defaults = { ...(config?.superior ? { superior: config.superior } : {}), ...(config?.fonts ? { fonts: config.fonts } : {}) };
  const outcome = await runBatch({
    list,
    formats,
    emit: options.emit,
    outDir: out,
    ...(config ? { configFile: config.file, defaults } : {}),
    ...(options.outline !== undefined ? { outline: options.outline } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    force: options.force ?? false,
    skipExisting: options.skipExisting ?? false,
    jobs: options.jobs ?? machineJobs(),
    ...(options.zip !== undefined ? { zip: options.zip } : {}),
    ...(options.shard !== undefined ? { shard: options.shard } : {}),
    ...(options.report !== undefined ? { report: options.report } : {}),
    ...(templates !== undefined ? { templates } : {}),
    ...(fontDirs !== undefined ? { fontDirs } : {}),
    strict: options.strict ?? false,
    progress: progressFor({ quiet: options.quiet }),
    log: (message) => process.stderr.write(`${message}\n`),
  });

  const counts = countStatuses(outcome.units);
  if (!options.quiet) {
    process.stdout.write(summaryTable(outcome.units));
    const where = [`输出文件夹：${shown(out)}`];
    if (options.report !== undefined) where.push(`报告：${shown(options.report)}`);
    if (options.zip !== undefined && !outcome.interrupted) where.push(`压缩包：${shown(options.zip)}`);
    process.stdout.write(`${where.join('；')}\n`);
  }
  if (outcome.interrupted) {
    const report = options.report !== undefined ? `，报告已写入 ${shown(options.report)}` : '';
    throw new UserError(
      'interrupted',
      `运行被中断：完成 ${counts.done} 个，未处理 ${counts['not-run']} 个${report}。已生成的文件都是完整的；在同一命令后加 --skip-existing 再运行即可接着生成${options.zip !== undefined ? '（压缩包在全部完成后生成）' : ''}`,
    );
  }
  if (outcome.units.some((unit) => isFailure(unit.status))) {
    throw new UserError(
      'partial',
      failureLines(outcome.roster, outcome.units).map((message) => ({ message })),
    );
  }
}
