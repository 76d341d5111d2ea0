/**
 * Which cell styles show a number as a date (`xl/styles.xml`). Excel keeps a date as a number
 * of days; only the style's number format says that 46392 is 2027-01-05.
 */
import type { XmlHandler } from './xml-scanner.js';

/**
 * Built-in formats that are dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58 in
 * East Asian versions of Excel and WPS (31 is `yyyy"年"m"月"d"日"` in Chinese ones).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * True for a format code that shows a date or time: one with y, m, d, h or s (b: a Buddhist
 * year) outside quoted text, `[…]` colour and locale sections, escaped characters and the
 * padding of `_x` and `*x`. `General`, `0.00E+00`, `"TRUE";;"FALSE"` are not dates.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[ymdhsb]/i.test(bare);
}

/** Reads `xl/styles.xml`: for each cell style (`s="3"` of a cell), whether it shows a date. */
export function dateStylesReader(): XmlHandler & { isDateStyle(style: number): boolean } {
  const custom = new Map<number, string>();
  const formatOfStyle: number[] = [];
  const known = new Map<number, boolean>();
  let section: 'numFmts' | 'cellXfs' | undefined;
  return {
    isDateStyle(style: number): boolean {
      let date = known.get(style);
      if (date === undefined) {
        const id = formatOfStyle[style];
        const code = id === undefined ? undefined : custom.get(id);
        date = id === undefined ? false : code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
        known.set(style, date);
      }
      return date;
    },
    open(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void {
      if ((name === 'numFmts' || name === 'cellXfs') && !selfClosing) section = name;
      else if (name === 'numFmt' && section === 'numFmts') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'xf' && section === 'cellXfs') formatOfStyle.push(Number(attributes.numFmtId ?? 0));
    },
    close(name: string): void {
      if (name === section) section = undefined;
    },
    text(): void {},
  };
}
