/**
 * The administrative level a regional union federation works at, the word its plan uses for
 * itself: 全区 / 全县, 区委 / 县委, 镇党委 / 街道党工委 (区/县/市/旗, or 镇/乡/街道).
 */
export type Level = '区' | '县' | '市' | '旗' | '镇' | '乡' | '街道';

export const LEVELS: readonly Level[] = ['区', '县', '市', '旗', '镇', '乡', '街道'];

/** The level a plan type writes at when its union's name says none. */
const TYPE_LEVEL: Readonly<Record<string, Level>> = { district: '区', town: '镇', street: '街道' };

/** The levels each regional type may have: a district federation is never a 镇's. */
const TYPE_LEVELS: Readonly<Record<string, readonly Level[]>> = {
  district: ['区', '县', '市', '旗'],
  town: ['镇', '乡', '街道'],
  street: ['街道', '镇', '乡'],
};

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** Whether a plan type is written for a region (district, town, street) and so has a level. */
export function hasLevel(type: string): boolean {
  return type in TYPE_LEVEL;
}

/**
 * Where the level word ends in a union's name: the last 区/县/市/旗 (or 镇/乡/街道) before the
 * union's own words, so 青山县总工会 is 县 and 某市某区总工会 is 区.
 */
function levelIn(org: string, levels: readonly Level[]): { level: Level; index: number } | undefined {
  let best: { level: Level; index: number } | undefined;
  for (const level of levels) {
    const index = org.lastIndexOf(level);
    // 街道 is two characters: compare where the word starts.
    if (index > 0 && (!best || index > best.index)) best = { level, index };
  }
  return best;
}

/**
 * A federation's 经费审查委员会 (青山县总工会经费审查委员会) is at its federation's level; a grassroots
 * one (某市第一中学工会经费审查委员会) has none, though its name may hold a 市 or 区. So only a level
 * word right before 总工会 counts, the last one (某市某区总工会… is 区).
 */
const FEDERATION = /(区|县|市|旗)总工会/gu;

/**
 * The level of a plan: the `level:` given, else read from the union's name, else the type's. A
 * regional type always has one; an audit committee has one only when it is a 区/县/市/旗 总工会's.
 */
export function planLevel(type: string, org: string, given?: Level): Level | undefined {
  if (given) return given;
  if (type === 'audit') return [...org.matchAll(FEDERATION)].at(-1)?.[1] as Level | undefined;
  const levels = TYPE_LEVELS[type];
  if (!levels) return undefined;
  return levelIn(org, levels)?.level ?? TYPE_LEVEL[type];
}

/** The words a regional plan uses for itself and its Party committee. */
export interface LevelWords {
  level: Level;
  /** 区委, 县委, 镇党委, 街道党工委. */
  party: string;
  /** The union as it names itself in its text: 县总工会, 乡工会联合会, 街道总工会. */
  self: string;
}

const PARTY: Readonly<Record<Level, string>> = {
  区: '区委',
  县: '县委',
  市: '市委',
  旗: '旗委',
  镇: '镇党委',
  乡: '乡党委',
  街道: '街道党工委',
};

/** The level's words for a union: its own name from the level word on, or “<level>总工会”. */
export function levelWords(level: Level, org: string): LevelWords {
  const index = org.lastIndexOf(level);
  const rest = index > 0 ? org.slice(index) : '';
  const self = /工会|工联|工会联合会/.test(rest) ? rest : `${level}总工会`;
  return { level, party: PARTY[level], self };
}
