import { existsSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobResult, JobSettings, PlanJob } from '../jobs/plan-job.js';
import { jobRunner } from '../jobs/run-job.js';

/** Runs jobs, some at a time; the two kinds below differ only in where. */
export interface JobQueue {
  /** Resolves with the job's result, or undefined when the job was cancelled before it started. */
  submit(job: PlanJob): Promise<JobResult | undefined>;
  /** Cancels the jobs not yet started; the ones running go on to their end. */
  cancelQueued(): void;
  /** Waits for running jobs, then frees the threads. */
  close(): Promise<void>;
  /** Stops at once, running jobs and all (a second Ctrl-C). */
  kill(): void;
}

interface Pending {
  job: PlanJob;
  resolve: (result: JobResult | undefined) => void;
}

/**
 * The worker script. Bundled, it sits beside the chunk this code is in (dist/batch-worker.js,
 * its own esbuild entry point); run from the TypeScript sources (tests) there is none.
 */
const WORKER_URL = new URL('./batch-worker.js', import.meta.url);

/** Whether worker threads can be used: only from the bundle, where the worker script exists. */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

function crashed(job: PlanJob, why: string): JobResult {
  return {
    id: job.id,
    files: [],
    warnings: [],
    error: { messages: [`unionplan 内部错误（请报告给维护者）：生成时工作线程异常退出（${why}）`], internal: true },
  };
}

/**
 * Jobs a worker holds at once. While one job waits for its files to reach the disk, the worker
 * lays out the next; with one at a time, a worker sat idle for a sixth of a batch.
 */
const JOBS_PER_WORKER = 2;

/**
 * Worker threads, each holding up to {@link JOBS_PER_WORKER} jobs. Each worker keeps its warm
 * state (templates, the DOCX package, the Typst compiler and its fonts) across jobs, which is what
 * makes a thousand PDFs cheap: a worker is never replaced while it works, since a fresh one would
 * load its fonts again, and Typst's memo cache is one per process anyway. A worker that dies fails
 * its own jobs only and is replaced.
 */
export class WorkerPool implements JobQueue {
  /** Each live worker and the jobs it holds, by job id. */
  private readonly workers = new Map<Worker, Map<number, Pending>>();
  private readonly queue: Pending[] = [];
  private closing = false;
  private losses = 0;
  private drained?: () => void;

  constructor(
    private readonly settings: JobSettings,
    private readonly size: number,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(WORKER_URL, { workerData: this.settings });
    this.workers.set(worker, new Map());
    worker.on('message', (result: JobResult) => this.finish(worker, result));
    worker.on('error', (error) => this.lose(worker, error.message));
    worker.on('exit', (code) => this.lose(worker, `退出码 ${code}`));
  }

  private finish(worker: Worker, result: JobResult): void {
    const held = this.workers.get(worker);
    const pending = held?.get(result.id);
    held?.delete(result.id);
    pending?.resolve(result);
    this.pump();
  }

  /** A worker that threw outside a job or exited: its jobs fail, a new worker takes its place. */
  private lose(worker: Worker, why: string): void {
    const held = this.workers.get(worker);
    if (!held) return;
    this.workers.delete(worker);
    for (const pending of held.values()) pending.resolve(crashed(pending.job, why));
    // A worker that cannot even start would otherwise be replaced for ever.
    if (!this.closing && ++this.losses <= this.size + 3) this.spawn();
    if (this.workers.size === 0) {
      for (const waiting of this.queue.splice(0)) waiting.resolve(crashed(waiting.job, why));
    }
    this.pump();
  }

  /** Nothing queued and nothing held by any worker. */
  private done(): boolean {
    return this.queue.length === 0 && [...this.workers.values()].every((held) => held.size === 0);
  }

  /** Hands queued jobs to the least busy workers that have room. */
  private pump(): void {
    while (this.queue.length > 0) {
      let target: [Worker, Map<number, Pending>] | undefined;
      for (const entry of this.workers) {
        if (entry[1].size < JOBS_PER_WORKER && (!target || entry[1].size < target[1].size)) target = entry;
      }
      if (!target) break;
      const next = this.queue.shift()!;
      target[1].set(next.job.id, next);
      target[0].postMessage(next.job);
    }
    if (this.done()) this.drained?.();
  }

  submit(job: PlanJob): Promise<JobResult | undefined> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  cancelQueued(): void {
    for (const pending of this.queue.splice(0)) pending.resolve(undefined);
  }

  async close(): Promise<void> {
    if (!this.done()) {
      await new Promise<void>((resolve) => (this.drained = resolve));
    }
    this.closing = true;
    await Promise.all([...this.workers.keys()].map((worker) => worker.terminate()));
  }

  kill(): void {
    this.closing = true;
    for (const worker of this.workers.keys()) void worker.terminate();
  }
}

/**
 * Jobs run one after the other in this thread: for the TypeScript sources, where no worker
 * script exists, and for a library caller that wants no threads. An abort of the session cancels
 * the jobs not started; the one running finishes, as in a worker.
 */
export class InlineQueue implements JobQueue {
  private readonly run: (job: PlanJob) => Promise<JobResult>;
  private tail: Promise<unknown> = Promise.resolve();
  private cancelled = false;

  constructor(settings: JobSettings) {
    this.run = jobRunner(settings);
  }

  submit(job: PlanJob): Promise<JobResult | undefined> {
    const result = this.tail.then(() => (this.cancelled ? undefined : this.run(job)));
    this.tail = result;
    return result;
  }

  cancelQueued(): void {
    this.cancelled = true;
  }

  async close(): Promise<void> {
    await this.tail;
  }

  kill(): void {
    // Nothing runs elsewhere; the process exit that follows stops this thread's job.
    this.cancelled = true;
  }
}

/** Memory a worker may come to hold: its Typst compiler, fonts and a plan or two being laid out. */
const WORKER_MEMORY = 512 * 1024 * 1024;

/**
 * The most workers this machine can run: one per processor it offers, and no more than its
 * memory holds at {@link WORKER_MEMORY} each. `--jobs 1000` once started 1,000 threads.
 */
export function machineJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / WORKER_MEMORY)));
}

/** Worker threads when the bundle has its worker script, else this thread. */
export function jobQueue(settings: JobSettings, jobs: number): JobQueue {
  return workersAvailable() ? new WorkerPool(settings, jobs) : new InlineQueue(settings);
}
