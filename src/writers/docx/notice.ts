/**
 * The notice (通知) around a plan in the DOCX (see `document/notice.ts`): the 版头 paragraphs, the
 * notice's title, 主送, sentence and 落款 before the plan, and the 版记 after it, a table floated to
 * the foot of the last page.
 */
import type { NoticeParts } from '../../document/notice.js';
import { titleLines } from '../../document/title-lines.js';
import { signatureParagraphs } from './blocks.js';
import type { WriteContext } from './context.js';
import { cleanText } from './places.js';
import { borderXml, paragraphXml, type BorderLine, type ParagraphProperties } from './paragraph.js';
import { runXml, textRuns } from './runs.js';
import { cellMargins, dxa, tableBorders, tableGrid } from './table.js';
import { STYLE } from './styles.js';
import { LINE_PITCH, MARGIN_BOTTOM, PAGE_HEIGHT, SIZE_PT, TABLE_LINE, TEXT_WIDTH, ptToHalfPoints, ptToTwips } from './units.js';
import { textWidth } from '../../document/text-width.js';
import { element, empty } from './xml.js';

/** 红色 of the 版头 (GB/T 9704: 发文机关标志 and the separator line in red). */
export const NOTICE_RED = 'E60012';

/** Size of the 发文机关标志. */
const AUTHORITY_PT = 36;

/** 35 mm, the 发文机关标志's top below the top of the text block, in twips. */
const AUTHORITY_TOP = Math.round((35 / 25.4) * 1440);

/** No first-line indent. */
const FLUSH = { firstLine: 0, firstLineChars: 0 };

/** The paragraphs before the plan: 版头, title, 主送, sentence, 落款. */
export function noticeHead(parts: NoticeParts, ctx: WriteContext, org: string | undefined): string {
  const text = (value: string, place: string) => cleanText(value, place, ctx.warn);
  const authorityLine = Math.round(ptToTwips(AUTHORITY_PT) * 1.25);
  return (
    paragraphXml(
      {
        style: STYLE.title,
        spacing: { after: 0, before: AUTHORITY_TOP - (authorityLine - ptToTwips(AUTHORITY_PT)), line: authorityLine, lineRule: 'exact' },
      },
      runXml(text(parts.authority, '发文机关标志'), {
        font: { eastAsia: ctx.fonts.title },
        color: NOTICE_RED,
        size: ptToHalfPoints(AUTHORITY_PT),
      }),
    ) +
    // 发文字号 two lines below; the red line 4 mm under it, as the paragraph's bottom border.
    paragraphXml(
      {
        style: STYLE.normal,
        alignment: 'center',
        indent: FLUSH,
        spacing: { before: 2 * LINE_PITCH },
        borderBottom: { style: 'single', size: 8, color: NOTICE_RED, space: 11 },
      },
      textRuns(text(parts.number, '发文字号'), ctx.fonts.body),
    ) +
    paragraphXml(
      { style: STYLE.title, spacing: { before: 2 * LINE_PITCH - 227 } },
      textRuns(titleLines(text(parts.title, '通知标题'), org).join('\n'), ctx.fonts.title),
    ) +
    paragraphXml({ style: STYLE.normal, indent: FLUSH }, textRuns(text(parts.to, '主送机关'), ctx.fonts.body)) +
    paragraphXml({ style: STYLE.normal }, textRuns(text(parts.body, '通知正文'), ctx.fonts.body)) +
    signatureParagraphs(parts.signature, ctx)
  );
}

/** The plan's title after the notice, on a page of its own. */
export function planTitleAfterNotice(title: string, ctx: WriteContext, org: string | undefined): string {
  return paragraphXml(
    { style: STYLE.title, pageBreakBefore: true },
    textRuns(titleLines(cleanText(title, '标题', ctx.warn).trim(), org).join('\n'), ctx.fonts.title),
  );
}

const THICK: BorderLine = { style: 'single', size: 8, color: '000000' };
const THIN: BorderLine = { style: 'single', size: 6, color: '000000' };
const NONE: BorderLine = { style: 'none', size: 0, color: 'auto' };

/** Characters of 四号 on a line of the 版记, between its one-character margins. */
const RECORD_LINE_CHARS = Math.floor(TEXT_WIDTH / ptToTwips(SIZE_PT.si)) - 2;
/** Space above and below each of its paragraphs, in twips. */
const RECORD_PARAGRAPH_SPACE = 80;

/** The 版记's height in twips: its lines at the table text's exact pitch, their spacing, its rules. */
function recordHeight(parts: NoticeParts): number {
  const ccLines = parts.cc ? 1 + Math.ceil(Math.max(0, textWidth(parts.cc) - RECORD_LINE_CHARS) / (RECORD_LINE_CHARS - 3)) : 0;
  const paragraphs = (parts.cc ? 1 : 0) + 1;
  return (ccLines + 1) * TABLE_LINE + paragraphs * 2 * RECORD_PARAGRAPH_SPACE + 3 * 20;
}

/**
 * The 版记: 抄送 and 印发机关 / 印发日期 in 四号, one character in from each side, between a thick
 * first and last line and a thin one between; a table floated to the foot of the text block, so it
 * sits at the bottom of the last page whatever the plan's length. An empty paragraph follows it to
 * anchor it.
 */
export function noticeRecord(parts: NoticeParts, ctx: WriteContext): string {
  const char = ptToTwips(SIZE_PT.si);
  const font = ctx.fonts.table;
  const line = (runs: string, extra: Partial<ParagraphProperties> = {}) =>
    paragraphXml(
      {
        style: STYLE.tableText,
        indent: { left: char, right: char },
        spacing: { after: RECORD_PARAGRAPH_SPACE, before: RECORD_PARAGRAPH_SPACE },
        ...extra,
      },
      runs,
    );
  // One row that cannot split: LibreOffice splits a floating table of two rows across pages. The
  // thin line under 抄送 is that paragraph's border, drawn across the cell.
  let paragraphs = '';
  if (parts.cc) {
    paragraphs += line(textRuns(cleanText(parts.cc, '抄送机关', ctx.warn), font), {
      // A second line starts under the first name, after “抄送：”.
      indent: { left: 4 * char, right: char, hanging: 3 * char },
      borderBottom: { ...THIN, space: 4 },
    });
  }
  paragraphs += line(textRuns(`${cleanText(parts.issuer, '印发机关', ctx.warn)}\t${parts.issued}`, font), {
    tabs: [{ type: 'right', position: TEXT_WIDTH - char }],
  });
  const cell = element(
    'w:tc',
    element(
      'w:tcPr',
      dxa('w:tcW', TEXT_WIDTH) +
        element(
          'w:tcBorders',
          borderXml('w:top', THICK) + borderXml('w:left', NONE) + borderXml('w:bottom', THICK) + borderXml('w:right', NONE),
        ),
    ) + paragraphs,
  );
  // Placed by its distance from the top of the page, its foot on the foot of the text block:
  // LibreOffice does not honour a floating table aligned to the bottom of the margin.
  const float = empty('w:tblpPr', {
    'w:tblpX': 0,
    'w:tblpY': PAGE_HEIGHT - MARGIN_BOTTOM - recordHeight(parts),
    'w:horzAnchor': 'margin',
    'w:vertAnchor': 'page',
  });
  const properties = `${float}${dxa('w:tblW', TEXT_WIDTH)}${tableBorders(NONE, NONE)}<w:tblLayout w:type="fixed"/>${cellMargins(0, 0)}`;
  const table = element(
    'w:tbl',
    element('w:tblPr', properties) + tableGrid([TEXT_WIDTH]) + element('w:tr', `<w:trPr><w:cantSplit/></w:trPr>${cell}`),
  );
  return table + paragraphXml({ style: STYLE.normal });
}
