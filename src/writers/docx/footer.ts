/**
 * Page numbers: `— 1 —` in 4号 宋体, odd pages on the right and even pages on the left, one
 * character in from the text block's edge (GB/T 9704-2012 7.5). Word shows different odd and even
 * footers only with `w:evenAndOddHeaders` in the settings (parts/settings.xml).
 */
import FOOTER from './parts/footer.xml?raw';
import { paragraphXml } from './paragraph.js';
import { textRuns } from './runs.js';
import { STYLE } from './styles.js';
import { compactXml, fillTemplate } from './template.js';
import { PAGE_NUMBER_CHAR } from './units.js';

/** Which pages a footer is for. */
export type PageSide = 'odd' | 'even';

/** Word's PAGE field: the number of the page it stands on. */
const PAGE_FIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">PAGE</w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/**
 * The paragraph holding the page number between em dashes, in `font` (the page-number face).
 * Its alignment and one-character indent are set here because they differ between the two footers.
 */
export function pageNumberParagraph(side: PageSide, font: string): string {
  return paragraphXml(
    {
      style: STYLE.footer,
      alignment: side === 'odd' ? 'right' : 'left',
      indent: side === 'odd' ? { right: PAGE_NUMBER_CHAR } : { left: PAGE_NUMBER_CHAR },
    },
    // The em dashes are full-width characters of the Chinese face, not Times New Roman dashes.
    textRuns('— ', font) + PAGE_FIELD + textRuns(' —', font),
  );
}

const footerTemplate = compactXml(FOOTER);

/** The footer part for one side: `word/footer1.xml` is Word's default (odd pages), `footer2.xml` the even ones. */
export function footerXml(side: PageSide, font: string): string {
  return fillTemplate(footerTemplate, { paragraph: pageNumberParagraph(side, font) });
}
