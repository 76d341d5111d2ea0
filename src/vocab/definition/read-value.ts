import { quote } from '../../errors.js';
import { isoFromText, planYear } from '../dates.js';
import { choiceList, choiceValue, didYouMean, nearestChoice } from './choices.js';
import type { Choice, FieldDef } from './field.js';

/** What a plan type may be called: its key, its template's Chinese name (see templates/type-names.ts). */
export interface TypeChoices {
  /** The types that exist, by key. */
  readonly keys: readonly string[];
  /** The key a name stands for (学校 → school), or undefined. */
  resolve(text: string): string | undefined;
  /** The type a misspelt name most likely meant, or undefined. */
  suggest(text: string): string | undefined;
  /** `school（学校）、kindergarten（幼儿园）…`, for messages. */
  readonly list: string;
}

/** Plain keys as type choices (a caller that knows no Chinese names). */
export function typeKeys(keys: readonly string[]): TypeChoices {
  return { keys, resolve: (text) => (keys.includes(text) ? text : undefined), suggest: () => undefined, list: keys.join('、') };
}

/** What reading a value needs besides the definition. */
export interface ReadContext {
  /** The plan types, for `plan-type` fields. */
  types?: TypeChoices;
  /** The plan's year, for a date's example. */
  year?: number;
}

/** A value read, or the message saying why it was not. */
export type ReadResult = { value: unknown; message?: undefined } | { value?: undefined; message: string };

/** `列表`, `数字 3`, `文本 “x”`: what a value is, for “应为文本，实际为…”. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object' && value !== null) return '键值对';
  if (value === null || value === undefined) return '空值';
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `布尔值 ${value}`;
  return `文本 ${quote(value)}`;
}

function chosen(field: FieldDef, value: unknown, where: string): ReadResult {
  const choices: readonly Choice[] = field.choices ?? [];
  const key = choiceValue(choices, value);
  if (key !== undefined) return { value: key };
  return {
    message: `${where}（${field.label}）的值 ${quote(value)} 无效${didYouMean(nearestChoice(choices, value))}应为 ${choiceList(choices)}`,
  };
}

function planType(field: FieldDef, value: unknown, where: string, types: TypeChoices): ReadResult {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { message: `${where}（${field.label}）应为文本，实际为${describeValue(value)}` };
  }
  const text = String(value);
  if (text.trim() === '') return { message: `${where}（${field.label}）不能为空` };
  if (types.keys.includes(text)) return { value: text };
  const resolved = types.resolve(text);
  if (resolved !== undefined) return { value: resolved };
  const near = types.suggest(text);
  return { message: `${where}（${field.label}）的值 ${quote(value)} 无效${near ? `，是否想写 ${near}？` : '，'}应为 ${types.list} 之一` };
}

/**
 * Reads one scalar value (text, year, date, choice, plan type, true/false) by its definition:
 * the value in the outline's own form (a Chinese period as its key, a date as ISO), or the
 * Chinese message for a value it refuses. `where` is the field's path as messages show it.
 */
export function readValue(field: FieldDef, value: unknown, where: string, context: ReadContext = {}): ReadResult {
  switch (field.kind) {
    case 'text':
    case 'paragraph':
      if (typeof value === 'number') return { value: String(value) };
      if (typeof value !== 'string') return { message: `${where}（${field.label}）应为文本，实际为${describeValue(value)}` };
      if (field.maxChars !== undefined && [...value.trim()].length > field.maxChars) {
        return { message: `${where}（${field.label}）过长：最多 ${field.maxChars} 个字` };
      }
      return { value };
    case 'year': {
      const year = planYear(value);
      return year !== undefined
        ? { value: year }
        : { message: `${where}（${field.label}）的值 ${quote(value)} 无效，应为四位数的年份，如 2027` };
    }
    case 'date': {
      const iso = isoFromText(value);
      return iso
        ? { value: iso }
        : { message: `${where}（${field.label}）的值 ${quote(value)} 无效，应为 YYYY-MM-DD 格式的日期，如 ${context.year ?? 2027}-01-05` };
    }
    case 'choice':
      return chosen(field, value, where);
    case 'plan-type':
      return context.types ? planType(field, value, where, context.types) : readValue({ ...field, kind: 'text' }, value, where);
    case 'boolean':
      return typeof value === 'boolean'
        ? { value }
        : { message: `${where}（${field.label}）的值 ${quote(value)} 无效，应为 true 或 false` };
    default:
      throw new Error(`${field.key} is not a scalar field`);
  }
}
