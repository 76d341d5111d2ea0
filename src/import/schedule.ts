import type { ScheduleEntry } from '../outline/types.js';
import { smallNumber } from './head.js';
import { typedNumber } from './number-forms.js';

const MONTH = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';

/** 3月, 七、八月份, 7—8月, 7月8月, 1至2月; a year before it (2025年, xx年) is passed over. */
const MONTHS = new RegExp(
  `^(?:(?:[12]\\d{3}|20[xX_]{2}|[xX_]{2,})年+\\s*)?(${MONTH}(?:\\s*(?:月份?)?\\s*[、，,和及—–\\-~～至到]?\\s*${MONTH})*)\\s*月份?\\s*(?:[：:]\\s*|$)`,
);

/** The months a label names, or undefined. A dash or 至 means a span: 7—9月 is July to September. */
function months(label: string): number[] | undefined {
  const parts = label.split(/(\s*(?:月份?)?\s*[、，,和及]\s*|\s*(?:月份?)?\s*[—–\-~～至到]\s*|月份?)/).filter((p) => p.trim() !== '');
  const out: number[] = [];
  let span = false;
  for (const part of parts) {
    if (/[—–\-~～至到]/.test(part)) {
      span = true;
      continue;
    }
    if (/^[\s、，,和及]*(月份?)?[\s、，,和及]*$/.test(part)) continue;
    const n = smallNumber(part.trim().replace(/^0/, ''));
    if (n === undefined || n < 1 || n > 12) return undefined;
    const prev = out[out.length - 1];
    if (span && prev !== undefined && n > prev) for (let m = prev + 1; m < n; m++) out.push(m);
    span = false;
    out.push(n);
  }
  return out.length ? [...new Set(out)] : undefined;
}

/** A line that starts with months: the months and the text after them. */
export function monthLine(text: string): { months: number[]; rest: string; year?: string } | undefined {
  const match = MONTHS.exec(text.trim());
  if (!match) return undefined;
  const list = months(match[1]!);
  const year = text
    .trim()
    .slice(0, match.index + match[0].indexOf(match[1]!))
    .trim();
  return list ? { months: list, rest: text.trim().slice(match[0].length).trim(), ...(year ? { year } : {}) } : undefined;
}

/** The clauses of a month's text, one work item each, typed numbers taken off. */
function clauses(text: string): string[] {
  return text
    .split(/[；;。]|\s(?=\d{1,2}[.．、])/)
    .map((c) => c.trim())
    .map((c) => typedNumber(c)?.rest ?? c)
    .map((c) => c.replace(/[，,、]$/, '').trim())
    .filter((c) => c !== '');
}

/**
 * Reads “二月份：……；……” and “3月：” lines (also several glued into one line, or a month on a
 * line of its own with its work on the lines below) into schedule entries. Lines before the first
 * month are returned as left over, never dropped.
 */
export function scheduleFromLines(lines: string[]): { entries: ScheduleEntry[]; leftover: string[]; years: string[] } {
  const entries: ScheduleEntry[] = [];
  const leftover: string[] = [];
  // “2025年1月：”: the year is the plan's and is not kept; said in the summary.
  const years: string[] = [];
  // “…档案2月：慰问…”: a month glued to the end of the one before starts a new line.
  const split = lines.flatMap((line) => line.split(/(?<=[^\d\s年月、—–\-~～至到和及])(?=(?:1[0-2]|[1-9])月份?[：:])/));
  for (const line of split) {
    const found = monthLine(line);
    if (found) {
      if (found.year) years.push(found.year);
      entries.push({ months: found.months, items: clauses(found.rest) });
      continue;
    }
    const current = entries[entries.length - 1];
    if (current) current.items.push(...clauses(line));
    else leftover.push(line);
  }
  return { entries, leftover, years };
}

/** How many of the lines start with months. */
export function monthLineCount(lines: string[]): number {
  return lines.filter((line) => monthLine(line) !== undefined).length;
}

const MONTH_HEADER = /^(月份|月|时间|日期|时间安排)$/;
const CONTENT_HEADER = /^(工作内容|内容|工作安排|活动内容|工作项目|活动|项目|主要工作|工作任务)$/;
const OWNER_HEADER = /^(责任部门|负责部门|责任人|负责人|牵头部门|责任单位|承办部门|部门)$/;

/** Schedule entries from a table (月份 | 工作内容 | 责任部门), or undefined for another table. */
export function scheduleFromTable(rows: string[][][]): ScheduleEntry[] | undefined {
  const header = rows[0]?.map((cell) => cell.join('').replace(/\s+/g, ''));
  if (!header) return undefined;
  const month = header.findIndex((h) => MONTH_HEADER.test(h));
  const content = header.findIndex((h) => CONTENT_HEADER.test(h));
  const owner = header.findIndex((h) => OWNER_HEADER.test(h));
  if (month < 0 || content < 0) return undefined;
  const entries: ScheduleEntry[] = [];
  for (const row of rows.slice(1)) {
    const label = (row[month] ?? []).join('');
    const found = monthLine(label);
    const lines = row[content] ?? [];
    // Each line (and each clause of a line) is an item; numbers typed before them are generated again.
    const items = lines.flatMap((l) => clauses(l));
    const ownerText = owner >= 0 ? (row[owner] ?? []).join('\n').trim() : '';
    if (!found || found.rest) return undefined;
    entries.push({ months: found.months, items, ...(ownerText ? { owner: ownerText } : {}) });
  }
  return entries;
}
