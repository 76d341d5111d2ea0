/**
 * The body of the plan: the title, then one function per block type. Each paragraph names its style
 * and carries only what the style cannot say (bold runs, the face of full-width punctuation).
 */
import { Paragraph } from 'docx';
import type { Table } from 'docx';
import type { Block, HeadingBlock, ParagraphBlock, SignatureBlock } from '../../document/model.js';
import type { WriteContext } from './context.js';
import { cleanLine, cleanText, headingPlace, paragraphPlace } from './places.js';
import { lineRuns, textRuns } from './runs.js';
import { STYLE, headingStyle } from './styles.js';
import { tableElement } from './table.js';
import { BODY_CHAR } from './units.js';
import { signatureIndents } from '../../document/signature-layout.js';
import { titleLines } from '../../document/title-lines.js';

/** What the section's body holds. */
export type BodyElement = Paragraph | Table;

/** Font role of each heading level. */
const HEADING_ROLE = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' } as const;

/**
 * The title paragraph, its lines balanced when it is too long for one; none for an empty title.
 * The lines are joined by line breaks inside one paragraph, so it stays one title in Word; `org`,
 * the unit's name, is kept whole where it can be (`titleLines`).
 */
export function titleParagraph(title: string, ctx: WriteContext, org?: string): Paragraph | null {
  const text = cleanText(title, '标题', ctx.warn).trim();
  if (text === '') return null;
  return new Paragraph({ style: STYLE.title, children: textRuns(titleLines(text, org).join('\n'), ctx.fonts.title) });
}

/** A numbered heading: its number, then its text, in the heading's style. `index` counts headings from 1. */
export function headingParagraph(block: HeadingBlock, index: number, ctx: WriteContext): Paragraph {
  const place = headingPlace(index, block.number, block.content);
  const font = ctx.fonts[HEADING_ROLE[block.level]];
  const number = cleanText(block.number, place, ctx.warn);
  return new Paragraph({
    style: headingStyle(block.level),
    children: [...textRuns(number, font), ...lineRuns(cleanLine(block.content, place, ctx.warn), font)],
  });
}

/** A body paragraph; its indent, justification and spacing all come from Normal. `index` counts paragraphs from 1. */
export function bodyParagraph(block: ParagraphBlock, index: number, ctx: WriteContext): Paragraph {
  return new Paragraph({
    style: STYLE.normal,
    children: lineRuns(cleanLine(block.content, paragraphPlace(index), ctx.warn), ctx.fonts.body),
  });
}

/**
 * The signature (落款): the unit, then the date on the next line, each set in from the right as
 * GB/T 9704 places them relative to each other (`signatureIndents`). The styles carry the usual
 * two characters; the paragraphs carry the exact indents this unit and date need.
 */
export function signatureParagraphs(block: SignatureBlock, ctx: WriteContext): Paragraph[] {
  const font = ctx.fonts.body;
  const org = cleanText(block.org, '落款单位', ctx.warn);
  const date = cleanText(block.date, '落款日期', ctx.warn);
  const indents = signatureIndents(org, date);
  const right = (chars: number) => ({ right: Math.round(chars * BODY_CHAR), firstLine: 0, firstLineChars: 0 });
  return [
    new Paragraph({ style: STYLE.signature, indent: right(indents.org), children: textRuns(org, font) }),
    new Paragraph({ style: STYLE.date, indent: right(indents.date), children: textRuns(date, font) }),
  ];
}

/** Headings, paragraphs and tables counted separately, so warnings can say 第3个标题, 第5段, 第1个表格. */
export interface BlockCounts {
  heading: number;
  paragraph: number;
  table: number;
}

/** Counts the block in `count` and returns its number among the blocks of its kind, from 1. */
export function countBlock(block: Block, count: BlockCounts): number {
  return block.type === 'signature' ? 1 : ++count[block.type];
}

/** The body elements of one block; `index` is its number from {@link countBlock}, for warnings. */
export function elementsOf(block: Block, index: number, ctx: WriteContext): BodyElement[] {
  switch (block.type) {
    case 'heading':
      return [headingParagraph(block, index, ctx)];
    case 'paragraph':
      return [bodyParagraph(block, index, ctx)];
    case 'table':
      return [tableElement(block, index, ctx)];
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

/** The body elements for the blocks, in order. */
export function blockElements(blocks: readonly Block[], ctx: WriteContext): BodyElement[] {
  const count: BlockCounts = { heading: 0, paragraph: 0, table: 0 };
  const elements: BodyElement[] = [];
  blocks.forEach((block, i) => {
    if (needsSpacer(blocks[i - 1], block)) elements.push(emptyParagraph());
    elements.push(...elementsOf(block, countBlock(block, count), ctx));
  });
  if (needsSpacer(blocks.at(-1), undefined)) elements.push(emptyParagraph());
  return elements;
}

/** An empty body paragraph. */
export function emptyParagraph(): Paragraph {
  return new Paragraph({ style: STYLE.normal });
}
