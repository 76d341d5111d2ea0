import { periodMonths } from '../../vocab/periods.js';
import type { ListWord } from '../lists/lists.js';
import type { ShapeScheduleRow } from '../scan/plan-shape.js';
import type { Hit, Rule } from './rule.js';

const SENTENCE_END = /[。；！？!?;\n]/u;
const CLAUSE_END = /[，,：:]/u;

/** The calendar groups of `months` months (quarters for 3) that lie wholly in the period. */
function groups(interval: number, inPeriod: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let first = 1; first <= 12; first += interval) {
    const group = Array.from({ length: interval }, (_, i) => first + i);
    if (group.every((m) => inPeriod.includes(m))) out.push(group);
  }
  return out;
}

/** 3月, 第二季度, 下半年, 1—2月: a group as the plan's reader names it. */
function groupName(group: readonly number[]): string {
  const [first, last] = [group[0]!, group[group.length - 1]!];
  if (group.length === 1) return `${first}月`;
  if (group.length === 3) return `第${'一二三四'[(first - 1) / 3]}季度`;
  if (group.length === 6) return first === 1 ? '上半年' : '下半年';
  return `${first}—${last}月`;
}

const UNIT: Readonly<Record<number, string>> = { 1: '个月', 2: '个两月期', 3: '个季度', 4: '个四月期', 6: '个半年' };

/**
 * What names the work in a clause: its runs of Chinese characters, without the frequency and the
 * common words (检查, 工作, 一次 …), cut into pairs: 已建驿站 → 已建, 建驿, 驿站. A schedule row
 * that shares a pair with the clause is taken to schedule the same work.
 */
function workKeys(clause: string, remove: readonly RegExp[]): string[] {
  let text = clause;
  for (const pattern of remove) {
    pattern.lastIndex = 0;
    text = text.replace(pattern, '|');
  }
  const keys = new Set<string>();
  for (const run of text.split(/[^\p{Script=Han}]|[和与及的等、]/u)) {
    for (let i = 0; i + 2 <= run.length; i++) keys.add(run.slice(i, i + 2));
  }
  return [...keys];
}

/**
 * The keys of the work a frequency word at `index` belongs to: its own clause's, else those of the
 * clauses before it in the sentence (建立建会入会台账，每半年更新一次).
 */
function keysAt(text: string, index: number, end: number, remove: readonly RegExp[]): { clause: string; keys: string[] } {
  let sentence = index;
  while (sentence > 0 && !SENTENCE_END.test(text[sentence - 1]!)) sentence--;
  const clauseStart = (from: number): number => {
    let i = from;
    while (i > sentence && !CLAUSE_END.test(text[i - 1]!)) i--;
    return i;
  };
  let stop = end;
  while (stop < text.length && !SENTENCE_END.test(text[stop]!) && !CLAUSE_END.test(text[stop]!)) stop++;
  let begin = clauseStart(index);
  let keys = workKeys(text.slice(begin, stop), remove);
  while (keys.length === 0 && begin > sentence) {
    const previous = clauseStart(begin - 1);
    keys = workKeys(text.slice(previous, begin - 1), remove);
    begin = previous;
  }
  return { clause: text.slice(begin, stop), keys };
}

export const frequencyScheduleMismatch: Rule = {
  id: 'frequency-schedule-mismatch',
  severity: 'warning',
  description:
    '正文写了“每月”“每季度”“每半年”做的工作，月度安排中却没有每月（每季度、每半年）都安排（报在频次词处；频次词和不算数的常用词见 src/check/lists/check-lists.yaml 的 frequencies、common-words，可以补充）',
  run(ctx) {
    const { schedule, period } = ctx.plan;
    if (schedule.length === 0) return [];
    const inPeriod = periodMonths(period);
    const remove: RegExp[] = [...ctx.lists.frequencies, ...ctx.lists.commonWords].map((word: ListWord) => word.matcher);
    // The schedule's own rows are what the body is compared with, not text to judge (as in
    // month-outside-period: in an outline the rows are on the lines from the first row's on).
    const rowsAt = schedule.map((row) => row.at.line).sort((a, b) => a - b);
    const inRow = (line: number): boolean => (ctx.kind === 'outline' ? line >= rowsAt[0]! : rowsAt.includes(line));
    const hits: Hit[] = [];
    for (const segment of ctx.segments) {
      for (const word of ctx.lists.frequencies) {
        word.matcher.lastIndex = 0;
        for (const match of segment.text.matchAll(word.matcher)) {
          if (!match[0]) continue;
          const at = ctx.at(segment.starts[match.index]!);
          if (inRow(at.line)) continue;
          const needed = groups(word.months, inPeriod);
          if (needed.length === 0) continue;
          const { clause, keys } = keysAt(segment.text, match.index, match.index + match[0].length, remove);
          if (keys.length === 0) continue;
          const rows: ShapeScheduleRow[] = schedule.filter((row) => keys.some((key) => row.text.includes(key)));
          const missing = needed.filter((group) => !rows.some((row) => row.months.some((m) => group.includes(m))));
          if (missing.length === 0) continue;
          const unit = UNIT[word.months] ?? '期';
          const had = needed.length - missing.length;
          hits.push({
            ...at,
            message: `正文写“${clause.trim()}”，月度安排中${had ? `只有${had}${unit}` : '没有一个月'}安排了这项工作（应有${needed.length}${unit}），缺${missing.map(groupName).join('、')}`,
            suggestion: `在月度安排的${missing.map(groupName).join('、')}写上这项工作，或改写正文中的“${match[0]}”`,
          });
        }
      }
    }
    return hits;
  },
};
