/**
 * The months a piece of plan text belongs to, read from its words: “9月”, “7—8月”, 暑期, 教师节,
 * 国庆, 重阳, 三八, 五一, 下半年, 年末 …. Half-year and term plans leave out default text that
 * belongs only to other months (`templates/period-filter.ts`), and `check month-outside-period`
 * points at such words in a plan.
 */

/** A word or month in a text, where it is, and the months it names. */
export interface MonthReference {
  /** Position in the text. */
  index: number;
  /** The words as written, e.g. `教师节`, `7—8月`. */
  text: string;
  months: number[];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Words that belong to months, longest first where one contains another (秋季学期 before 秋季).
 * A festival counts the month it falls in, or both where the lunar date moves (春节, 中秋).
 */
const WORDS: readonly (readonly [string, number[]])[] = [
  ['第一学期', [9, 10, 11, 12, 1]],
  ['秋季学期', [9, 10, 11, 12, 1]],
  ['第二学期', range(2, 7)],
  ['春季学期', range(2, 7)],
  ['上半年', range(1, 6)],
  ['下半年', range(7, 12)],
  ['第一季度', range(1, 3)],
  ['第二季度', range(4, 6)],
  ['第三季度', range(7, 9)],
  ['第四季度', range(10, 12)],
  ['一季度', range(1, 3)],
  ['二季度', range(4, 6)],
  ['三季度', range(7, 9)],
  ['四季度', range(10, 12)],
  ['年初', [1, 2]],
  ['年末', [12]],
  ['年底', [12]],
  ['岁末', [12]],
  ['元旦', [12, 1]],
  ['迎新年', [12, 1]],
  ['春节', [1, 2]],
  ['寒暑假', [1, 2, 7, 8]],
  ['寒假', [1, 2]],
  ['元宵', [2, 3]],
  ['三八', [3]],
  ['妇女节', [3]],
  ['植树节', [3]],
  ['清明', [4]],
  ['五一', [5]],
  ['劳动节', [5]],
  ['五四', [5]],
  ['青年节', [5]],
  ['母亲节', [5]],
  ['端午', [5, 6]],
  ['六一', [6]],
  ['儿童节', [6]],
  ['七一', [7]],
  ['暑期', [7, 8]],
  ['暑假', [7, 8]],
  ['夏送清凉', [6, 7, 8]],
  ['防暑降温', [6, 7, 8]],
  ['八一', [8]],
  ['建军节', [8]],
  ['教师节', [9]],
  ['中秋', [9, 10]],
  ['国庆', [9, 10]],
  ['重阳', [10]],
  ['金秋', [9, 10, 11]],
  ['春季', range(3, 5)],
  ['夏季', range(6, 8)],
  ['秋季', range(9, 11)],
  ['冬季', [12, 1, 2]],
];

const M = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 9, 九, 十一 → a month; undefined when it is not 1–12. */
function monthNumber(text: string): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : text.startsWith('十') ? 10 + (CN_DIGITS[text[1] ?? ''] ?? 0) : CN_DIGITS[text];
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for all: a span of months (7—8月, 7月至8月), one month (9月, 九月份), or a word.
 * A month inside a full date (2027年6月20日) is when something was written, not what it is about;
 * 五一劳动奖章 and 三八红旗手 are honours named after the day, which is still their month.
 */
const PATTERN = new RegExp(
  [
    `(?<!\\d{4}\\s*年\\s*)(?<!\\d)${M}\\s*月?份?\\s*[—–\\-~～至到]+\\s*${M}\\s*月`,
    `(?<!\\d{4}\\s*年\\s*)(?<!\\d)${M}\\s*月`,
    WORDS.map(([word]) => escapeRegExp(word)).join('|'),
  ].join('|'),
  'gu',
);
const WORD_MONTHS = new Map(WORDS.map(([word, months]) => [word, months]));
/** 学年初, 学年末 are the ends of a school year, not of the calendar year. */
const SCHOOL_YEAR_ENDS = new Set(['年初', '年末', '年底']);

/** Every month, span of months and dated word in a text, in order; words that run together count as one. */
export function monthReferences(text: string): MonthReference[] {
  const out: MonthReference[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const [all, from, to, single] = match;
    let months: number[] | undefined;
    if (from !== undefined && to !== undefined) {
      const a = monthNumber(from);
      const b = monthNumber(to);
      if (a !== undefined && b !== undefined) months = a <= b ? range(a, b) : [...range(a, 12), ...range(1, b)];
    } else if (single !== undefined) {
      const m = monthNumber(single);
      if (m !== undefined) months = [m];
    } else if (!(SCHOOL_YEAR_ENDS.has(all) && text[match.index - 1] === '学')) months = WORD_MONTHS.get(all);
    if (!months) continue;
    // 元旦春节, “六一”儿童节: words run together name one time, all their months together.
    const last = out[out.length - 1];
    if (last && /^[“”"节]*$/u.test(text.slice(last.index + last.text.length, match.index))) {
      last.text = text.slice(last.index, match.index + all.length);
      last.months = [...new Set([...last.months, ...months])];
    } else out.push({ index: match.index, text: all, months });
  }
  return out;
}

/**
 * Whether a reference lies outside a period: fewer than half of its months are the period's.
 * 寒假 (January–February) belongs to an autumn term that ends in January; 上半年 does not, though
 * it shares January with it.
 */
export function outside(reference: MonthReference, allowed: readonly number[]): boolean {
  const inside = reference.months.filter((m) => allowed.includes(m)).length;
  return inside * 2 < reference.months.length;
}
