import { choiceWords } from '../vocab/definition/choices.js';
import type { Choice, FieldDef } from '../vocab/definition/field.js';

/**
 * JSON Schema (draft-07, the draft editors' YAML support knows best) written from field
 * definitions, with the Chinese label as `title` and the description as `description`, so an
 * editor completes keys and values and explains them in Chinese. It says what the validator
 * says, as far as a schema can: the validator's messages remain the reference.
 */
export type JsonSchema = Record<string, unknown>;

/** What a schema needs that the definitions leave to the running program. */
export interface SchemaContext {
  /** Every plan type by every name it goes by (school, 学校, 学校工会 …). */
  typeNames: readonly Choice[];
  /** `check.disable`'s rule ids. */
  ruleIds: readonly string[];
}

/** A plan year as text: four digits from 1949 to 2200. */
const YEAR_TEXT = '^\\s*(?:19(?:49|[5-9]\\d)|20\\d\\d|21\\d\\d|2200)\\s*$';
const DATE_TEXT = '^\\s*(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}年\\d{1,2}月\\d{1,2}日)\\s*$';

function choiceSchema(choices: readonly Choice[]): JsonSchema {
  const words = choices.flatMap((choice) => choiceWords(choice));
  // enumDescriptions: the VS Code YAML extension shows them beside each completion.
  return {
    type: 'string',
    enum: words,
    enumDescriptions: choices.flatMap((choice) => choiceWords(choice).map(() => `${choice.value}（${choice.name}）`)),
  };
}

function core(field: FieldDef, context: SchemaContext, path: string): JsonSchema {
  switch (field.kind) {
    case 'text':
    case 'paragraph':
      if (path === 'check.disable[]') return { type: 'string', enum: [...context.ruleIds] };
      return field.maxChars !== undefined ? { type: ['string', 'number'], maxLength: field.maxChars } : { type: ['string', 'number'] };
    case 'year':
      return {
        anyOf: [
          { type: 'integer', minimum: 1949, maximum: 2200 },
          { type: 'string', pattern: YEAR_TEXT },
        ],
      };
    case 'date':
      return { type: 'string', pattern: DATE_TEXT };
    case 'choice':
      return choiceSchema(field.choices ?? []);
    case 'plan-type':
      return choiceSchema(context.typeNames);
    case 'boolean':
      return { type: 'boolean' };
    case 'object': {
      const properties = Object.fromEntries(
        (field.fields ?? []).map((f) => [f.key, fieldSchema(f, context, path ? `${path}.${f.key}` : f.key)]),
      );
      const required = (field.fields ?? []).filter((f) => f.required).map((f) => f.key);
      const object: JsonSchema = { type: 'object', properties, additionalProperties: false, ...(required.length ? { required } : {}) };
      const rules = field.schemaRules ?? {};
      // A rule's `properties` narrow the field's own: both must hold.
      const merged: JsonSchema = { ...object, ...rules, properties };
      if (rules.properties) merged.allOf = [{ properties: rules.properties }];
      return field.orText ? { anyOf: [{ type: 'string' }, merged] } : merged;
    }
    case 'list': {
      const entry = fieldSchema(field.entry!, context, `${path}[]`, true);
      const list: JsonSchema = { type: 'array', items: entry, ...(field.maxItems !== undefined ? { maxItems: field.maxItems } : {}) };
      if (field.schemaRules) return { ...field.schemaRules };
      return field.single ? { anyOf: [entry, list] } : list;
    }
  }
}

/** A field's schema: its kind's, with its Chinese title and description; an optional field may be left empty. */
export function fieldSchema(field: FieldDef, context: SchemaContext, path = '', required = field.required ?? false): JsonSchema {
  const schema = core(field, context, path);
  const notes: JsonSchema = {
    title: field.label,
    description: field.description,
    ...(field.default !== undefined ? { default: field.default } : {}),
  };
  // `title:` with nothing after it is YAML's null, which the validator takes as “not given”.
  if (required) return { ...notes, ...schema };
  return { ...notes, anyOf: [schema, { type: 'null' }] };
}

/** A whole file's schema: a mapping of `fields`. */
export function fileSchema(
  id: string,
  title: string,
  description: string,
  fields: readonly FieldDef[],
  context: SchemaContext,
): JsonSchema {
  const body = core({ key: '', kind: 'object', label: title, description, fields }, context, '');
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id: id, title, description, ...body };
}
