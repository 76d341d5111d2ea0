import { SIZE_PT, charsAcross } from '../vocab/page.js';
import { charWidths, textWidth } from './text-width.js';

/**
 * Long titles broken into balanced lines. GB/T 9704 sets the title centred, and a title too long
 * for one line is broken so its lines are about equally long (a "pyramid" or "inverted pyramid"),
 * never a long first line and a stub, and never inside a word such as 工作计划. Both the DOCX and
 * the PDF writer break titles here, so the two formats agree line for line.
 */

/** Characters of 二号 (22 pt) that fit in the 156 mm text block: 156 mm / 7.76 mm, 20. */
export const TITLE_LINE_CHARS = Math.floor(charsAcross(SIZE_PT.title));

/** Words a break must not cut. */
const KEEP_TOGETHER = [
  '工作计划',
  '工作要点',
  '工作总结',
  '工作方案',
  '实施方案',
  '工作安排',
  '工会委员会',
  '工会联合会',
  '经费审查委员会',
  '股份有限公司',
  '有限责任公司',
  '有限公司工会',
  '委员会',
  '联合会',
  '教代会',
  '职代会',
  '上半年',
  '下半年',
  '年度',
  '工会',
];

/** Runs of Latin letters and digits (with a following 年, as in 2027年) stay on one line. */
const LATIN_RUN = /[0-9A-Za-z]+(?:年度?)?/g;

/** A line may not start with closing punctuation or end with opening punctuation. */
const CLOSING = /[，。、；：？！）》」』”’…—·%,.;:?!)\]]/u;
const OPENING = /[（《「『“‘([]/u;

/**
 * Where a title reads well broken. GB/T 9704 asks first that a broken title keep its words whole
 * (词意完整) and only then that its lines be balanced (排列对称), and without a dictionary these
 * patterns are how the writer knows a word ends. Strong: after the unit's name, before the year or
 * 关于. Medium: after a particle or an administrative or organisational suffix, before a verb
 * that opens a clause.
 */
const STRONG_AFTER = /(工会|委员会|联合会)$/u;
const STRONG_BEFORE = /^(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年|^关于/u;
const MEDIUM_AFTER =
  /(的|和|与|及|暨|关于|省|市|区|县|镇|乡|街道|社区|村|局|厅|委|院|小学|中学|大学|学校|幼儿园|公司|集团|中心|政府|系统|行业)$/u;
const MEDIUM_BEFORE = /^(做好|加强|开展|进一步|推进|深化|全面|认真|切实)/u;

/**
 * How much imbalance a good break is worth, in squared characters (a line d characters off the
 * mean costs d²). For two lines a strong break may sit five characters off the middle and a
 * medium one almost four before an even break in the middle of a word wins.
 */
const STRONG_BONUS = 50;
const MEDIUM_BONUS = 30;

/** A year in Chinese numerals, 二〇二七年, stays whole too. */
const CHINESE_YEAR = /[〇零一二三四五六七八九]{4}年度?/gu;

/** Short bracketed notes such as （试行） stay whole. */
const BRACKETED = /（[^（）]{1,6}）|\([^()]{1,6}\)/gu;

/**
 * The most lines a title is balanced over (about 120 characters); a longer title is filled line by
 * line, still breaking where it reads well when it can.
 */
export const MAX_BALANCED_LINES = 6;

/**
 * The title's lines: one line when it fits, else as few lines as fit, of near-equal length, broken
 * where it reads best. Line breaks the user wrote are kept as they are. `org`, the unit's name,
 * stays whole on one line where the title holds it and it fits on one; a longer name breaks only
 * at the ends of its words (…工会联合会, …经费审查委员会, …有限公司工会).
 */
export function titleLines(title: string, org?: string, maxChars: number = TITLE_LINE_CHARS): string[] {
  const written = title.split(/\r\n|\r|\n/);
  if (written.length > 1) return written;
  const chars = [...title];
  const widths = charWidths(chars);
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (total <= maxChars) return [title];

  const allowed = allowedBreaks(chars, org?.trim() && textWidth(org.trim()) <= maxChars ? org.trim() : undefined);
  // Balancing costs lines × characters × line width; past a few lines it is slow and no longer
  // reads as a title anyway, so a longer one is filled line by line.
  if (total > maxChars * MAX_BALANCED_LINES) return filledLines(chars, widths, maxChars, allowed);
  const lines = balancedBreaks(chars, widths, maxChars, allowed) ?? balancedBreaks(chars, widths, maxChars, null);
  // balancedBreaks without restrictions always finds lines: every single character fits.
  return lines ?? [title];
}

/** How far the break patterns below look either side of a break (their longest match is five). */
const CONTEXT_CHARS = 8;

/**
 * Lines filled one after another, each broken at its last allowed place (anywhere when it has
 * none): linear, for titles too long to balance.
 */
function filledLines(chars: string[], widths: number[], maxChars: number, allowed: Map<number, number>): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let width = 0;
    let end = start;
    while (end < chars.length && width + (widths[end] ?? 0) <= maxChars) width += widths[end++] ?? 0;
    if (end === start) end = start + 1;
    if (end < chars.length) {
      let at = end;
      while (at > start && !allowed.has(at)) at--;
      if (at > start) end = at;
    }
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  return lines;
}

/**
 * For each position 1…n−1 between characters, whether a break there is allowed, and its bonus. A
 * whole `org` in the title is one word, and breaking either side of it is a strong break.
 */
function allowedBreaks(chars: string[], org: string | undefined): Map<number, number> {
  const text = chars.join('');
  // The character index of each UTF-16 offset, so that a match's place costs nothing to find.
  const charAt: number[] = [];
  chars.forEach((char, i) => {
    for (let k = 0; k < char.length; k++) charAt.push(i);
  });
  charAt.push(chars.length);
  const blocked = new Set<number>();
  const block = (start: number, length: number) => {
    for (let i = start + 1; i < start + length; i++) blocked.add(i);
  };
  const orgEdges = new Set<number>();
  if (org) {
    for (let at = text.indexOf(org); at >= 0; at = text.indexOf(org, at + 1)) {
      const start = [...text.slice(0, at)].length;
      const length = [...org].length;
      block(start, length);
      orgEdges.add(start).add(start + length);
    }
  }
  for (const word of KEEP_TOGETHER) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      block(charAt[at]!, [...word].length);
    }
  }
  for (const pattern of [LATIN_RUN, CHINESE_YEAR, BRACKETED]) {
    for (const match of text.matchAll(pattern)) {
      block(charAt[match.index]!, [...match[0]].length);
    }
  }

  const allowed = new Map<number, number>();
  for (let i = 1; i < chars.length; i++) {
    if (blocked.has(i)) continue;
    if (CLOSING.test(chars[i] ?? '') || OPENING.test(chars[i - 1] ?? '')) continue;
    // The patterns look at most a few characters either side: a window keeps this linear.
    const before = chars.slice(Math.max(0, i - CONTEXT_CHARS), i).join('');
    const after = chars.slice(i, i + CONTEXT_CHARS).join('');
    const strong = orgEdges.has(i) || STRONG_AFTER.test(before) || STRONG_BEFORE.test(after);
    const medium = MEDIUM_AFTER.test(before) || MEDIUM_BEFORE.test(after);
    allowed.set(i, strong ? STRONG_BONUS : medium ? MEDIUM_BONUS : 0);
  }
  return allowed;
}

/**
 * The fewest lines of at most `maxChars` each, and among those the most even (least squared
 * deviation from the mean width, less the bonus of natural breaks). `allowed` null means any break.
 */
function balancedBreaks(chars: string[], widths: number[], maxChars: number, allowed: Map<number, number> | null): string[] | null {
  const n = chars.length;
  const prefix = [0];
  for (const width of widths) prefix.push((prefix[prefix.length - 1] ?? 0) + width);
  const widthOf = (from: number, to: number) => (prefix[to] ?? 0) - (prefix[from] ?? 0);
  const total = prefix[n] ?? 0;
  const bonusAt = (i: number): number | undefined => (allowed === null ? 0 : allowed.get(i));

  const fewest = Math.ceil(total / maxChars);
  // With restricted breaks, a couple of extra lines is worth trying; beyond that the caller falls
  // back to breaking anywhere rather than printing a tower of short lines.
  const most = allowed === null ? n : Math.min(n, fewest + 2);
  for (let count = fewest; count <= most; count++) {
    const mean = total / count;
    // best[k][i]: least cost of putting chars[0..i) on k lines, and where its last line starts.
    const best: { cost: number; from: number }[][] = [[{ cost: 0, from: -1 }]];
    for (let k = 1; k <= count; k++) {
      const row: { cost: number; from: number }[] = [];
      for (let i = 1; i <= n; i++) {
        const bonus = i === n ? 0 : bonusAt(i);
        if (bonus === undefined) continue;
        // A line is at most maxChars wide and no character is narrower than half.
        for (let j = Math.max(0, i - 2 * maxChars); j < i; j++) {
          const previous = best[k - 1]?.[j];
          if (previous === undefined) continue;
          const width = widthOf(j, i);
          if (width > maxChars) continue;
          const cost = previous.cost + (width - mean) ** 2 - bonus;
          const current = row[i];
          if (current === undefined || cost < current.cost) row[i] = { cost, from: j };
        }
      }
      best.push(row);
    }
    if (best[count]?.[n] === undefined) continue;
    const lines: string[] = [];
    let end = n;
    for (let k = count; k >= 1; k--) {
      const cell = best[k]?.[end];
      if (cell === undefined) return null;
      lines.unshift(chars.slice(cell.from, end).join(''));
      end = cell.from;
    }
    return lines;
  }
  return null;
}
