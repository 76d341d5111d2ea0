import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { errnoReason } from '../../io/errno.js';
import { clobberProblems, type Target } from '../../io/targets.js';
import type { BatchSettings } from '../batch-options.js';
import type { PlannedUnit } from '../jobs/plan-units.js';

/** Up to five names, then how many more. */
function some(names: readonly string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join('、')} 等 ${names.length} 个` : names.join('、');
}

/**
 * Refuses, before anything is written, to write over files without `--force`: one run that
 * writes half its roster and then fails on every existing file helps nobody.
 */
function refuseExisting(outDir: string, existing: readonly string[], zip: string | undefined, report: string | undefined): void {
  const problems = [];
  if (existing.length > 0) {
    problems.push({
      file: outDir,
      message: `输出文件夹中已有同名文件：${some(existing)}。要覆盖请加 --force；要接着上次中断的运行继续、跳过已生成的，请加 --skip-existing`,
    });
  }
  if (zip !== undefined)
    problems.push({ file: zip, message: '压缩包已存在，未覆盖。要覆盖请加 --force（或与 --skip-existing 同用，重新打包）' });
  if (report !== undefined)
    problems.push({
      file: report,
      message: '报告文件已存在，未覆盖。要覆盖请加 --force（或与 --skip-existing 同用，接着上次的运行）；或换一个 --report 文件名',
    });
  if (problems.length > 0) throw new UserError('output', problems);
}

/**
 * Refuses, before anything is written, a report or zip that would land on the roster, the base
 * outline, one of the plans, or each other: `--report units.csv` once replaced the roster.
 */
function refuseSharedPaths(options: BatchSettings, planned: readonly PlannedUnit[]): void {
  const extra: Target[] = [];
  if (options.zip !== undefined) extra.push({ file: options.zip, from: '--zip' });
  if (options.report !== undefined) extra.push({ file: options.report, from: '--report' });
  if (extra.length === 0) return;
  const plans = planned.flatMap((p) =>
    p.targets.map((name) => ({ file: join(options.outDir, name), from: `${p.unit.name ?? `第${p.unit.row}行`}的计划` })),
  );
  const inputs = [options.list, ...(options.outline !== undefined ? [options.outline] : [])];
  // Existing files are judged later (--force, --skip-existing); here only paths shared.
  const problems = clobberProblems([...extra, ...plans], { inputs, force: true });
  if (problems.length > 0) throw new UserError('output', problems);
}

/**
 * All outputs checked before the first is written: paths shared with an input or each other,
 * and files already there — refused without `--force` or `--skip-existing`; with
 * `--skip-existing`, a union whose files are all there is skipped, and one stopped between its
 * DOCX and its PDF builds only what is missing. Then the output folder is made.
 */
export async function settleExistingOutputs(options: BatchSettings, planned: PlannedUnit[]): Promise<void> {
  const outDir = options.outDir;
  const exists = (name: string): boolean => existsSync(join(outDir, name));
  const zipExists = options.zip !== undefined && existsSync(options.zip);
  const reportExists = options.report !== undefined && existsSync(options.report);
  refuseSharedPaths(options, planned);
  if (!options.force) {
    const existing = planned.flatMap((p) => p.targets.filter(exists));
    if (!options.skipExisting)
      refuseExisting(outDir, existing, zipExists ? options.zip : undefined, reportExists ? options.report : undefined);
    for (const p of planned) {
      if (!p.job) continue;
      const missing = p.targets.filter((name) => !exists(name));
      if (missing.length === 0) {
        p.unit.status = 'skipped';
        p.unit.files = [...p.targets];
        p.job = undefined;
      } else if (p.job.kind === 'build' && missing.length < p.targets.length) {
        // Only the formats still missing: a run stopped between a union's DOCX and its PDF.
        p.job.formats = options.formats.filter((_, i) => missing.includes(p.targets[i]!));
      }
    }
  }
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new UserError('output', [{ file: outDir, message: `无法创建输出文件夹：${errnoReason(error)}` }]);
  }
}
