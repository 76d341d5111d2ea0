import type { Block, Cell, Line, PlanDocument } from '../../document/model.js';
import type { RoleFonts } from './fonts.js';
import { attachmentLines } from '../../document/attachments.js';
import { signaturePlacement } from '../../document/signature-layout.js';
import { noticeOf, type NoticeParts } from '../../document/notice.js';
import { textWidth } from '../../document/text-width.js';
import { planColumns } from '../../document/table-columns.js';
import { titleLines } from '../../document/title-lines.js';
import { runInLine } from '../../document/run-in.js';
import { SIZE_PT, charsAcross } from '../../vocab/page.js';
import { textPieces, type TextPiece } from './punctuation.js';

/** Characters of table text (14 pt) across the 156 mm text block. */
const TABLE_CAPACITY = charsAcross(SIZE_PT.table);

/**
 * The plan as the Typst layout reads it (`sys.inputs.plan`, JSON): the document's text as plain
 * strings, the fonts per role and the table column widths worked out here. Nothing in it is ever
 * parsed as Typst markup or code.
 */

/** A run of text as the layout takes it. */
export interface LayoutRun {
  /** The text, its full-width punctuation marks apart (see `punctuation.ts`). */
  parts: TextPiece[];
  bold: boolean;
  italic: boolean;
}

/** A table column: its share of the width and whether its cells are centred. */
export interface LayoutColumn {
  /** Share of the text width (Typst `fr`). */
  width: number;
  center: boolean;
}

/** A block as the layout takes it. */
export type LayoutBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; number: LayoutRun[]; content: LayoutRun[] }
  | { type: 'paragraph'; content: LayoutRun[]; keep: boolean }
  | { type: 'table'; columns: LayoutColumn[]; header: LayoutRun[][][]; rows: LayoutRun[][][][]; keep: boolean }
  | { type: 'attachments'; lines: LayoutAttachment[]; labelWidth: number; numberWidth: number }
  | { type: 'signature'; org: string; date: string; orgRight: number; dateRight: number; gap: number };

/** One attachment's line: “附件：” on the first, its number when numbered, its name. */
export interface LayoutAttachment {
  label: string;
  number: string;
  title: LayoutRun[];
}

/** The notice that issues the plan (see `notice.ts`), its 落款 laid out as the plan's would be. */
export interface LayoutNotice {
  authority: string;
  number: string;
  title: string;
  /** The title's lines, broken as the plan's title is. */
  titleLines: string[];
  to: LayoutRun[];
  body: LayoutRun[];
  signature: LayoutBlock;
  cc: LayoutRun[] | null;
  issuer: string;
  issued: string;
}

/** Everything the layout reads. */
export interface LayoutData {
  title: string;
  /** The title's lines where it breaks at a chosen place (see `title.ts`). */
  titleLines: string[];
  author: string | null;
  /** The signature date as [year, month, day], for the PDF's metadata; null when the plan has none. */
  date: [number, number, number] | null;
  fonts: RoleFonts;
  /** The notice around the plan, when it is issued in one. */
  notice: LayoutNotice | null;
  blocks: LayoutBlock[];
}

/** The layout's input for a plan, given the fonts chosen for it. */
export function layoutData(doc: PlanDocument, fonts: RoleFonts): LayoutData {
  const lines = titleLines(doc.meta.title.trim(), doc.meta.org)
    .map((line) => line.trim())
    .filter(Boolean);
  const notice = noticeOf(doc);
  const blocks = notice?.blocks ?? doc.blocks;
  return {
    title: lines.join(''),
    titleLines: lines,
    author: doc.meta.org?.trim() || null,
    date: parseDate(doc.meta.date),
    fonts,
    notice: notice ? layoutNotice(notice.parts, doc.meta.org) : null,
    blocks: blocks.map((block, i) => layoutBlock(block, keepsWithSignature(blocks, i))),
  };
}

/**
 * Whether the block at `i` is the last text before the attachments or the 落款: the layout keeps it
 * (a table: its last row) on their page, so the 落款 never stands alone (GB/T 9704 7.3.5).
 */
function keepsWithSignature(blocks: readonly Block[], i: number): boolean {
  const type = blocks[i]?.type;
  const next = blocks[i + 1]?.type;
  return (type === 'paragraph' || type === 'table') && (next === 'signature' || next === 'attachments');
}

function layoutNotice(parts: NoticeParts, org: string | undefined): LayoutNotice {
  const text = (value: string) => runs([{ text: value }]);
  return {
    authority: parts.authority,
    number: parts.number,
    title: parts.title,
    titleLines: titleLines(parts.title, org),
    to: text(parts.to),
    body: text(parts.body),
    signature: layoutBlock(parts.signature, false),
    cc: parts.cc ? text(parts.cc) : null,
    issuer: parts.issuer,
    issued: parts.issued,
  };
}

function layoutBlock(block: Block, keep: boolean): LayoutBlock {
  switch (block.type) {
    case 'heading':
      // A run-in item is a body paragraph: no heading, so no bookmark for every item.
      if (block.runIn) return { type: 'paragraph', content: runs(runInLine(block)), keep };
      return { type: 'heading', level: block.level, number: runs([{ text: block.number }]), content: runs(block.content) };
    case 'paragraph':
      return { type: 'paragraph', content: runs(block.content), keep };
    case 'table':
      return { ...layoutTable(block.header, block.rows), keep };
    case 'attachments': {
      const lines = attachmentLines(block.titles);
      const numberWidth = Math.ceil(Math.max(0, ...lines.map((line) => textWidth(line.number))));
      const layoutLines = lines.map((line) => ({ label: line.label, number: line.number, title: runs([{ text: line.title }]) }));
      return { type: 'attachments', lines: layoutLines, labelWidth: textWidth(lines[0]?.label ?? ''), numberWidth };
    }
    case 'signature': {
      const place = signaturePlacement(block.org, block.date, block.sealed === true);
      return { type: 'signature', org: block.org, date: block.date, orgRight: place.org, dateRight: place.date, gap: place.gap };
    }
  }
}

/**
 * Text Typst may not break: letters, digits and signs with no space or Chinese character between
 * them (a hash, a URL, a long word). Word breaks such text at the line's end; Typst breaks only
 * where Unicode allows, so a 64-character hash ran off the page and out of table cells.
 */
const UNBREAKABLE = /[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]{12,}/gu;

/** A zero-width space: a place to break that shows nothing (and extracts as nothing). */
const BREAK_OPPORTUNITY = '\u200B';

/**
 * The text with a break opportunity after every character of each run of 12 or more characters
 * that could not otherwise break. Shorter words (WPS, Excel, 2027) stay whole.
 */
export function breakLongWords(text: string): string {
  return text.replace(UNBREAKABLE, (word) => [...word].join(BREAK_OPPORTUNITY));
}

function runs(line: Line): LayoutRun[] {
  return line.map((run) => ({ parts: textPieces(breakLongWords(String(run.text))), bold: run.bold === true, italic: run.italic === true }));
}

/** The columns are planned as in the DOCX (`planColumns`); Typst gets their widths as `fr` shares. */
function layoutTable(header: Cell[], rows: Cell[][]): Extract<LayoutBlock, { type: 'table' }> {
  const count = rows.reduce((max, row) => Math.max(max, row.length), Math.max(header.length, 1));
  const pad = (cells: Cell[]): Cell[] => [...cells, ...Array.from({ length: count - cells.length }, (): Cell => [])];
  const head = pad(header);
  const body = rows.map(pad);
  const columns: LayoutColumn[] = planColumns(head, body, TABLE_CAPACITY).map((c) => ({ width: c.width, center: c.center }));
  const cell = (c: Cell): LayoutRun[][] => c.map(runs);
  return { type: 'table', columns, header: head.map(cell), rows: body.map((row) => row.map(cell)), keep: false };
}

function parseDate(date: string | undefined): [number, number, number] | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date?.trim() ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const valid = new Date(Date.UTC(year, month - 1, day));
  if (valid.getUTCFullYear() !== year || valid.getUTCMonth() !== month - 1 || valid.getUTCDate() !== day) return null;
  return [year, month, day];
}
