/**
 * The document's styles. Every paragraph names one of these and carries almost no formatting of
 * its own, so a clerk who changes 正文 or 标题 1 in Word changes the whole plan. The ids and names
 * are Word's built-in ones (`Normal`, `Title`, `heading 1` …), which is what makes the navigation
 * pane, the outline view and tables of contents pick the headings up.
 */
import { AlignmentType, LineRuleType } from 'docx';
import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import { LATIN_FONT, type FontRole } from '../../vocab/fonts.js';
import { BODY_CHAR, BODY_CHAR_SPACING, FOOTER_LINE, LINE_PITCH, SIZE_PT, TABLE_LINE, ptToHalfPoints } from './units.js';

/** Style ids, as paragraphs reference them. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' },
  footer: 'Footer',
  signature: 'Signature',
  attachment: 'Attachment',
  date: 'Date',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
} as const;

/** Styles set off the document grid (see `style-patches.ts`). */
export const OFF_GRID_STYLES: readonly string[] = [STYLE.title];

/** The style id of a heading level. */
export function headingStyle(level: 1 | 2 | 3 | 4): string {
  return STYLE.heading[level];
}

/**
 * Fonts for one role. The Chinese face goes in the East Asian slot by name: a theme font
 * (`eastAsiaTheme`) would override it, so none is used anywhere. Letters and digits get Times New
 * Roman, as GB/T 9704 documents are set.
 */
function roleFont(eastAsia: string) {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia };
}

/** No first-line indent, in both units: Word prefers `firstLineChars`, so `firstLine` alone would not reset it. */
const NO_INDENT = { firstLine: 0, firstLineChars: 0 };

/** Exactly one grid line per line of text, no extra space around paragraphs. */
const GRID_SPACING = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Not bold and not italic, said outright: LibreOffice otherwise keeps its own bold headings. */
const PLAIN = { bold: false, italics: false };

/** The styles for a plan set in `fonts`. */
export function buildStyles(fonts: Record<FontRole, string>): IStylesOptions {
  const heading = (level: 1 | 2 | 3 | 4, role: FontRole): IParagraphStyleOptions => ({
    id: headingStyle(level),
    name: `heading ${level}`,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    uiPriority: 9,
    run: { ...PLAIN, font: roleFont(fonts[role]), size: ptToHalfPoints(SIZE_PT.san) },
    // Same two-character indent as the body (inherited from Normal); a heading never ends a page.
    paragraph: { keepNext: true, keepLines: true, outlineLevel: level - 1, spacing: GRID_SPACING },
  });

  return {
    default: {
      document: {
        run: {
          font: roleFont(fonts.body),
          size: ptToHalfPoints(SIZE_PT.san),
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.normal,
        name: 'Normal',
        quickFormat: true,
        // Condensed a quarter point so that 28 characters fill a line, as GB/T 9704 counts them.
        run: { font: roleFont(fonts.body), size: ptToHalfPoints(SIZE_PT.san), characterSpacing: BODY_CHAR_SPACING },
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 2 * BODY_CHAR, firstLineChars: 200 },
          spacing: GRID_SPACING,
        },
      },
      {
        id: STYLE.title,
        name: 'Title',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        uiPriority: 10,
        run: { ...PLAIN, font: roleFont(fonts.title), size: ptToHalfPoints(SIZE_PT.er), characterSpacing: 0 },
        // One blank grid line after the title, as spacing so no empty paragraph has to be deleted by hand.
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: NO_INDENT,
          keepNext: true,
          keepLines: true,
          spacing: { ...GRID_SPACING, after: LINE_PITCH },
        },
      },
      heading(1, 'heading1'),
      heading(2, 'heading2'),
      heading(3, 'heading3'),
      heading(4, 'heading4'),
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: STYLE.normal,
        uiPriority: 99,
        // GB/T 9704 asks for 宋体 digits (半角宋体阿拉伯数字), so the page-number face fills every slot.
        run: {
          ...PLAIN,
          font: { ascii: fonts.pageNumber, hAnsi: fonts.pageNumber, cs: fonts.pageNumber, eastAsia: fonts.pageNumber },
          size: ptToHalfPoints(SIZE_PT.si),
        },
        paragraph: {
          indent: NO_INDENT,
          spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: STYLE.normal,
        next: STYLE.date,
        uiPriority: 99,
        // One blank line before the unit; the unit is kept with its date.
        paragraph: {
          alignment: AlignmentType.RIGHT,
          indent: { ...NO_INDENT, right: 2 * BODY_CHAR },
          keepNext: true,
          spacing: { ...GRID_SPACING, before: LINE_PITCH },
        },
      },
      {
        id: STYLE.attachment,
        name: 'Attachment',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        uiPriority: 99,
        // Each paragraph sets its hanging indent; no first-line indent of the body.
        paragraph: { indent: NO_INDENT, alignment: AlignmentType.LEFT },
      },
      {
        id: STYLE.date,
        name: 'Date',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        uiPriority: 99,
        paragraph: {
          alignment: AlignmentType.RIGHT,
          indent: { ...NO_INDENT, right: 2 * BODY_CHAR },
          spacing: GRID_SPACING,
        },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: STYLE.normal,
        uiPriority: 99,
        quickFormat: true,
        // Exact spacing suited to 四号, not the 28.95 pt grid, which would make every row twice as tall.
        run: { font: roleFont(fonts.table), size: ptToHalfPoints(SIZE_PT.si), characterSpacing: 0 },
        paragraph: {
          indent: NO_INDENT,
          spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        next: STYLE.tableText,
        uiPriority: 99,
        run: { bold: true },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
      },
    ],
  };
}
