/**
 * The one document model every writer starts from. It is built from Markdown (rendered from an
 * outline or written by hand) and knows nothing of outlines or templates.
 */
import type { FontRole } from '../vocab/fonts.js';
import type { ItemStyle } from '../vocab/item-style.js';
import type { NoticeMeta } from '../vocab/issuing.js';
import type { Level } from '../vocab/level.js';
import type { Period } from '../vocab/periods.js';
import type { PlanKind } from '../vocab/title.js';

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
  /** Sealed (GB/T 9704 7.3.5.1): the date four characters in, the unit centred on it. */
  sealed?: boolean;
}

/**
 * The 附件说明 after the body and before the signature (GB/T 9704 7.3.4). It comes from the front
 * matter's `attachments`, never from the Markdown body, and is written back there.
 */
export interface AttachmentsBlock {
  type: 'attachments';
  titles: string[];
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | AttachmentsBlock | SignatureBlock;

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
  /** 工作计划 or 工作要点 (default 工作计划). */
  kind?: PlanKind;
  /** The 落款 is sealed (GB/T 9704 7.3.5.1): date four characters in, the unit centred on it. */
  seal?: boolean;
  /** Titles of the attachments (附件说明, GB/T 9704 7.3.4), in order. */
  attachments?: string[];
  /** Issue the plan inside a notice (see {@link NoticeMeta}). */
  notice?: NoticeMeta;
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
