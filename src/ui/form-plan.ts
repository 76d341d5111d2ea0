import YAML from 'yaml';
import { checkTextWithModel } from '../check/check.js';
import type { Finding } from '../check/finding.js';
import { parseMarkdownSource } from '../document/parse.js';
import type { PlanDocument } from '../document/model.js';
import { defaultPlanDate, defaultPlanYear } from '../vocab/dates.js';
import type { Outline } from '../outline/types.js';
import { validateOutline } from '../outline/validate.js';
import type { FieldPath } from '../io/field-path.js';
import { renderOutlineFile } from '../pipeline.js';
import type { TemplateRegistry } from '../templates/registry.js';
import { HttpError } from './http-error.js';
import { pathFinder } from './yaml-paths.js';

/** The name messages give the form's outline: it has no file. */
export const FORM_SOURCE = '提纲';

/** A problem or finding placed on a form field (`path` empty: the plan as a whole). */
export interface FieldNote {
  path: FieldPath;
  message: string;
  suggestion?: string;
  severity: 'invalid' | 'error' | 'warning';
  rule?: string;
}

/** What the page's outline makes: the plan, or the reasons it cannot be built yet. */
export interface FormPlan {
  notes: FieldNote[];
  outline?: Outline;
  doc?: PlanDocument;
  /** The outline as YAML, as 保存提纲 would write it (without comments). */
  yaml: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The outline as the page may send it. `check.references`, `wording` and `lists` name files on
 * disk, which a page must never reach, so they are dropped (its `disable` list is kept).
 */
export function pageFields(raw: unknown): Record<string, unknown> {
  if (!isRecord(raw)) throw new HttpError(400, '提纲应为键值对');
  const fields = { ...raw };
  if (isRecord(fields.check)) {
    const { references: _references, wording: _wording, lists: _lists, ...rest } = fields.check;
    if (Object.keys(rest).length > 0) fields.check = rest;
    else delete fields.check;
  }
  return fields;
}

/**
 * Validates the page's outline, checks it with `check`'s rules and builds its document: the same
 * validator, template and parser as `build` takes for a plan.yaml. Problems and findings come back
 * with the outline path of the field they concern.
 */
export async function formPlan(raw: unknown, registry: TemplateRegistry, today = new Date()): Promise<FormPlan> {
  const fields = pageFields(raw);
  const yaml = YAML.stringify(fields, { lineWidth: 0, blockQuote: 'literal' });
  const { issues } = validateOutline(fields, {
    types: registry.typeChoices(),
    defaultYear: defaultPlanYear(today),
    defaultDate: (year, period) => defaultPlanDate(year, period, today),
  });
  if (issues.length > 0) {
    return { yaml, notes: issues.map((issue) => ({ path: issue.path, message: issue.message, severity: 'invalid' })) };
  }
  const result = checkTextWithModel(FORM_SOURCE, yaml, { kind: 'outline', types: registry.typeChoices(), today });
  const outline = result.outline!;
  const pathAt = pathFinder(YAML.parseDocument(yaml));
  const lineStarts = [0];
  for (let i = 0; i < yaml.length; i++) if (yaml[i] === '\n') lineStarts.push(i + 1);
  const notes = result.findings.map((finding: Finding): FieldNote => {
    const offset = (lineStarts[finding.line - 1] ?? 0) + finding.column - 1;
    return {
      path: pathAt(offset) ?? [],
      message: finding.message,
      suggestion: finding.suggestion,
      severity: finding.severity,
      rule: finding.rule,
    };
  });
  const markdown = await renderOutlineFile(outline, registry);
  const doc = parseMarkdownSource(FORM_SOURCE, markdown).doc;
  return { yaml, notes, outline, doc };
}
