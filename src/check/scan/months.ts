const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 9, 九, 十一, 十二 → a number (undefined when it is not 1–12). */
function monthNumber(text: string): number | undefined {
  let n: number;
  if (/^\d{1,2}$/.test(text)) n = Number(text);
  else if (/^十[一二]?$/.test(text)) n = 10 + (CN_DIGITS[text[1] ?? ''] ?? 0);
  else if (/^[一二三四五六七八九]$/.test(text)) n = CN_DIGITS[text]!;
  else return undefined;
  return n >= 1 && n <= 12 ? n : undefined;
}

const M = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const SPAN = new RegExp(`${M}\\s*(?:月份?)?\\s*[—–\\-~～至到]+\\s*${M}\\s*月`, 'g');
const SINGLE = new RegExp(`${M}\\s*月`, 'g');

/**
 * The months a schedule cell names: `3月`, `7—8月`, `7月—8月`, `九月`, `3月、5月`. A span counts
 * every month in it. Words such as 全年 or 每月 name none.
 */
export function parseMonths(label: string): number[] {
  const months: number[] = [];
  const rest = label.replace(SPAN, (_all, a: string, b: string) => {
    const from = monthNumber(a);
    const to = monthNumber(b);
    if (from !== undefined && to !== undefined && from <= to) for (let m = from; m <= to; m++) months.push(m);
    return ' ';
  });
  for (const match of rest.matchAll(SINGLE)) {
    const m = monthNumber(match[1]!);
    if (m !== undefined) months.push(m);
  }
  return months;
}
