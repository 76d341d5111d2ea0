import { checkText, settingsFor } from '../../check/check.js';
import { failing } from '../../check/finding.js';
import { NO_SETTINGS, type CheckSettings } from '../../check/settings.js';
import type { ParsedMarkdown } from '../../document/parse.js';
import { UserError } from '../../errors.js';

const SEVERITY = { error: '错误', warning: '警告' } as const;

/**
 * `unionplan check` on one plan of a batch, after it is laid out and before any file of it is
 * written: the rendered Markdown is checked as `check` would check a plan.md, from the parse the
 * build itself made. Every finding
 * becomes a warning of the row (it reaches the summary and the report); with `strict`, an error
 * fails the row, nothing of it is written, and the other rows go on.
 */
export function checkBatchPlan(
  source: string,
  markdown: string,
  parsed: ParsedMarkdown,
  options: { strict: boolean; settings: CheckSettings },
  warn: (message: string) => void,
): void {
  const findings = checkText(source, markdown, { kind: 'markdown', settings: options.settings, parsed });
  for (const f of findings) warn(`${SEVERITY[f.severity]} ${f.rule} ${f.message}（${f.suggestion}）`);
  const errors = failing(findings);
  if (options.strict && errors.length > 0) {
    throw new UserError('check', [
      { message: `检查发现 ${errors.length} 个错误，未生成此单位的文件（--strict）` },
      ...errors.map((f) => ({ message: `${f.rule} ${f.message}` })),
    ]);
  }
}

/** The check settings of a batch: those of `--config`, else of the `unionplan.config.yaml` nearest the roster. */
export function batchCheckSettings(list: string | undefined, configFile?: string): CheckSettings {
  return list ? settingsFor(list, configFile) : NO_SETTINGS;
}
