import type { Outline } from '../outline/types.js';
import type { ImportNotes } from './report.js';

/** What an import recognised and what it left as text: the summary printed after it. */
export interface ImportSummary {
  /** The file format read, and the encoding of a text file. */
  source: string;
  title?: string;
  org: string;
  orgFound: boolean;
  sourceYear?: number;
  year: number;
  type: string;
  typeReason: string;
  period: Outline['period'];
  preface: boolean;
  guidance: boolean;
  sections: number;
  items: number;
  targets: number;
  months: number;
  /** How many years in the text were moved to the new year. */
  yearsRolled: number;
  joined: string[];
  dropped: string[];
  keptAsText: string[];
  notes: string[];
}

/** Counts what an outline holds, for the summary. */
export function countOutline(fields: { sections: Outline['sections']; targets: Outline['targets']; schedule: Outline['schedule'] }) {
  return {
    sections: fields.sections.length,
    items: fields.sections.reduce((n, s) => n + s.items.length, 0),
    targets: fields.targets.length,
    months: fields.schedule.reduce((n, e) => n + e.months.length, 0),
  };
}

/** Notes gathered on the way, copied into the summary. */
export function notesOf(notes: ImportNotes): Pick<ImportSummary, 'joined' | 'dropped' | 'keptAsText' | 'notes'> {
  return { joined: [...notes.joined], dropped: [...notes.dropped], keptAsText: [...notes.keptAsText], notes: [...notes.notes] };
}

/** The summary as Chinese lines for the terminal. */
export function formatSummary(s: ImportSummary): string {
  const lines: string[] = [];
  lines.push(`读取：${s.source}${s.title ? `，标题“${s.title}”` : ''}`);
  lines.push(`单位：${s.org}${s.orgFound ? '' : '（原文中没有找到，请修改 org，或用 --org 指定）'}`);
  lines.push(
    `年度：${s.sourceYear ? `原计划 ${s.sourceYear} 年 → ` : '原文中没有找到年份，'}新提纲 ${s.year} 年${s.yearsRolled ? `（正文中 ${s.yearsRolled} 处“${s.sourceYear}年”改为“${s.year}年”）` : ''}`,
  );
  lines.push(`类型：${s.type}（依据：${s.typeReason}；可用 --type 指定）`);
  const found = [
    s.preface ? '开头语' : '',
    s.guidance ? '指导思想' : '',
    `${s.sections} 个工作板块、${s.items} 个条目`,
    s.targets ? `${s.targets} 项工作目标` : '',
    s.months ? `${s.months} 个月的工作安排` : '',
  ].filter((x) => x);
  lines.push(`识别出：${found.join('，')}`);
  const list = (head: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${head}（${items.length} 处）：`);
    for (const item of items.slice(0, 20)) lines.push(`  - ${item}`);
    if (items.length > 20) lines.push(`  - ……另有 ${items.length - 20} 处`);
  };
  list('接上了被网页断开的段落', s.joined);
  list('去掉了网页附加的文字', s.dropped);
  list('未识别、留作正文的内容', s.keptAsText);
  list('请核对', s.notes);
  return `${lines.join('\n')}\n`;
}
