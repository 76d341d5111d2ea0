/**
 * Run-in items: “1.深化教代会制度建设。坚持每学年召开……”. The title of a level-3 or level-4 item
 * runs into its first paragraph. Every writer sets the paragraph from {@link runInLine}, so the
 * text is the same in Markdown, DOCX and PDF; the Markdown writes it as that one paragraph, and
 * {@link splitRunIn} reads such a paragraph back into the same item.
 */
import type { HeadingBlock, Inline, Line } from './model.js';

/** A title that ends with one of these takes no added 。 before its text. */
const ENDS_WITH_PUNCTUATION = /[。！？；：，、…!?;:,.]$/u;

/** Where a title is taken to end when a run-in paragraph is read back: its first sentence. */
const SENTENCE_END = /[。！？!?]/u;

/** Item numbers as written at the start of a paragraph: 1. 1、 1． (level 3), （1） (1) (level 4). */
const LEVEL3 = /^\d{1,3}[.．、](?!\d)/u;
const LEVEL4 = /^[（(]\d{1,3}[）)][、.．]?/u;

/**
 * The item level a paragraph's source text starts with, and how long its number is. `raw` is the
 * Markdown source from the paragraph's first character, so an escaped number (`1\.`, `&#xFF08;1）`)
 * is text, not an item: that is how the Markdown writer keeps a paragraph that happens to start
 * with a number a paragraph.
 */
export function typedItem(raw: string): { level: 3 | 4; length: number } | undefined {
  const three = LEVEL3.exec(raw);
  if (three) return { level: 3, length: three[0].length };
  const four = LEVEL4.exec(raw);
  if (four) return { level: 4, length: four[0].length };
  return undefined;
}

/** The character at the end of a line's text, if any. */
function lastChar(line: Line): string {
  const text = line.map((run) => run.text).join('');
  return text.slice(-1);
}

/** Adds a run, merging it into the last one when both look the same. */
function append(out: Line, run: Inline): void {
  if (run.text === '') return;
  const last = out[out.length - 1];
  if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += run.text;
  else out.push({ ...run });
}

/** Emphasis of a run, without its text. */
function look(run: Inline | undefined): Omit<Inline, 'text'> {
  return { ...(run?.bold ? { bold: true } : {}), ...(run?.italic ? { italic: true } : {}) };
}

/**
 * The whole paragraph of a run-in item: number, title, 。 (unless the title ends with punctuation
 * or nothing follows it), then the item's text. The number looks like the title; the 。 is plain,
 * which is also what lets Markdown close a bold title before it (`**1.标题**。正文`: CommonMark
 * does not end emphasis between a 。 and a following Chinese character).
 */
export function runInLine(block: HeadingBlock): Line {
  const body = block.runIn ?? [];
  const out: Line = [];
  append(out, { text: block.number, ...look(block.content[0]) });
  for (const run of block.content) append(out, run);
  if (body.length > 0 && !ENDS_WITH_PUNCTUATION.test(lastChar(block.content))) {
    append(out, { text: '。' });
  }
  for (const run of body) append(out, run);
  return out;
}

/** Splits a line at a character offset into the runs before and after it. */
function splitAt(line: Line, at: number): [Line, Line] {
  const head: Line = [];
  const tail: Line = [];
  let seen = 0;
  for (const run of line) {
    const cut = Math.max(0, Math.min(run.text.length, at - seen));
    append(head, { ...run, text: run.text.slice(0, cut) });
    append(tail, { ...run, text: run.text.slice(cut) });
    seen += run.text.length;
  }
  return [head, tail];
}

/** A line without leading or trailing white space. */
function trim(line: Line): Line {
  const out = line.map((run) => ({ ...run }));
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((run) => run.text !== '');
}

/**
 * Reads a run-in paragraph (its number already cut off) back into title and text. A bold start
 * is the title, as the writer sets it in a `run-in-bold` plan; otherwise the title is the first
 * sentence. The 。 the writer added is dropped (a ！ or ？ stays in the title); a paragraph that is
 * only a title keeps all its text as the title, so writing it again gives the same text.
 */
export function splitRunIn(line: Line): { title: Line; text: Line } {
  const content = trim(line);
  const first = content[0];
  let cut: number;
  if (first?.bold && content.length > 1) cut = first.text.length;
  else {
    const text = content.map((run) => run.text).join('');
    const match = SENTENCE_END.exec(text);
    cut = match ? match.index + 1 : text.length;
  }
  let [title, text] = splitAt(content, cut);
  // A bold title is followed by the plain 。 the writer put there.
  const head = text[0];
  if (head?.text.startsWith('。') && !ENDS_WITH_PUNCTUATION.test(lastChar(title))) head.text = head.text.slice(1);
  text = trim(text);
  if (text.length === 0) return { title: trim(content), text: [] };
  const end = title[title.length - 1];
  if (end?.text.endsWith('。')) end.text = end.text.slice(0, -1);
  title = trim(title);
  if (title.length === 0) return { title: trim(content), text: [] };
  return { title, text };
}
