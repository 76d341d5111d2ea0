import { typedNumber } from './number-forms.js';
import { excerpt, type ImportNotes } from './report.js';
import { monthLine, scheduleFromLines, scheduleFromTable } from './schedule.js';
import type { ScheduleEntry } from '../outline/types.js';
import type { SourceBlock } from './source.js';

/** 具体工作安排, 月工作安排, 工作行事历 …: a heading over the month-by-month arrangement. */
const SCHEDULE_TITLE =
  /^(具体|月度|每月|分月|各月|全年|年度|逐月|主要)?(的)?(月)?(工作|活动)?(安排|行事历|日程|日程安排|进度安排|月历|安排表)(表)?(如下)?[：:。]?$/;

function headingText(block: SourceBlock): string | undefined {
  if (block.kind !== 'paragraph') return undefined;
  return (typedNumber(block.text)?.rest ?? block.text).trim();
}

/**
 * Takes the month-by-month arrangement out of the blocks: under a heading such as 具体工作安排
 * (a table, “3月：” lines, or a month on a line with its work below), or a run of three or more
 * month lines anywhere. What cannot be read as months stays in the blocks, in place.
 */
export function takeSchedule(blocks: SourceBlock[], notes: ImportNotes): { blocks: SourceBlock[]; schedule: ScheduleEntry[] } {
  const out: SourceBlock[] = [];
  const schedule: ScheduleEntry[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const title = headingText(block);
    const titled = title !== undefined && title.length <= 20 && SCHEDULE_TITLE.test(title);
    const startsRun =
      block.kind === 'paragraph' &&
      monthLine(block.text) !== undefined &&
      blocks.slice(i, i + 3).every((b) => b.kind === 'paragraph' && monthLine(b.text));
    if (!titled && !startsRun) {
      out.push(block);
      continue;
    }
    // The region: tables and paragraphs up to the next numbered paragraph that is not a month.
    let end = titled ? i + 1 : i;
    const lines: string[] = [];
    const tables: string[][][][] = [];
    while (end < blocks.length) {
      const next = blocks[end]!;
      if (next.kind === 'table') tables.push(next.rows);
      else if ((next.headingLevel !== undefined || typedNumber(next.text)) && !monthLine(next.text)) break;
      else lines.push(next.text);
      end++;
    }
    const fromTables = tables.map(scheduleFromTable);
    const fromLines = scheduleFromLines(lines);
    if (fromLines.entries.length === 0 && !fromTables.some((t) => t?.length)) {
      out.push(block);
      continue;
    }
    if (titled && title !== '具体工作安排') notes.notes.push(`${block.origin} 的标题“${title}”在新计划中由模板写作“具体工作安排”`);
    for (const entries of fromTables) if (entries) schedule.push(...entries);
    schedule.push(...fromLines.entries);
    fromTables.forEach((entries, k) => {
      if (!entries) out.push({ kind: 'table', rows: tables[k]!, origin: block.origin });
    });
    for (const year of fromLines.years) notes.notes.push(`月份前的“${year}”没有保留：月度安排属于新提纲的年度`);
    for (const line of fromLines.leftover) {
      // A year or a heading the lines repeat is not lost: it stays as text where it was.
      out.push({ kind: 'paragraph', text: line, origin: block.origin });
      notes.keptAsText.push(`月度安排前的文字 ${excerpt(line)} 未能按月份识别，留作正文`);
    }
    i = end - 1;
  }
  return { blocks: out, schedule };
}
