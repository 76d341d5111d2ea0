import { levelWords, planLevel, type Level } from '../../vocab/level.js';
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

export const levelMismatch: Rule = {
  id: 'level-mismatch',
  severity: 'warning',
  description:
    '区（县）、乡镇、街道计划中的本级称谓与本级不符，如县总工会的计划写“全区”“区委”，乡工会的计划写“全镇”“镇党委”（本级取 level，或从工会全称推断）',
  run(ctx) {
    const { type, org, level: given } = ctx.plan;
    if (!type) return [];
    const level = planLevel(type, org ?? '', given);
    const pattern = level ? otherLevels(level) : undefined;
    if (!level || !pattern) return [];
    const words = levelWords(level, org ?? '');
    const hits: Hit[] = [];
    for (const match of scan(ctx.segments, pattern)) {
      const right = match.text.startsWith('全') ? `全${level}` : words.party;
      hits.push({
        ...ctx.at(offsetOf(match)),
        message: `本计划是${level}一级（${given ? 'level' : '工会全称'}：${given ?? org}），“${match.text}”与本级不符`,
        suggestion: `改为“${right}”`,
      });
    }
    return hits;
  },
};
