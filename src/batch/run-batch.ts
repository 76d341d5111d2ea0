import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError, quote } from '../errors.js';
import { errnoReason } from '../io/errno.js';
import { clobberProblems, type Target } from '../io/targets.js';
import { removeLeftoverTemps, writeFileAtomic } from '../io/write-file.js';
import { commentedOutlineText } from '../templates/new-outline.js';
import { TemplateRegistry } from '../templates/registry.js';
import { loadWriter } from '../writers/index.js';
import { loadBaseOutline } from './base-outline.js';
import { assignStems } from './file-names.js';
import type { PlanJob } from './plan-job.js';
import { typeNames } from '../templates/type-names.js';
import { Interrupt } from './interrupt.js';
import { jobQueue, machineJobs, type JobQueue } from './pool.js';
import type { Progress } from './progress.js';
import { readRoster } from './read-roster.js';
import { reportFormat, reportText } from './report-file.js';
import { checkRosterColumns } from './roster-columns.js';
import { rowName } from './row-fields.js';
import { rowOutline, type RowDefaults } from './row-outline.js';
import { inShard, type Shard } from './shard.js';
import type { UnitResult } from './unit-result.js';
import { writeZip } from './zip.js';

/** Everything `unionplan batch` is asked to do. */
export interface BatchOptions {
  /** The roster file (CSV, XLSX or YAML). */
  list: string;
  /** Formats to build (`--format`); unused with `emit: 'outline'`. */
  formats: string[];
  /** `plan`: finished documents; `outline`: one plan.yaml per union to fill in. */
  emit: 'plan' | 'outline';
  outDir: string;
  /** `--outline base.yaml`. */
  outline?: string;
  sheet?: string;
  force: boolean;
  skipExisting: boolean;
  jobs: number;
  zip?: string;
  shard?: Shard;
  report?: string;
  templates?: string;
  fontDirs?: string[];
  /** `--strict`: rows whose plan has a `check` error fail and are not written. */
  strict?: boolean;
  /** `--config FILE`: the unionplan.config.yaml whose `check:` applies instead of the roster's nearest. */
  configFile?: string;
  /** The unit's defaults (unionplan.config.yaml), under what the roster and `--outline` say. */
  defaults?: RowDefaults;
  today?: Date;
  progress: Progress;
  /** Notes and warnings for the user, before and after the run (stderr). */
  log: (message: string) => void;
}

/** How a batch ended. */
export interface BatchOutcome {
  units: UnitResult[];
  interrupted: boolean;
  /** The roster as named in messages. */
  roster: string;
}

/** A union of this run, its planned files and the job that builds them. */
interface Planned {
  unit: UnitResult;
  job?: PlanJob;
  /** Names of the files it will have in the output folder, in format order. */
  targets: string[];
}

/** The extension each output gets; the writers say it themselves. */
async function extensions(options: BatchOptions): Promise<string[]> {
  if (options.emit === 'outline') return ['.yaml'];
  return Promise.all(options.formats.map(async (format) => (await loadWriter(format)).extension));
}

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
  if (zip !== undefined) problems.push({ file: zip, message: '压缩包已存在，未覆盖。要覆盖请加 --force（或与 --skip-existing 同用，重新打包）' });
  if (report !== undefined) problems.push({ file: report, message: '报告文件已存在，未覆盖。要覆盖请加 --force（或与 --skip-existing 同用，接着上次的运行）；或换一个 --report 文件名' });
  if (problems.length > 0) throw new UserError('output', problems);
}

/**
 * Refuses, before anything is written, a report or zip that would land on the roster, the base
 * outline, one of the plans, or each other: `--report units.csv` once replaced the roster.
 */
function refuseSharedPaths(options: BatchOptions, planned: readonly Planned[]): void {
  const extra: Target[] = [];
  if (options.zip !== undefined) extra.push({ file: options.zip, from: '--zip' });
  if (options.report !== undefined) extra.push({ file: options.report, from: '--report' });
  if (extra.length === 0) return;
  const plans = planned.flatMap((p) => p.targets.map((name) => ({ file: join(options.outDir, name), from: `${p.unit.name ?? `第${p.unit.row}行`}的计划` })));
  const inputs = [options.list, ...(options.outline !== undefined ? [options.outline] : [])];
  // Existing files are judged later (--force, --skip-existing); here only paths shared.
  const problems = clobberProblems([...extra, ...plans], { inputs, force: true });
  if (problems.length > 0) throw new UserError('output', problems);
}

/**
 * Runs a batch: reads the roster, makes each row of this shard an outline, builds the plans in
 * worker threads, and writes the report and the zip. Mistakes in the list as a whole (no such
 * file, no recognised column, no union …) throw before anything is written; a bad row only
 * fails itself. Ctrl-C lets the plans being built finish, cancels the rest, and still writes
 * the report; the zip is then left out.
 */
export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const today = options.today ?? new Date();
  const report = options.report !== undefined ? { file: options.report, format: reportFormat(options.report) } : undefined;
  const registry = new TemplateRegistry(options.templates);
  const types = await typeNames(registry);
  const base = options.outline !== undefined ? await loadBaseOutline(options.outline, registry, today) : undefined;
  const roster = await readRoster(options.list, { sheet: options.sheet });
  checkRosterColumns(roster, typeof base?.fields.type === 'string');
  if (roster.ignoredHeaders.length > 0) {
    options.log(`提示：名录中的这些列不是计划的字段，已忽略：${roster.ignoredHeaders.map((h) => quote(h)).join('、')}`);
  }
  const where = basename(roster.file);
  const exts = await extensions(options);

  // File names are given over the whole roster, so that every shard and every resumed run
  // names a union alike.
  const stems = assignStems(roster.rows.map(rowName));
  const planned: Planned[] = [];
  for (const [i, row] of roster.rows.entries()) {
    if (!inShard(row.index, options.shard)) continue;
    const made = await rowOutline(row, { roster, registry, types, base, today, ...(options.defaults ? { defaults: options.defaults } : {}) });
    const assigned = stems[i];
    const unit: UnitResult = { index: row.index, row: row.row, name: made.name, type: made.type, status: 'invalid', files: [], problems: made.problems, notes: [] };
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
        ? { kind: 'text', id: planned.length, stem: assigned.stem, extension: '.yaml', text: commentedOutlineText(await registry.get(made.outline.type), made.fields, { generator: 'unionplan batch', file: `${assigned.stem}.yaml` }) }
        : { kind: 'build', id: planned.length, stem: assigned.stem, source: `${where}:第${row.row}行`, outline: made.outline, formats: options.formats };
    planned.push({ unit, job, targets });
  }
  for (const { unit } of planned) {
    if (unit.notes.length > 0) options.log(`提示：${unit.name ?? ''}：${unit.notes.join('；')}`);
  }

  const outDir = options.outDir;
  const exists = (name: string): boolean => existsSync(join(outDir, name));
  const zipExists = options.zip !== undefined && existsSync(options.zip);
  const reportExists = options.report !== undefined && existsSync(options.report);
  refuseSharedPaths(options, planned);
  if (!options.force) {
    const existing = planned.flatMap((p) => p.targets.filter(exists));
    if (!options.skipExisting) refuseExisting(outDir, existing, zipExists ? options.zip : undefined, reportExists ? options.report : undefined);
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

  const jobs = Math.min(options.jobs, machineJobs());
  if (jobs < options.jobs) options.log(`提示：--jobs ${options.jobs} 超过本机能同时运行的份数（${jobs}，按处理器数和内存计），按 ${jobs} 份同时生成`);

  const startedAt = new Date();
  const todo = planned.filter((p) => p.job);
  const ours = new Set(todo.flatMap((p) => p.targets));
  let queue: JobQueue | undefined;
  const interrupt = new Interrupt(() => {
    // A second Ctrl-C: workers are stopped where they are, so their temporary files go too.
    queue?.kill();
    options.progress.stop();
    removeLeftoverTemps(outDir, ours);
    process.stderr.write('\n再次中断：立即退出\n');
  });
  interrupt.onStop(() => {
    queue?.cancelQueued();
    options.progress.stop();
    process.stderr.write('\n正在停止：等待正在生成的计划完成（再按一次 Ctrl-C 立即退出）…\n');
  });
  try {
    if (todo.length > 0) {
      const settings = {
        outDir,
        force: options.force,
        strict: options.strict ?? false,
        list: options.list,
        ...(options.configFile ? { configFile: options.configFile } : {}),
        ...(options.templates ? { templatesDir: options.templates } : {}),
        ...(options.fontDirs ? { fontDirs: options.fontDirs } : {}),
      };
      queue = jobQueue(settings, Math.max(1, Math.min(jobs, todo.length)));
      await build(todo, queue, options, interrupt);
    }
    if (interrupt.interrupted) removeLeftoverTemps(outDir, ours);
    const units = planned.map((p) => p.unit);

    let zipped: string | undefined;
    if (options.zip !== undefined && !interrupt.interrupted) {
      const names = units.flatMap((unit) => (unit.status === 'done' || unit.status === 'skipped' ? unit.files : []));
      try {
        await writeZip(options.zip, outDir, names, { force: options.force || options.skipExisting, signal: interrupt.signal });
        zipped = options.zip;
      } catch (error) {
        // Ctrl-C while packing: no zip rather than half of one.
        if ((error as Error).name !== 'AbortError') throw error;
      }
    }
    if (report) {
      const text = reportText(
        {
          roster: roster.file,
          out: outDir,
          outputs: options.emit === 'outline' ? ['outline'] : options.formats,
          ...(options.shard ? { shard: `${options.shard.k}/${options.shard.n}` } : {}),
          startedAt,
          finishedAt: new Date(),
          interrupted: interrupt.interrupted,
          ...(zipped !== undefined ? { zip: zipped } : {}),
          units,
        },
        report.format,
      );
      // Checked before the run: replaced only with --force, or by the run --skip-existing resumes.
      await writeFileAtomic(report.file, text, { force: options.force || options.skipExisting });
    }
    return { units, interrupted: interrupt.interrupted, roster: where };
  } finally {
    interrupt.dispose();
  }
}

/** Builds the jobs in the queue and fills in each union's result as its job ends. */
async function build(todo: Planned[], queue: JobQueue, options: BatchOptions, interrupt: Interrupt): Promise<void> {
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
      if (!interrupt.interrupted) options.progress.tick(unit);
    }),
  );
  await queue.close();
  options.progress.stop();
}
