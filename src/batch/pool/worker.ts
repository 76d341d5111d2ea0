/**
 * The worker thread of `batch` (bundled as dist/batch-worker.js): runs one job at a time with
 * the same pipeline code as the CLI and posts its result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { JobSettings, PlanJob } from '../jobs/plan-job.js';
import { jobRunner } from '../jobs/run-job.js';

const port = parentPort;
if (!port) throw new Error('batch-worker.js runs as a worker thread of unionplan batch');
const run = jobRunner(workerData as JobSettings);
port.on('message', (job: PlanJob) => {
  void run(job).then((result) => port.postMessage(result));
});
