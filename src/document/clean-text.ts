/**
 * Characters no plan means to hold, taken out before any format is written, with a warning in
 * Chinese that says where, in words a clerk can find in the plan: 标题, 第3个标题“…”, 第5段,
 * 第1个表格第2行第1列. Every writer cleans the same way, so a plan reads the same in every format.
 */
import { lineText, type Block, type Cell, type Line, type PlanDocument } from './model.js';

/**
 * What is dropped: C0 controls other than tab, newline and carriage return (ESC sequences would
 * reach a terminal, NUL and friends make Word refuse the file); DEL and the C1 controls; the bidi
 * controls (U+202E turns a title around); U+FFFE and U+FFFF; and surrogates that are not part of a
 * pair (with the `u` flag a valid pair is one code point and never matches the surrogate range),
 * which no UTF-8 file can hold.
 */
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** Text with the unsafe characters taken out, and which ones they were. */
export interface CleanText {
  text: string;
  /** Each dropped character, in order, repeats included. */
  removed: string[];
}

/** Drops the characters no plan should hold (see `UNSAFE`) from `text`. */
export function cleanText(text: string): CleanText {
  const removed: string[] = [];
  const cleaned = text.replace(UNSAFE, (char) => {
    removed.push(char);
    return '';
  });
  return { text: cleaned, removed };
}

/** `U+000B`-style names of characters, each named once, for a warning a user can act on. */
export function describeCharacters(chars: readonly string[]): string {
  const names = new Set<string>();
  for (const char of chars) {
    const code = char.codePointAt(0) ?? 0;
    names.add(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...names].join('、');
}

/** The warning for characters dropped at `place`. */
export function droppedMessage(place: string, removed: readonly string[]): string {
  return `${place}含有控制字符或无效字符（${describeCharacters(removed)}），已删除`;
}

/** How much of a heading's text a warning quotes. */
const QUOTE_LENGTH = 12;

/** `第3个标题“指导思想”`: a heading by its position among headings and its (cleaned) text. */
export function headingPlace(index: number, number: string, content: Line): string {
  const text = cleanText(number + lineText(content)).text;
  const quoted = [...text].length > QUOTE_LENGTH ? `${[...text].slice(0, QUOTE_LENGTH).join('')}…` : text;
  return `第${index}个标题“${quoted}”`;
}

/** `第5段`: a body paragraph by its position among paragraphs. */
export function paragraphPlace(index: number): string {
  return `第${index}段`;
}

/** `第1个表格第2行第1列`; the header row is row 1, as the reader sees it. */
export function cellPlace(table: number, row: number, column: number): string {
  return `第${table}个表格第${row}行第${column}列`;
}

/** Receives one warning message per place where characters were dropped. */
export type CleanWarn = (message: string) => void;

function cleanLine(line: Line, place: string, warn: CleanWarn): Line {
  const removed: string[] = [];
  const cleaned = line.map((inline) => {
    const result = cleanText(inline.text);
    for (const char of result.removed) removed.push(char);
    return { ...inline, text: result.text };
  });
  if (removed.length > 0) warn(droppedMessage(place, removed));
  return cleaned.filter((inline) => inline.text !== '');
}

function cleanString(text: string, place: string, warn: CleanWarn): string {
  const { text: cleaned, removed } = cleanText(text);
  if (removed.length > 0) warn(droppedMessage(place, removed));
  return cleaned;
}

/**
 * The document with the unsafe characters taken out of every text the writers show, one warning
 * per place. Headings, paragraphs and tables are counted separately, as the DOCX writer counts them.
 */
export function cleanDocument(doc: PlanDocument, warn: CleanWarn): PlanDocument {
  const meta = { ...doc.meta, title: cleanString(doc.meta.title, '标题', warn) };
  // The unit is warned about where the reader sees it, in the signature; here it is cleaned quietly.
  if (meta.org !== undefined) meta.org = cleanText(meta.org).text;
  if (meta.superior !== undefined) meta.superior = cleanText(meta.superior).text;
  const count = { heading: 0, paragraph: 0, table: 0 };
  // biome-ignore lint/suspicious/useIterableCallbackReturn: every case of the exhaustive switch returns
  const blocks = doc.blocks.map((block): Block => {
    switch (block.type) {
      case 'heading': {
        const place = headingPlace(++count.heading, block.number, block.content);
        return {
          ...block,
          number: cleanString(block.number, place, warn),
          content: cleanLine(block.content, place, warn),
          // A run-in item's text is shown in the same paragraph as its title.
          ...(block.runIn ? { runIn: cleanLine(block.runIn, place, warn) } : {}),
        };
      }
      case 'paragraph':
        return { ...block, content: cleanLine(block.content, paragraphPlace(++count.paragraph), warn) };
      case 'table': {
        const table = ++count.table;
        // Row 1 is the header, as the reader counts.
        const row = (cells: Cell[], r: number): Cell[] =>
          cells.map((cell, c) => cell.map((line) => cleanLine(line, cellPlace(table, r, c + 1), warn)));
        return { ...block, header: row(block.header, 1), rows: block.rows.map((cells, r) => row(cells, r + 2)) };
      }
      case 'attachments':
        return { ...block, titles: block.titles.map((title, i) => cleanString(title, `附件${i + 1}`, warn)) };
      case 'signature':
        return { ...block, org: cleanString(block.org, '落款单位', warn), date: cleanString(block.date, '落款日期', warn) };
    }
  });
  return { meta, blocks };
}
