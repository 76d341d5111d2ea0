import type { IncomingMessage } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { safeFileStem } from '../batch/rows/file-names.js';
import type { Progress } from '../batch/report/progress.js';
import { runBatch } from '../batch/run-batch.js';
import { countStatuses } from '../batch/report/summary.js';
import { STATUS_NAMES, type UnitResult } from '../batch/report/unit-result.js';
import { UserError } from '../errors.js';
import { parseFormats } from '../writers/index.js';
import { LIMITS, readBody, uploadName } from './body.js';
import { HttpError } from './http-error.js';
import type { PlanContext } from './api-plan.js';
import type { Reply } from './reply.js';

/** One 批量生成 run of this server: its temporary folder and how far it has got. */
interface BatchJob {
  id: string;
  dir: string;
  state: 'running' | 'done' | 'failed';
  total: number;
  finished: number;
  units: UnitResult[];
  messages: string[];
  zip?: string;
}

const ROSTER_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.yaml', '.yml', '.json'];

/**
 * 批量生成: the roster goes to a temporary folder under the name it had (so messages name the
 * user's file and the batch reader picks its decoder as the CLI does), then through `runBatch`
 * exactly as `unionplan batch --zip` runs; the page polls for progress and fetches the zip.
 */
export class BatchJobs {
  private readonly jobs = new Map<string, BatchJob>();
  private next = 1;

  constructor(private readonly ctx: PlanContext) {}

  /** Starts a run from an uploaded roster; answers at once with the job's id. */
  async start(request: IncomingMessage, url: URL): Promise<Reply> {
    if ([...this.jobs.values()].some((job) => job.state === 'running')) throw new HttpError(409, '已有一批正在生成，请等它完成');
    const formats = (() => {
      try {
        return parseFormats(url.searchParams.get('format') ?? 'docx');
      } catch (error) {
        throw new HttpError(400, (error as Error).message);
      }
    })();
    const name = uploadName(request);
    const bytes = await readBody(request, LIMITS.roster);
    if (bytes.length === 0) throw new HttpError(400, '名录文件是空的');
    const ext = extname(name).toLowerCase();
    const stem = safeFileStem(name.slice(0, name.length - ext.length)) || '名录';
    const dir = await mkdtemp(join(tmpdir(), 'unionplan-ui-'));
    const list = join(dir, stem + (ROSTER_EXTENSIONS.includes(ext) ? ext : '.csv'));
    await writeFile(list, bytes);
    const job: BatchJob = { id: String(this.next++), dir, state: 'running', total: 0, finished: 0, units: [], messages: [] };
    await this.forgetOld();
    this.jobs.set(job.id, job);
    void this.run(job, list, formats);
    return { json: { id: job.id } };
  }

  private async run(job: BatchJob, list: string, formats: string[]): Promise<void> {
    const progress: Progress = {
      start: (total) => {
        job.total = total;
      },
      tick: () => {
        job.finished++;
      },
      stop: () => {},
    };
    const zip = join(job.dir, '计划.zip');
    try {
      const outcome = await runBatch({
        list,
        formats,
        emit: 'plan',
        outDir: join(job.dir, 'out'),
        force: false,
        skipExisting: false,
        jobs: Math.max(1, Math.min(availableParallelism(), 4)),
        zip,
        ...(this.ctx.fontDirs ? { fontDirs: this.ctx.fontDirs } : {}),
        progress,
        log: (message) => job.messages.push(message),
      });
      job.units = outcome.units;
      job.total = Math.max(job.total, outcome.units.length);
      if (outcome.units.some((unit) => unit.status === 'done')) job.zip = zip;
      job.state = 'done';
    } catch (error) {
      job.state = 'failed';
      // Messages name the roster by its own name; the temporary folder is nobody's business.
      if (error instanceof UserError)
        job.messages.push(...error.problems.map((p) => [p.line ? `第${p.line}行` : '', p.message].filter(Boolean).join(' ')));
      else job.messages.push(`内部错误：${(error as Error).message}`);
    }
  }

  /** Keeps the last two finished runs (their zips can still be fetched) and removes older ones' folders. */
  private async forgetOld(): Promise<void> {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, -2)) {
      this.jobs.delete(job.id);
      await rm(job.dir, { recursive: true, force: true });
    }
  }

  private job(id: string): BatchJob {
    const job = this.jobs.get(id);
    if (!job) throw new HttpError(404, '没有这一批');
    return job;
  }

  /** How a run is getting on, and at the end each union's result. */
  status(id: string): Reply {
    const job = this.job(id);
    return {
      json: {
        state: job.state,
        total: job.total,
        finished: job.finished,
        counts: countStatuses(job.units),
        units: job.units.map((unit) => ({
          row: unit.row,
          name: unit.name ?? '',
          status: STATUS_NAMES[unit.status],
          failed: unit.status === 'invalid' || unit.status === 'failed',
          files: unit.files,
          problems: unit.problems.map((p) => p.message),
          notes: unit.notes,
        })),
        messages: job.messages,
        zip: job.zip !== undefined,
      },
    };
  }

  /** The zip of a finished run. */
  async zip(id: string): Promise<Reply> {
    const job = this.job(id);
    if (!job.zip) throw new HttpError(404, '这一批没有生成压缩包');
    return { bytes: await readFile(job.zip), type: 'application/zip', download: '计划.zip' };
  }

  /** Removes every run's temporary folder (the server is stopping). */
  async dispose(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => rm(job.dir, { recursive: true, force: true })));
    this.jobs.clear();
  }
}
