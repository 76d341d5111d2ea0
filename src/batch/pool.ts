import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobResult, JobSettings, PlanJob } from './plan-job.js';
import { jobRunner } from './run-job.js';

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
  return { id: job.id, files: [], warnings: [], error: { messages: [`unionplan 内部错误（请报告给维护者）：生成时工作线程异常退出（${why}）`], internal: true } };
}

/**
 * Worker threads, one job each at a time. Each worker keeps its warm state (templates, the
 * DOCX library, the Typst compiler and its fonts) across jobs, which is what makes a thousand
 * PDFs cheap: a worker is never replaced while it works, since a fresh one would load its
 * fonts again, and Typst's memo cache is one per process anyway. A worker that dies fails its
 * job only and is replaced.
 */
export class WorkerPool implements JobQueue {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private closing = false;
  private losses = 0;
  private drained?: () => void;

  constructor(
    private readonly settings: JobSettings,
    private readonly size: number,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: this.settings });
    worker.on('message', (result: JobResult) => this.finish(worker, result));
    worker.on('error', (error) => this.lose(worker, error.message));
    worker.on('exit', (code) => this.lose(worker, `退出码 ${code}`));
    return worker;
  }

  private finish(worker: Worker, result: JobResult | undefined): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    pending?.resolve(result);
    this.idle.push(worker);
    this.pump();
  }

  /** A worker that threw outside a job or exited: its job fails, a new worker takes its place. */
  private lose(worker: Worker, why: string): void {
    const pending = this.running.get(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    if (!pending && (this.closing || index < 0)) return;
    this.running.delete(worker);
    if (pending) pending.resolve(crashed(pending.job, why));
    // A worker that cannot even start would otherwise be replaced for ever.
    if (!this.closing && ++this.losses <= this.size + 3) this.idle.push(this.spawn());
    if (this.idle.length === 0 && this.running.size === 0) {
      for (const waiting of this.queue.splice(0)) waiting.resolve(crashed(waiting.job, why));
    }
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const next = this.queue.shift()!;
      this.running.set(worker, next);
      worker.postMessage(next.job);
    }
    if (this.running.size === 0 && this.queue.length === 0) this.drained?.();
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
    if (this.running.size > 0 || this.queue.length > 0) {
      await new Promise<void>((resolve) => (this.drained = resolve));
    }
    this.closing = true;
    await Promise.all([...this.idle, ...this.running.keys()].map((worker) => worker.terminate()));
  }

  kill(): void {
    this.closing = true;
    for (const worker of [...this.idle, ...this.running.keys()]) void worker.terminate();
  }
}

/**
 * Jobs run one after the other in this thread: for the TypeScript sources, where no worker
 * script exists, and for a library caller that wants no threads. Writes then happen in this
 * thread, so the first Ctrl-C ends the process through writeFileAtomic's own handler (no
 * half-written file either way, but no report).
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

/** Worker threads when the bundle has its worker script, else this thread. */
export function jobQueue(settings: JobSettings, jobs: number): JobQueue {
  return workersAvailable() ? new WorkerPool(settings, jobs) : new InlineQueue(settings);
}
