/**
 * What every reader (DOCX, text, Markdown) turns a plan into: paragraphs and tables in reading
 * order, with what the file itself says about their role. Later stages never see the file format.
 */

/** A paragraph of the source plan. */
export interface SourceParagraph {
  kind: 'paragraph';
  text: string;
  /** Where it was, for the summary: “第 12 段” or “第 30 行”. */
  origin: string;
  /** Level 1–9 from a Word heading style or a Markdown `#` heading. */
  headingLevel?: number;
  /** Word's automatic numbering: a form (as {@link numberForm} names it) and the list level. */
  auto?: { form: string; level: number };
  /** A role the file marks: the title, or the signature's unit or date (Word styles, Markdown marks). */
  role?: 'title' | 'signature';
}

/** A table: rows of cells, each cell a list of lines. */
export interface SourceTable {
  kind: 'table';
  rows: string[][][];
  origin: string;
}

export type SourceBlock = SourceParagraph | SourceTable;

/** What a reader found, and what it knows about the plan besides the blocks (Markdown front matter). */
export interface SourceDocument {
  blocks: SourceBlock[];
  /** Front matter of a Markdown plan that unionplan wrote. */
  meta?: Record<string, unknown>;
  /** Text sources may carry web-page furniture; Word files are taken as their author laid them out. */
  plainText: boolean;
}
