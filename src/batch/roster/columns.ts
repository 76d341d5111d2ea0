import type { FieldDef } from '../../vocab/definition/field.js';
import { choiceValue } from '../../vocab/definition/choices.js';
import { PLAN_FIELDS } from '../../vocab/definition/plan-fields.js';

/**
 * Which roster column fills which outline field: the `column` of each field in the outline's
 * definition (src/vocab/definition/plan-fields.ts). A header may be the outline key (`org`),
 * its Chinese name (单位名称) or one of a few common variants; the README's batch section lists them.
 */

/** How a cell's value is read before the outline validator sees it. */
export type ColumnShape =
  /** Text; numbers are taken as their digits. */
  | 'text'
  /** Text kept as written, line breaks and all (paragraph fields). */
  | 'paragraph'
  | 'year'
  /** One of the field's choices, by key or Chinese word (全年, 第二学期, 县). */
  | 'choice'
  | 'date'
  | 'type'
  /** A list or mapping: YAML in a CSV or Excel cell, or nested YAML in a YAML roster. */
  | 'structured';

/** One outline field a roster may set. */
export interface ColumnSpec {
  key: string;
  /** The Chinese header the README and the examples use. */
  header: string;
  /** Other headers taken for the same field (compared after {@link normalizeHeader}). */
  aliases: readonly string[];
  shape: ColumnShape;
  /** The field's definition. */
  field: FieldDef;
}

function shapeOf(field: FieldDef): ColumnShape {
  switch (field.kind) {
    case 'plan-type':
      return 'type';
    case 'year':
    case 'date':
    case 'choice':
    case 'text':
    case 'paragraph':
      return field.kind;
    default:
      return 'structured';
  }
}

/** Every field a roster may set, in the order a plan.yaml lists them. */
export const COLUMNS: readonly ColumnSpec[] = PLAN_FIELDS.flatMap((field) =>
  field.column ? [{ key: field.key, header: field.column.header, aliases: field.column.aliases, shape: shapeOf(field), field }] : [],
);

/**
 * A header as compared: compatibility forms folded (全角 letters and brackets become ASCII),
 * spaces and a trailing note such as “（必填）” or “*” dropped, case ignored — roster templates
 * passed between offices collect all of these.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\*+$/, '')
    .replace(/\([^()]*\)$/, '')
    .replace(/^\*+/, '')
    .toLowerCase();
}

const BY_HEADER = new Map<string, ColumnSpec>();
for (const spec of COLUMNS) {
  for (const name of [spec.key, spec.header, ...spec.aliases]) BY_HEADER.set(normalizeHeader(name), spec);
}

/** The field a header names, or undefined for a column unionplan does not use (序号, 联系人 …). */
export function columnFor(header: string): ColumnSpec | undefined {
  return BY_HEADER.get(normalizeHeader(header));
}

/** The value a cell names (全年 → annual, 第二学期, 县) in the outline's words; other values pass on to be reported. */
export function choiceCell(field: FieldDef, text: string): string {
  const value = text.trim();
  return choiceValue(field.choices ?? [], value) ?? value;
}

/** `2027年` → `2027`; other values pass on to be reported. */
export function yearValue(text: string): string {
  return text.trim().replace(/年$/, '');
}

/**
 * A date as Excel on Chinese Windows writes it into a CSV (2027/1/5) or as typed (2027.1.5),
 * in the outline's form; other values pass on to be reported.
 */
export function dateValue(text: string): string {
  const match = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text.trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : text.trim();
}
