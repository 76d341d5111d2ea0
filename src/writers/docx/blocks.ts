/**
 * The body of the plan as WordprocessingML: the title, then one function per block type. Each paragraph names its style
 * and carries only what the style cannot say (bold runs, the face of full-width punctuation).
 */
import type { AttachmentsBlock, Block, HeadingBlock, ParagraphBlock, SignatureBlock } from '../../document/model.js';
import { attachmentLines } from '../../document/attachments.js';
import { textWidth } from '../../document/text-width.js';
import type { WriteContext } from './context.js';
import { cleanLine, cleanText, headingPlace, paragraphPlace } from './places.js';
import { paragraphXml } from './paragraph.js';
import { lineRuns, textRuns } from './runs.js';
import { STYLE, headingStyle } from './styles.js';
import { tableXml } from './table.js';
import { BODY_CHAR, LINE_PITCH } from './units.js';
import { signaturePlacement } from '../../document/signature-layout.js';
import { titleLines } from '../../document/title-lines.js';
import { runInLine } from '../../document/run-in.js';

/** Font role of each heading level. */
const HEADING_ROLE = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' } as const;

/**
 * The title paragraph, its lines balanced when it is too long for one; none for an empty title.
 * The lines are joined by line breaks inside one paragraph, so it stays one title in Word; `org`,
 * the unit's name, is kept whole where it can be (`titleLines`).
 */
export function titleParagraph(title: string, ctx: WriteContext, org?: string): string {
  const text = cleanText(title, '标题', ctx.warn).trim();
  if (text === '') return '';
  return paragraphXml({ style: STYLE.title }, textRuns(titleLines(text, org).join('\n'), ctx.fonts.title));
}

/**
 * A numbered heading: its number, then its text, in the heading's style. `index` counts headings
 * from 1. A run-in item is a body paragraph (Normal, so it stays out of the navigation pane, which
 * then lists the parts 一、 and （一） a reader moves between, not every item's whole paragraph).
 */
export function headingParagraph(block: HeadingBlock, index: number, ctx: WriteContext, keepNext = false): string {
  const place = headingPlace(index, block.number, block.content);
  if (block.runIn) {
    // A run-in item is body text; as the last text before the 落款 it keeps with it, as a paragraph does.
    return paragraphXml({ style: STYLE.normal, keepNext }, lineRuns(cleanLine(runInLine(block), place, ctx.warn), ctx.fonts.body));
  }
  const font = ctx.fonts[HEADING_ROLE[block.level]];
  const number = cleanText(block.number, place, ctx.warn);
  return paragraphXml(
    { style: headingStyle(block.level) },
    textRuns(number, font) + lineRuns(cleanLine(block.content, place, ctx.warn), font),
  );
}

/**
 * A body paragraph; its indent, justification and spacing all come from Normal. `index` counts
 * paragraphs from 1; `keepNext` keeps its end on the page of what follows (the 落款).
 */
export function bodyParagraph(block: ParagraphBlock, index: number, ctx: WriteContext, keepNext = false): string {
  return paragraphXml(
    { style: STYLE.normal, keepNext },
    lineRuns(cleanLine(block.content, paragraphPlace(index), ctx.warn), ctx.fonts.body),
  );
}

/**
 * The signature (落款): the unit, then the date on the next line, each set in from the right as
 * GB/T 9704 places them relative to each other (`signaturePlacement`, sealed or not). The styles
 * carry the usual two characters and one blank line; the paragraphs carry the exact indents this
 * unit and date need, and a sealed one a second blank line for the seal.
 */
export function signatureParagraphs(block: SignatureBlock, ctx: WriteContext): string {
  const font = ctx.fonts.body;
  const org = cleanText(block.org, '落款单位', ctx.warn);
  const date = cleanText(block.date, '落款日期', ctx.warn);
  const place = signaturePlacement(org, date, block.sealed === true);
  const right = (chars: number) => ({ right: Math.round(chars * BODY_CHAR), firstLine: 0, firstLineChars: 0 });
  const gap = place.gap === 1 ? {} : { spacing: { before: place.gap * LINE_PITCH } };
  return (
    paragraphXml({ style: STYLE.signature, indent: right(place.org), ...gap }, textRuns(org, font)) +
    paragraphXml({ style: STYLE.date, indent: right(place.date) }, textRuns(date, font))
  );
}

/**
 * The 附件说明 (GB/T 9704 7.3.4): a blank line after the body, then “附件：” two characters in and
 * one paragraph per attachment; numbers and names are kept apart by a tab, so that a long name
 * runs on under its own first character (hanging indent). They keep with the 落款 that follows.
 */
export function attachmentParagraphs(block: AttachmentsBlock, ctx: WriteContext): string {
  const lines = attachmentLines(block.titles.map((title) => cleanText(title, '附件名称', ctx.warn)));
  const label = textWidth(lines[0]?.label ?? '');
  const number = Math.ceil(Math.max(0, ...lines.map((line) => textWidth(line.number))));
  const left = (2 + label + number) * BODY_CHAR;
  return lines
    .map((line, i) =>
      paragraphXml(
        {
          style: STYLE.attachment,
          keepNext: true,
          tabs: [{ type: 'left', position: left }],
          ...(i === 0 ? { spacing: { before: LINE_PITCH } } : {}),
          indent: { left, hanging: (i === 0 ? label + number : number) * BODY_CHAR },
        },
        textRuns(`${line.label}${line.number}${number > 0 ? '\t' : ''}${line.title}`, ctx.fonts.body),
      ),
    )
    .join('');
}

/** Headings, paragraphs and tables counted separately, so warnings can say 第3个标题, 第5段, 第1个表格. */
export interface BlockCounts {
  heading: number;
  paragraph: number;
  table: number;
}

/** Counts the block in `count` and returns its number among the blocks of its kind, from 1. */
export function countBlock(block: Block, count: BlockCounts): number {
  return block.type === 'signature' || block.type === 'attachments' ? 1 : ++count[block.type];
}

/**
 * Whether the block at `i` is the last of the text before the 落款 (or the attachments before it):
 * it keeps its end on the signature's page, so the 落款 never stands alone on a page (GB/T 9704 7.3.5).
 */
export function keepsWithSignature(blocks: readonly Block[], i: number): boolean {
  const next = blocks[i + 1];
  const block = blocks[i];
  return (
    block !== undefined &&
    block.type !== 'attachments' &&
    block.type !== 'signature' &&
    (next?.type === 'signature' || next?.type === 'attachments')
  );
}

/**
 * The body XML of one block; `index` is its number from {@link countBlock}, for warnings;
 * `keepNext` for the block that must stay on the page of the 落款.
 */
export function blockXml(block: Block, index: number, ctx: WriteContext, keepNext = false): string {
  switch (block.type) {
    case 'heading':
      return headingParagraph(block, index, ctx, keepNext);
    case 'paragraph':
      return bodyParagraph(block, index, ctx, keepNext);
    case 'table':
      return tableXml(block, index, ctx, keepNext);
    case 'attachments':
      return attachmentParagraphs(block, ctx);
    case 'signature':
      return signatureParagraphs(block, ctx);
  }
}

/**
 * Where an empty paragraph goes between blocks: Word merges two tables that touch into one, and
 * wants a paragraph after a table that ends the document.
 */
export function needsSpacer(previous: Block | undefined, next: Block | undefined): boolean {
  return previous?.type === 'table' && (next === undefined || next.type === 'table');
}

/** An empty body paragraph. */
export const EMPTY_PARAGRAPH = paragraphXml({ style: STYLE.normal });
