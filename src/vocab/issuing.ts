import { quote } from '../errors.js';
import type { FieldIssue } from '../io/field-path.js';
import { fieldOf, keysOf } from './definition/field.js';
import { MAX_ATTACHMENT_CHARS, MAX_ATTACHMENTS, NOTICE_FIELDS, PLAN_FIELDS } from './definition/plan-fields.js';
import { readValue } from './definition/read-value.js';
import type { PlanKind } from './title.js';

/**
 * The keys that say how a plan is issued: `kind` (工作计划 or 工作要点), `seal` (a sealed 落款),
 * `attachments` (附件说明) and `notice` (the 通知 that issues it). One reader for the outline and
 * for a Markdown plan's front matter, so both accept and refuse the same values with the same words.
 */

/**
 * The GB/T 9704 notice (通知) that issues a plan: 版头, 发文字号, 主送, one sentence, 落款, then
 * the plan, and the 版记 on the last page.
 */
export interface NoticeMeta {
  /** 发文字号, e.g. 城南工发〔2027〕1号. */
  number: string;
  /** 主送机关. */
  to: string;
  /** 抄送机关, when there are any. */
  cc?: string;
}

/** The values read; a key left out is absent. */
export interface IssuingFields {
  kind?: PlanKind;
  seal?: boolean;
  attachments?: string[];
  notice?: NoticeMeta;
}

/** The keys this reader handles, for the lists of allowed keys. */
export const ISSUING_KEYS = ['kind', 'seal', 'attachments', 'notice'] as const;

export { MAX_ATTACHMENT_CHARS, MAX_ATTACHMENTS };

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function noticeText(raw: Dict, key: 'number' | 'to' | 'cc', label: string, issues: FieldIssue[]): string | undefined {
  const value = raw[key];
  const path = ['notice', key];
  const field = fieldOf(NOTICE_FIELDS, key);
  if (value === undefined || value === null) {
    if (field.required) issues.push({ path: ['notice'], message: `notice（通知）缺少 ${key}（${label}）` });
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    issues.push({ path, message: `notice.${key}（${label}）应为文本，实际为 ${quote(value)}` });
    return undefined;
  }
  const text = String(value).trim();
  if (text === '') issues.push({ path, message: `notice.${key}（${label}）不能为空` });
  else if (field.maxChars !== undefined && [...text].length > field.maxChars)
    issues.push({ path, message: `notice.${key}（${label}）过长：最多 ${field.maxChars} 个字` });
  else return text;
  return undefined;
}

/** Reads the issuing keys of an outline or front matter; every problem is returned, with its path. */
export function readIssuing(raw: Dict): { fields: IssuingFields; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const fields: IssuingFields = {};
  // kind (工作要点 as well as points) and seal, by their definitions.
  for (const key of ['kind', 'seal'] as const) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const read = readValue(fieldOf(PLAN_FIELDS, key), raw[key], key);
    if (read.message !== undefined) issues.push({ path: [key], message: read.message });
    else if (key === 'kind') fields.kind = read.value as PlanKind;
    else fields.seal = read.value as boolean;
  }
  if (raw.attachments !== undefined && raw.attachments !== null) {
    const list = typeof raw.attachments === 'string' ? [raw.attachments] : raw.attachments;
    if (!Array.isArray(list)) {
      issues.push({
        path: ['attachments'],
        message: `attachments（附件）应为附件名称的列表（每项以“- ”开头），实际为 ${quote(raw.attachments)}`,
      });
    } else {
      const titles: string[] = [];
      list.forEach((item, i) => {
        const path = ['attachments', i];
        if (typeof item !== 'string' && typeof item !== 'number') {
          issues.push({ path, message: `attachments[${i}]（附件名称）应为文本，实际为 ${quote(item)}` });
          return;
        }
        const title = String(item).trim();
        if (title === '') issues.push({ path, message: `attachments[${i}]（附件名称）不能为空` });
        else if ([...title].length > MAX_ATTACHMENT_CHARS)
          issues.push({ path, message: `attachments[${i}]（附件名称）过长：最多 ${MAX_ATTACHMENT_CHARS} 个字` });
        // GB/T 9704 7.3.4: no punctuation after an attachment's name.
        else titles.push(title.replace(/[。，；、.,;]+$/u, ''));
      });
      if (list.length > MAX_ATTACHMENTS)
        issues.push({ path: ['attachments'], message: `attachments（附件）最多 ${MAX_ATTACHMENTS} 个，实际为 ${list.length} 个` });
      if (titles.length > 0) fields.attachments = titles;
    }
  }
  if (raw.notice !== undefined && raw.notice !== null) {
    if (!isDict(raw.notice)) {
      issues.push({
        path: ['notice'],
        message: `notice（通知）应为含 number（发文字号）、to（主送机关）、cc（抄送机关）的键值对，实际为 ${quote(raw.notice)}`,
      });
    } else {
      for (const key of Object.keys(raw.notice)) {
        if (!keysOf(NOTICE_FIELDS).includes(key)) {
          issues.push({ path: ['notice', key], at: 'key', message: `未知字段 ${quote(key)}。notice（通知）中可用的字段：number、to、cc` });
        }
      }
      const number = noticeText(raw.notice, 'number', '发文字号', issues);
      const to = noticeText(raw.notice, 'to', '主送机关', issues);
      const cc = noticeText(raw.notice, 'cc', '抄送机关', issues);
      if (number !== undefined && to !== undefined) fields.notice = { number, to, ...(cc !== undefined ? { cc } : {}) };
    }
  }
  return { fields, issues };
}
