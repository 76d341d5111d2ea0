import { toPeriod } from '../../vocab/periods.js';

/**
 * Which roster column fills which outline field. A header may be the outline key (`org`) or its
 * Chinese name (单位名称) or one of a few common variants; the README's batch section lists them.
 */

/** How a cell's value is read before the outline validator sees it. */
export type ColumnShape =
  /** Text; numbers are taken as their digits. */
  | 'text'
  /** Text kept as written, line breaks and all (paragraph fields). */
  | 'paragraph'
  | 'year'
  | 'period'
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
}

/** Every field a roster may set, in the order a plan.yaml lists them. */
export const COLUMNS: readonly ColumnSpec[] = [
  { key: 'type', header: '类型', aliases: ['计划类型', '单位类型', '工会类型'], shape: 'type' },
  { key: 'org', header: '单位名称', aliases: ['工会名称', '工会全称', '基层工会名称', '名称', 'name'], shape: 'text' },
  { key: 'superior', header: '上级工会', aliases: ['上级', '主管工会'], shape: 'text' },
  { key: 'year', header: '年度', aliases: ['年份', '计划年度'], shape: 'year' },
  { key: 'period', header: '计划期间', aliases: ['期间'], shape: 'period' },
  { key: 'date', header: '落款日期', aliases: ['日期'], shape: 'date' },
  { key: 'title', header: '标题', aliases: ['计划标题'], shape: 'text' },
  { key: 'preface', header: '开头语', aliases: ['前言'], shape: 'paragraph' },
  { key: 'guidance', header: '指导思想', aliases: [], shape: 'paragraph' },
  { key: 'targets', header: '工作目标', aliases: ['目标'], shape: 'structured' },
  { key: 'sections', header: '主要工作', aliases: ['工作板块'], shape: 'structured' },
  { key: 'schedule', header: '工作安排', aliases: ['月度安排', '具体工作安排'], shape: 'structured' },
  { key: 'fonts', header: '字体', aliases: [], shape: 'structured' },
];

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

/** The period a cell names (全年, 第二学期, first-half …) in the outline's words; other values pass on to be reported. */
export function periodValue(text: string): string {
  const value = text.trim();
  return toPeriod(value) ?? value;
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
