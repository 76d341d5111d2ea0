import { levelWords, planLevel, type Level } from '../../vocab/level.js';
import { GRASSROOTS, type LevelWord } from '../lists/lists.js';
import type { Hit, Rule } from './rule.js';
import { offsetOf, scan } from '../scan/scan.js';

/** The levels a plan may confuse with its own: the others of its tier (a county with a district). */
const TIERS: readonly (readonly Level[])[] = [
  ['区', '县', '旗'],
  ['镇', '乡', '街道'],
];

const patterns = new Map<Level, RegExp>();

/** Self-references of the other levels of a tier: 全区, 区委 in a county's plan; 全镇, 镇党委 in a 乡's. */
function otherLevels(level: Level): RegExp | undefined {
  let pattern = patterns.get(level);
  if (pattern) return pattern;
  const tier = TIERS.find((t) => t.includes(level));
  if (!tier) return undefined;
  const others = tier.filter((l) => l !== level);
  const all = others.join('|');
  const committees = others.map((l) => levelWords(l, '').party).join('|');
  // 全区域 is not 全区; 社区委员会, 园区委 are not a district's committee.
  pattern = new RegExp(`全(?:${all})(?!域)|(?<![社园校片辖景])(?:${committees})(?!员)`, 'gu');
  patterns.set(level, pattern);
  return pattern;
}

/** A union of a regional level named in a union's name: 青山县总工会经费审查委员会 is the county's. */
const REGIONAL_UNION = /(区|县|市|旗|镇|乡|街道)(?:总工会|工会联合会|工联)/gu;

/**
 * The level the list's words are judged by: the regional one of a district, town or street plan;
 * for another type (an 经审会's), the level of the federation its name belongs to, else 基层.
 */
function wordLevel(type: string, org: string, given?: Level): string {
  const regional = planLevel(type, org, given);
  if (regional) return regional;
  let found: string | undefined;
  for (const match of org.matchAll(REGIONAL_UNION)) found = match[1];
  return found ?? GRASSROOTS;
}

const applies = (word: LevelWord, type: string, level: string): boolean =>
  word.levels.includes(level) && (!word.types || word.types.includes(type));

export const levelMismatch: Rule = {
  id: 'level-mismatch',
  severity: 'warning',
  description:
    '与本级不符的称谓和工作：县总工会的计划写“全区”“区委”，乡工会的计划写“全镇”“镇党委”；区县总工会经审会的计划写“会费收缴”“会员（代表）大会”、基层工会主席的“离任审计”，基层工会经审会的计划写审查“乡镇（街道）工会”、指导“下级经审会”；乡的计划写“园区”，乡镇的计划写“规模以上企业”（本级取 level，或从工会全称推断；词表见 src/check/lists/check-lists.yaml 的 levels，可以补充）',
  run(ctx) {
    const { type, org, level: given } = ctx.plan;
    if (!type) return [];
    const hits: Hit[] = [];
    const source = given ? `level：${given}` : org ? `工会全称：${org}` : '未写工会全称';
    const level = planLevel(type, org ?? '', given);
    const pattern = level ? otherLevels(level) : undefined;
    if (level && pattern) {
      const words = levelWords(level, org ?? '');
      for (const match of scan(ctx.segments, pattern)) {
        const right = match.text.startsWith('全') ? `全${level}` : words.party;
        hits.push({
          ...ctx.at(offsetOf(match)),
          message: `本计划是${level}一级（${source}），“${match.text}”与本级不符`,
          suggestion: `改为“${right}”`,
        });
      }
    }
    const own = wordLevel(type, org ?? '', given);
    const named = own === GRASSROOTS ? '基层工会' : `${own}一级`;
    for (const word of ctx.lists.levels) {
      if (!applies(word, type, own)) continue;
      for (const match of scan(ctx.segments, word.matcher)) {
        hits.push({
          ...ctx.at(offsetOf(match)),
          message: `本计划是${named}（${source}），“${match.text}”与本级不符${word.note ? `：${word.note}` : ''}`,
          suggestion: word.suggestion ?? '删去，或改为本级的工作',
        });
      }
    }
    return hits;
  },
};
