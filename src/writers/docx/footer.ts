/**
 * Page numbers: `— 1 —` in 4号 宋体, odd pages on the right and even pages on the left, one
 * character in from the text block's edge (GB/T 9704-2012 7.5). Word shows different odd and even
 * footers only with `w:evenAndOddHeaders` in the settings, which the document turns on.
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { textRuns } from './runs.js';
import { STYLE } from './styles.js';
import { PAGE_NUMBER_CHAR } from './units.js';

/** Which pages a footer is for. */
export type PageSide = 'odd' | 'even';

/**
 * The paragraph holding the page number between em dashes, in `font` (the page-number face).
 * Its alignment and one-character indent are set here because they differ between the two footers.
 */
export function pageNumberParagraph(side: PageSide, font: string): Paragraph {
  return new Paragraph({
    style: STYLE.footer,
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: PAGE_NUMBER_CHAR } : { left: PAGE_NUMBER_CHAR },
    // The em dashes are full-width characters of the Chinese face, not Times New Roman dashes.
    children: [...textRuns('— ', font), new TextRun({ children: [PageNumber.CURRENT] }), ...textRuns(' —', font)],
  });
}

/**
 * The footers of the section. `default` is Word's name for the odd pages' footer once even pages
 * have their own.
 */
export function pageNumberFooters(font: string): { default: Footer; even: Footer } {
  return {
    default: new Footer({ children: [pageNumberParagraph('odd', font)] }),
    even: new Footer({ children: [pageNumberParagraph('even', font)] }),
  };
}
