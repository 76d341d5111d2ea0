import { formatChineseDate } from '../vocab/dates.js';
import { PERIOD_NAMES, periodMonths } from '../vocab/periods.js';
import { defaultTitle } from '../vocab/title.js';
import type { Outline, OutlineItem, ScheduleEntry } from '../outline/types.js';
import { escapeBlock, escapeCell, escapeInline } from '../text/markdown-escape.js';

/** 3月, 7—8月 for a span, 3月、5月 otherwise. */
export function monthLabel(months: number[]): string {
  const sorted = [...months].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const contiguous = sorted.every((m, i) => m === first + i);
  if (sorted.length > 1 && contiguous) return `${first}—${last}月`;
  return sorted.map((m) => `${m}月`).join('、');
}

/** A figure with its unit, or nothing when there is no figure (a unit alone says nothing). */
function withUnit(value: string | number | undefined, unit: string | undefined): string {
  if (value === undefined || String(value).trim() === '') return '';
  return `${value}${unit ?? ''}`;
}

interface ItemView {
  title: string;
  text: string;
  items: ItemView[];
}

function itemView(item: OutlineItem): ItemView {
  return {
    title: item.title ? escapeInline(item.title) : '',
    text: item.text ? escapeBlock(item.text) : '',
    items: (item.items ?? []).map(itemView),
  };
}

function scheduleRow(entry: ScheduleEntry): { month: string; content: string; owner: string } {
  const items = entry.items.map((text) => escapeCell(text)).filter((text) => text !== '');
  // Numbers are generated, never typed: one item needs none.
  const content = items.length > 1 ? items.map((text, i) => `${i + 1}.${text}`).join('<br>') : (items[0] ?? '');
  return { month: monthLabel(entry.months), content, owner: entry.owner ? escapeCell(entry.owner) : '' };
}

/**
 * The data a template body sees. Every string is already escaped for the place it goes
 * (paragraph, heading or table cell), so user text comes out literally whatever it contains.
 */
export function buildView(outline: Outline) {
  const targets = outline.targets.map((target, i) => ({
    no: String(i + 1),
    name: escapeCell(target.name),
    value: escapeCell(withUnit(target.value, target.unit)),
    baseline: escapeCell(withUnit(target.baseline, target.unit)),
    note: escapeCell(target.note ?? ''),
  }));
  // Sorted by month so that a table read top to bottom follows the period (a first term's January
  // comes after its December); the sort is stable.
  const order = periodMonths(outline.period);
  const place = (entry: ScheduleEntry) => Math.min(...entry.months.map((m) => (order.includes(m) ? order.indexOf(m) : 12 + m)));
  const schedule = [...outline.schedule].sort((a, b) => place(a) - place(b)).map(scheduleRow);
  return {
    title: escapeInline(outline.title ?? defaultTitle(outline)),
    org: escapeInline(outline.org),
    superior: outline.superior ? escapeInline(outline.superior) : '',
    year: String(outline.year),
    period: outline.period,
    periodName: PERIOD_NAMES[outline.period],
    date: formatChineseDate(outline.date),
    preface: outline.preface ? escapeBlock(outline.preface) : '',
    guidance: outline.guidance ? escapeBlock(outline.guidance) : '',
    targets,
    targetsHaveNotes: outline.targets.some((t) => t.note),
    targetsHaveBaseline: outline.targets.some((t) => t.baseline !== undefined),
    sections: outline.sections.map((section) => ({
      kind: section.kind,
      title: escapeInline(section.title),
      intro: section.intro ? escapeBlock(section.intro) : '',
      items: section.items.map(itemView),
    })),
    schedule,
    // A 责任部门 column that says the same on every row says nothing: it shows only when owners differ.
    scheduleHasOwner: new Set(schedule.map((row) => row.owner?.trim() ?? '')).size > 1,
  };
}
