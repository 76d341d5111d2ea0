/**
 * Where a long title breaks. GB/T 9704-2012 asks that a title of several lines keep its words
 * whole and its lines about even ("pyramid" or "inverted pyramid"): so the title takes as few
 * lines as fit, breaks preferably after the unit's name (…工会) or before the year or 关于, and
 * never inside a word such as 工作计划, a number, or before closing punctuation. Lines the user
 * broke stay as written. (The DOCX writer breaks titles by the same rules.)
 */

/** Characters of 2号 (22 pt) text on one line of the 156 mm text block. */
export const TITLE_LINE_CHARS = 20;

/** Words a break must not cut. */
const KEEP_TOGETHER = ['工作计划', '工作要点', '工作总结', '工作方案', '实施方案', '工作安排', '委员会', '联合会', '教代会', '职代会', '上半年', '下半年', '年度', '工会'];
/** Runs of Latin letters and digits (with a following 年, as in 2027年) and short bracketed notes stay whole. */
const WHOLE = [/[0-9A-Za-z]+(?:年度?)?/g, /[〇零一二三四五六七八九]{4}年度?/g, /（[^（）]{1,6}）|\([^()]{1,6}\)/g];
const CLOSING = /^[，。、；：？！）》」』”’…—·%,.;:?!)\]]/;
const OPENING = /[（《「『“‘([]$/;
const STRONG_AFTER = /(工会|委员会|联合会)$/;
const STRONG_BEFORE = /^(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年|^关于/;
const MEDIUM_AFTER = /(的|和|与|及|暨|省|市|区|县|镇|乡|街道|社区|村|局|委|院|小学|中学|大学|学校|幼儿园|公司|集团|中心|系统|行业)$/;
const MEDIUM_BEFORE = /^(做好|加强|开展|进一步|推进|深化|全面|认真|切实)/;
/** What a good break is worth against uneven lines (in squared characters off the mean). */
const STRONG_BONUS = 50;
const MEDIUM_BONUS = 30;

/** Width of a character in 全角 units: printable ASCII is half. */
function charWidth(char: string): number {
  return /^[\u0020-\u007E]$/.test(char) ? 0.5 : 1;
}

/** Widths of the characters in 全角 units, with the quarter em set between Chinese and Latin text. */
function charWidths(chars: string[]): number[] {
  return chars.map((char, i) => {
    const previous = chars[i - 1];
    const switches = previous !== undefined && previous !== ' ' && char !== ' ' && charWidth(previous) !== charWidth(char);
    return charWidth(char) + (switches ? 0.25 : 0);
  });
}

/** Width of a text in 全角 units. */
export function textWidth(text: string): number {
  return charWidths([...text]).reduce((sum, width) => sum + width, 0);
}

/** The title's lines: one when it fits, else as few as fit, of near-equal length, broken where it reads best. */
export function titleLines(title: string, perLine: number = TITLE_LINE_CHARS): string[] {
  const written = title.split(/\r\n|\r|\n/);
  if (written.length > 1) return written;
  if (textWidth(title) <= perLine) return [title];
  const chars = [...title];
  return balance(chars, perLine, breaks(chars)) ?? balance(chars, perLine, null) ?? [title];
}

/** For each place between characters where a break is allowed, its bonus. */
function breaks(chars: string[]): Map<number, number> {
  const text = chars.join('');
  const blocked = new Set<number>();
  const block = (at: number, length: number) => {
    const start = [...text.slice(0, at)].length;
    for (let i = start + 1; i < start + [...text.slice(at, at + length)].length; i++) blocked.add(i);
  };
  for (const word of KEEP_TOGETHER) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) block(at, word.length);
  }
  for (const pattern of WHOLE) for (const match of text.matchAll(pattern)) block(match.index, match[0].length);
  const allowed = new Map<number, number>();
  for (let i = 1; i < chars.length; i++) {
    const before = chars.slice(0, i).join('');
    const after = chars.slice(i).join('');
    if (blocked.has(i) || CLOSING.test(after) || OPENING.test(before)) continue;
    const strong = STRONG_AFTER.test(before) || STRONG_BEFORE.test(after);
    const medium = MEDIUM_AFTER.test(before) || MEDIUM_BEFORE.test(after);
    allowed.set(i, strong ? STRONG_BONUS : medium ? MEDIUM_BONUS : 0);
  }
  return allowed;
}

/** The fewest lines of at most `perLine`, most even less the bonus of their breaks; `allowed` null: anywhere. */
function balance(chars: string[], perLine: number, allowed: Map<number, number> | null): string[] | undefined {
  const n = chars.length;
  const prefix = [0];
  for (const w of charWidths(chars)) prefix.push((prefix[prefix.length - 1] ?? 0) + w);
  const width = (from: number, to: number) => (prefix[to] ?? 0) - (prefix[from] ?? 0);
  const fewest = Math.ceil(width(0, n) / perLine);
  const most = allowed ? Math.min(n, fewest + 2) : n;
  for (let count = fewest; count <= most; count++) {
    const mean = width(0, n) / count;
    // best[k][i]: the cheapest way to set chars[0..i) on k lines, and where its last line starts.
    const best: Map<number, { cost: number; from: number }>[] = [new Map([[0, { cost: 0, from: -1 }]])];
    for (let k = 1; k <= count; k++) {
      const row = new Map<number, { cost: number; from: number }>();
      for (let i = 1; i <= n; i++) {
        const bonus = i === n ? 0 : allowed ? allowed.get(i) : 0;
        if (bonus === undefined) continue;
        for (const [j, previous] of best[k - 1] ?? []) {
          if (j >= i || width(j, i) > perLine) continue;
          const cost = previous.cost + (width(j, i) - mean) ** 2 - bonus;
          const current = row.get(i);
          if (!current || cost < current.cost) row.set(i, { cost, from: j });
        }
      }
      best.push(row);
    }
    if (!best[count]?.has(n)) continue;
    const lines: string[] = [];
    for (let k = count, end = n; k >= 1; k--) {
      const from = best[k]?.get(end)?.from ?? 0;
      lines.unshift(chars.slice(from, end).join(''));
      end = from;
    }
    return lines;
  }
  return undefined;
}
