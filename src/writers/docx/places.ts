/**
 * Cleaning the model's text for XML, with a warning in Chinese that says where text was dropped,
 * in words a clerk can find in the plan: 标题, 第3个标题“…”, 第5段, 第1个表格第2行第1列.
 */
import type { Line } from '../../document/model.js';
import { lineText } from '../../document/model.js';
import type { WriterWarning } from '../writer.js';
import { cleanXmlText, describeCharacters } from './xml-text.js';

/** Receives the writer's warnings; a no-op when the caller passed none. */
export type Warn = (warning: WriterWarning) => void;

/** How much of a heading's text a warning quotes. */
const QUOTE_LENGTH = 12;

/**
 * Cleans `text` and, when characters had to go, warns once naming `place` and the characters.
 */
export function cleanText(text: string, place: string, warn: Warn): string {
  const { text: cleaned, removed } = cleanXmlText(text);
  if (removed.length > 0) warn({ message: droppedMessage(place, removed) });
  return cleaned;
}

/**
 * Cleans every run of a line, warning once for the line as a whole, so one paragraph with several
 * bad runs gives one warning.
 */
export function cleanLine(line: Line, place: string, warn: Warn): Line {
  const removed: string[] = [];
  const cleaned = line.map((inline) => {
    const result = cleanXmlText(inline.text);
    for (const char of result.removed) removed.push(char);
    return { ...inline, text: result.text };
  });
  if (removed.length > 0) warn({ message: droppedMessage(place, removed) });
  return cleaned;
}

/** `第3个标题“指导思想”`: a heading by its position among headings and its (cleaned) text. */
export function headingPlace(index: number, number: string, content: Line): string {
  const text = cleanXmlText(number + lineText(content)).text;
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

function droppedMessage(place: string, removed: readonly string[]): string {
  return `${place}含有 Word 文件不能保存的字符（${describeCharacters(removed)}），已删除`;
}
