/**
 * The programmatic entry: the same stages the CLI wires, for benchmarks and for people who want
 * to build plans from their own code.
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
