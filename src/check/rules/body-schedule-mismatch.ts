import { periodMonths } from '../../vocab/periods.js';
import type { ShapeScheduleRow } from '../scan/plan-shape.js';
import type { Hit, Rule } from './rule.js';

/**
 * Work a schedule row names that the body must describe too, each as the spellings that count
 * as the same work (教代会 is the 教职工代表大会).
 */
const ACTIVITIES: readonly (readonly string[])[] = [
  ['教代会', '教职工代表大会', '教职工大会'],
  ['职代会', '职工代表大会'],
  ['运动会'],
  ['疗休养'],
  ['体检'],
  ['送温暖'],
  ['送清凉'],
  ['金秋助学'],
  ['安康杯'],
  ['安全生产月'],
  ['技能竞赛', '技能比武', '技能大赛'],
  ['劳动竞赛', '劳动和技能竞赛'],
  ['读书'],
  ['换届'],
  ['经济责任审计'],
  ['集体合同', '集体协商'],
  ['校务公开'],
  ['厂务公开'],
  ['园务公开'],
  ['创新工作室'],
  ['驿站'],
  ['民主评议'],
  ['心理健康'],
  ['疗养'],
  ['座谈会'],
  ['全委会'],
  ['三八', '妇女节'],
  ['五一', '劳动节'],
  ['六一', '儿童节'],
  ['教师节'],
  ['重阳'],
];

/** Days a body may date work by, and the month they fall in. */
const DAYS: readonly { words: readonly string[]; months: readonly number[] }[] = [
  { words: ['三八', '妇女节'], months: [3] },
  { words: ['五一', '劳动节'], months: [4, 5] },
  { words: ['六一', '儿童节'], months: [5, 6] },
  { words: ['教师节'], months: [9] },
  { words: ['重阳'], months: [9, 10, 11] },
  { words: ['安全生产月'], months: [6] },
];

const MONTHS = /(\d{1,2})\s*(?:月份?)?\s*[—–\-~～至到]\s*(\d{1,2})\s*月|(\d{1,2})\s*月/g;

function monthsNamed(text: string): { text: string; months: number[] }[] {
  const out: { text: string; months: number[] }[] = [];
  for (const match of text.matchAll(MONTHS)) {
    const [all, a, b, one] = match;
    if (one !== undefined) {
      const m = Number(one);
      if (m >= 1 && m <= 12) out.push({ text: all, months: [m] });
    } else {
      const from = Number(a);
      const to = Number(b);
      if (from >= 1 && to <= 12 && from <= to) out.push({ text: all, months: Array.from({ length: to - from + 1 }, (_, i) => from + i) });
    }
  }
  return out;
}

export const bodyScheduleMismatch: Rule = {
  id: 'body-schedule-mismatch',
  severity: 'warning',
  description: '正文与月度安排不一致：月度安排中的工作（如运动会、疗休养、教代会）正文没有写到，或正文写明了月份、节日的工作月度安排里没有',
  run(ctx) {
    const { schedule, body, period } = ctx.plan;
    if (schedule.length === 0 || body.length === 0) return [];
    const hits: Hit[] = [];
    const bodyText = body.map((piece) => piece.text).join('\n');
    for (const row of schedule) {
      for (const spellings of ACTIVITIES) {
        const named = spellings.find((word) => row.text.includes(word));
        if (named && !spellings.some((word) => bodyText.includes(word))) {
          hits.push({
            ...row.at,
            message: `月度安排“${row.label}”中的“${named}”在正文中没有相应的工作`,
            suggestion: '在主要工作中写明这项工作，或从月度安排中删去',
          });
        }
      }
    }
    const inPeriod = periodMonths(period);
    const covers = (months: readonly number[]): ShapeScheduleRow | undefined =>
      schedule.find((row) => row.months.some((m) => months.includes(m)));
    for (const piece of body) {
      for (const named of monthsNamed(piece.text)) {
        const relevant = named.months.filter((m) => inPeriod.includes(m));
        if (relevant.length && !covers(relevant)) {
          hits.push({
            ...piece.at,
            message: `正文写到“${named.text}”的工作，但月度安排中没有${relevant.length > 1 ? `${relevant[0]}—${relevant[relevant.length - 1]}月` : `${relevant[0]}月`}`,
            suggestion: '在月度安排中补上这项工作，或改正正文中的月份',
          });
        }
      }
      for (const day of DAYS) {
        const word = day.words.find((w) => piece.text.includes(w));
        if (!word || !day.months.some((m) => inPeriod.includes(m))) continue;
        if (schedule.some((row) => day.words.some((w) => row.text.includes(w)))) continue;
        hits.push({
          ...piece.at,
          message: `正文写到“${word}”的工作，但月度安排中没有这项工作`,
          suggestion: '在月度安排相应月份补上这项工作，或从正文中删去',
        });
      }
    }
    return hits;
  },
};
