/**
 * The GB/T 9704-2012 page in Word's units. Word measures lengths in twips (1/20 pt, 1/1440 inch)
 * and font sizes in half-points, so every number the other files need is worked out here once.
 */

/** Twips in one millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded to the nearest twip as Word stores them. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points to twips. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** Points to the half-points `w:sz` takes. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Chinese type sizes (字号) in points. */
export const SIZE_PT = {
  /** 二号: the title. */
  er: 22,
  /** 三号: body and headings. */
  san: 16,
  /** 四号: page numbers and table text. */
  si: 14,
} as const;

/** A4 in twips. */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;

/**
 * Margins top 37, bottom 35, left 28, right 26 mm (版心 156 × 225 mm), as Word itself stores them
 * when a clerk types the centimetres into Page Setup: Word keeps lengths to 0.1 pt, so 2.8 cm is
 * 1588 twips, not the 1587 an exact conversion gives. Matching Word keeps the page dialog showing
 * round centimetres.
 */
export const MARGIN_TOP = 2098;
export const MARGIN_BOTTOM = 1984;
export const MARGIN_LEFT = 1588;
export const MARGIN_RIGHT = 1474;

/** Width of the text block: tables span exactly this. */
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/**
 * Pitch of one grid line. 22 lines fill the 225 mm text block: 225 mm / 22 = 28.95 pt, which
 * Word stores as 579 twips. Body lines use it as exact spacing, so the page holds 22 lines in
 * any application, grid or no grid.
 */
export const LINE_PITCH = 579;

/** One character of body text (三号), the unit of the first-line indent and the signature's right indent. */
export const BODY_CHAR = ptToTwips(SIZE_PT.san);

/** One character of the page number (四号): how far the number sits in from the text block's edge. */
export const PAGE_NUMBER_CHAR = ptToTwips(SIZE_PT.si);

/**
 * Height of the footer line. Exact, so the page number's position does not depend on the metrics
 * of whatever font replaces 宋体 on the reader's machine.
 */
export const FOOTER_LINE = 340;

/**
 * Distance from the page's bottom edge to the bottom of the footer line. GB/T 9704 puts the page
 * number's dashes (一字线) 7 mm under the text block; the dash sits in the middle of its line and
 * Word grows the footer upwards from this distance, so the line's middle lands at 35 mm − 7 mm,
 * where the PDF puts the dash too.
 */
export const FOOTER_DISTANCE = MARGIN_BOTTOM - mmToTwips(7) - FOOTER_LINE / 2;

/**
 * 28 characters of 三号 on a 156 mm line: 16 pt characters would give only 27, so body text is
 * condensed by a quarter point (w:spacing −5, in twentieths of a point): 28 × 15.75 pt fits the
 * 442.2 pt line and justification spreads the rest. Word's own way, a lines-and-characters grid,
 * is read by LibreOffice as two grid cells per character and doubles every line's width there;
 * condensed spacing reads the same in Word, WPS and LibreOffice.
 */
export const CHARS_PER_LINE = 28;
export const BODY_CHAR_SPACING = -5;

/** Word's default header distance (1.5 cm); the plan has no header, but the section needs one. */
export const HEADER_DISTANCE = mmToTwips(15);

/** Line height inside table cells: exact, and suited to 四号 text rather than the 28.95 pt grid. */
export const TABLE_LINE = 400;

/** Space between a cell's border and its text. */
export const CELL_MARGIN_X = 100;
export const CELL_MARGIN_Y = 40;
