/**
 * The GB/T 9704-2012 page every plan is set on: A4 with margins of 37/35/28/26 mm (top, bottom,
 * left, right), which leave a 156 × 225 mm text block of 22 lines of 28 characters of 三号
 * (16 pt). Title breaking and table columns measure in characters across this block, so the DOCX
 * and PDF writers agree; each writer states the same page in its own units (twips in
 * `writers/docx/units.ts`, Typst lengths in `writers/pdf/layout.ts`).
 */

/** The A4 page and its margins, in millimetres. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

/** The text block inside the margins, in millimetres: 156 × 225. */
export const TEXT_BLOCK_MM = {
  width: PAGE_MM.width - PAGE_MM.left - PAGE_MM.right,
  height: PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom,
} as const;

/** Lines a page holds and characters a body line holds (GB/T 9704 5.2.2). */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Font sizes in points: 二号 for the title, 三号 for the body, 四号 for tables. */
export const SIZE_PT = { title: 22, body: 16, table: 14 } as const;

/** How many characters of a size (in points) fit across the text block; not rounded. */
export function charsAcross(sizePt: number): number {
  return ((TEXT_BLOCK_MM.width / 25.4) * 72) / sizePt;
}
