/**
 * The programmatic entry: the same stages the CLI wires, for benchmarks and for people who want
 * to build plans from their own code. Nothing here takes over the process: no signal handler, no
 * exit. State lives in a session: `createSession()`, `session.run(() => runBatch(…))`,
 * `session.abort()` to stop a batch, `session.dispose()` to free its caches (without one, a
 * thread-wide session is used).
 */
export { buildPlan, loadDocument } from './pipeline.js';
export { parseMarkdown } from './document/parse.js';
export { loadWriter, FORMATS } from './writers/index.js';
export { TemplateRegistry } from './templates/registry.js';
export { UserError } from './errors.js';
export { checkFile, checkText } from './check/check.js';
export type { Finding } from './check/finding.js';
export { importPlan, type ImportOptions, type ImportResult } from './import/import-plan.js';
export type { ImportSummary } from './import/summary.js';
export type { PlanDocument } from './document/model.js';
export { runBatch, type BatchOptions, type BatchOutcome } from './batch/run-batch.js';
export type { UnitResult } from './batch/report/unit-result.js';
export { createSession, currentSession, Session } from './session/session.js';
