/**
 * The one document model every writer starts from. It is built from Markdown (rendered from an
 * outline or written by hand) and knows nothing of outlines or templates.
 */

/** Plan periods: a whole year, one half of it, or a school term (first: Sep–Jan, second: Feb–Jul). */
export type Period = 'annual' | 'first-half' | 'second-half' | 'first-term' | 'second-term';

/** The administrative level a regional union works at: 区/县/市/旗, or 镇/乡/街道. */
export type Level = '区' | '县' | '市' | '旗' | '镇' | '乡' | '街道';

/** Roles a font can play on the page (GB/T 9704-2012). */
export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'pageNumber' | 'table';

/** A run of text with its emphasis. Text is literal: writers never interpret it. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** One line of inline runs. */
export type Line = Inline[];

/** A numbered heading: level 1 一、 level 2 （一） level 3 1. level 4 （1）. */
export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3 | 4;
  /** The generated number including its punctuation, e.g. `一、`, `（二）`, `3.`, `（4）`. */
  number: string;
  /** Heading text without the number. */
  content: Line;
  /**
   * Present on a run-in item (levels 3 and 4): the item is one body paragraph, its title running
   * into this text — “1.深化教代会制度建设。坚持每学年召开……” (see `run-in.ts`). Empty for an
   * item that has a title and no text of its own.
   */
  runIn?: Line;
}

/**
 * How items (levels 3 and 4) are set: run into their first paragraph (the default), the same
 * with the title in bold, or as heading lines of their own.
 */
export type ItemStyle = 'run-in' | 'run-in-bold' | 'heading';

export const ITEM_STYLES: readonly ItemStyle[] = ['run-in', 'run-in-bold', 'heading'];

/** A body paragraph (first-line indent of two characters in DOCX and PDF). */
export interface ParagraphBlock {
  type: 'paragraph';
  content: Line;
}

/** A table cell: one or more lines (`<br>` in Markdown). */
export type Cell = Line[];

/** A table with one header row (bold, repeated on each page) and body rows. */
export interface TableBlock {
  type: 'table';
  header: Cell[];
  rows: Cell[][];
}

/** The signature (落款) at the end: the unit and the date, already formatted (2027年1月5日). */
export interface SignatureBlock {
  type: 'signature';
  org: string;
  date: string;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | SignatureBlock;

/** What the front matter says about the plan. */
export interface DocumentMeta {
  title: string;
  org?: string;
  /** The level of a regional plan (区/县/市/旗, 镇/乡/街道), as carried from the outline. */
  level?: Level;
  superior?: string;
  year?: number;
  period?: Period;
  /** ISO date `YYYY-MM-DD` of the signature. */
  date?: string;
  type?: string;
  /** How items are set; run-in when the plan does not say. */
  itemStyle?: ItemStyle;
  /** Font family per role, where the plan asks for other fonts than the defaults. */
  fonts?: Partial<Record<FontRole, string>>;
  /**
   * The plan's `check:` settings, as written in its front matter. Only `check` reads them (from the
   * file); the model carries them so that a plan rebuilt as Markdown keeps them.
   */
  check?: Record<string, unknown>;
}

/** A whole plan: metadata and the body blocks in order, headings already numbered. */
export interface PlanDocument {
  meta: DocumentMeta;
  blocks: Block[];
}

/** The plain text of a line, emphasis dropped. */
export function lineText(line: Line): string {
  return line.map((run) => run.text).join('');
}
