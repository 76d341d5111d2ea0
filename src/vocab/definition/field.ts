/**
 * The shape of a field definition: what the outline, a Markdown plan's front matter, a roster
 * and `unionplan.config.yaml` say about one key, written once as data. The validators, the
 * roster's columns and the JSON Schema are all read from these definitions.
 */

/** One allowed value of a choice field: the key written in files, its Chinese name, other words taken for it. */
export interface Choice {
  value: string;
  /** The Chinese name shown in messages and editors (上半年, 工作要点). */
  name: string;
  /** Further words accepted for the value (上学期 for first-term); the name is always accepted. */
  words?: readonly string[];
}

/** How a field's value is read. */
export type FieldKind =
  /** One line of text; a number is taken as its digits. */
  | 'text'
  /** Text that may run over several paragraphs. */
  | 'paragraph'
  /** A plan year, 1949–2200, as a number or four digits. */
  | 'year'
  /** A date, `YYYY-MM-DD` or `YYYY年M月D日`. */
  | 'date'
  /** One of `choices`, by its key or a Chinese word. */
  | 'choice'
  /** A plan type: a template's key or Chinese name (the registry knows them). */
  | 'plan-type'
  | 'boolean'
  /** A mapping whose keys are `fields`. */
  | 'object'
  /** A list whose entries are `entry`. */
  | 'list';

/** A roster column that fills the field. */
export interface ColumnDef {
  /** The Chinese header the README and the examples use. */
  header: string;
  /** Other headers taken for the same field (compared after folding, see columns.ts). */
  aliases: readonly string[];
}

/** One field. */
export interface FieldDef {
  key: string;
  kind: FieldKind;
  /** The short Chinese name used in messages: year（年度）. */
  label: string;
  /** The comment `unionplan new` writes above the key in a plan.yaml (each line after a “#”). */
  comment?: string;
  /** A sentence for editors (the JSON Schema's description). */
  description: string;
  required?: boolean;
  /** The value taken when the field is left out, for the schema's `default`. */
  default?: string | number | boolean;
  /** For `choice`. */
  choices?: readonly Choice[];
  /** For `object`: the keys it may have. */
  fields?: readonly FieldDef[];
  /** For `list`: what each entry is. */
  entry?: FieldDef;
  /** For `object`: may be written as plain text instead (an item that is only its words). */
  orText?: boolean;
  /** For `list`: one entry may be written without the list (`attachments: 附件1`). */
  single?: boolean;
  /** Longest text, in characters, or most entries of a list. */
  maxChars?: number;
  maxItems?: number;
  /** A roster column that fills the field (batch). */
  column?: ColumnDef;
  /** Read from a Markdown plan's front matter as well. */
  frontMatter?: boolean;
  /**
   * Rules across keys the kinds cannot say (an item needs title or text …), as JSON Schema
   * keywords added to the field's schema; the validator states the same rules in its messages.
   */
  schemaRules?: Record<string, unknown>;
}

/** The keys a mapping may have, in the order of its definition. */
export function keysOf(fields: readonly FieldDef[]): string[] {
  return fields.map((f) => f.key);
}

/** The definition of `key` among `fields` (a programming error when absent). */
export function fieldOf(fields: readonly FieldDef[], key: string): FieldDef {
  const field = fields.find((f) => f.key === key);
  if (!field) throw new Error(`no field ${key}`);
  return field;
}
