/**
 * Escaping user text for Markdown so that it comes out literally after remark parses it again.
 * Outline values are data: `*`, `#`, `[a](b)`, `<b>`, `|` must stay characters, never formatting.
 */

// Characters that start inline syntax anywhere in a line (CommonMark + GFM strikethrough/tables).
const INLINE_SPECIAL = /[\\`*_[\]<>&|~!#]/g;

function escapeSpan(text: string): string {
  return escapeText(text.trim());
}

/**
 * Escapes text exactly as it is, spaces included: the piece of a line between other pieces (a run
 * of bold text, the words around it), where trimming would glue words together.
 */
export function escapeText(text: string): string {
  return text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Escapes what starts a line for block syntax (lists, setext underlines) and an item number
 * (1、 （1）), which would make the paragraph a run-in item; `text` is already escaped. Characters
 * CommonMark cannot backslash-escape are written as character references.
 */
export function escapeLineStart(text: string): string {
  return text
    .replace(/^([+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(
      /^(\d{1,3})([、．])/u,
      (_all, digits: string, mark: string) => `${digits}&#x${mark.codePointAt(0)!.toString(16).toUpperCase()};`,
    )
    .replace(/^（(?=\d{1,3}[）)])/u, '&#xFF08;')
    .replace(/^\((?=\d{1,3}[）)])/u, '\\(');
}

/** A line that starts a paragraph: block syntax and item numbers are special there too. */
function escapeLine(line: string): string {
  return escapeLineStart(escapeSpan(line));
}

/**
 * Escapes text that becomes one or more paragraphs. A blank line separates paragraphs; single
 * line breaks inside a paragraph are joined (Chinese text has no spaces between lines).
 */
export function escapeBlock(text: string): string {
  return splitParagraphs(text)
    .map((para) => escapeLine(para))
    .join('\n\n');
}

/** Escapes text that stays on one line after other text, such as a heading's `## `. */
export function escapeInline(text: string): string {
  return escapeSpan(joinLines(text));
}

/** Escapes text for a GFM table cell; line breaks become `<br>`, the one HTML this tool emits. */
export function escapeCell(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => escapeSpan(line))
    .join('<br>');
}

/** Paragraphs of a text: split at blank lines, lines inside each joined. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((para) => joinLines(para))
    .filter((para) => para !== '');
}

/**
 * Chinese characters and full-width punctuation, and the quotes, dashes and ellipsis Chinese text
 * uses: a line break next to one of these joins without a space.
 */
const WIDE =
  /[\u1100-\u11FF\u2014\u2018-\u201D\u2026\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7AF\uF900-\uFAFF\uFE10-\uFE1F\uFE30-\uFE6F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/**
 * What a line break inside a paragraph becomes between the text before and after it: nothing
 * next to Chinese (Chinese has no spaces between words, and a line broken in an editor must not
 * gain one), a space between anything else (“see the\nsite” is two words).
 */
export function softBreak(before: string, after: string): string {
  const last = [...before.slice(-2)].pop() ?? '';
  const first = String.fromCodePoint(after.codePointAt(0) ?? 32);
  if (last === '' || /\s/.test(last) || /\s/.test(first)) return '';
  return WIDE.test(last) || WIDE.test(first) ? '' : ' ';
}

/** Joins the lines of one paragraph; a space is kept between Latin words (see {@link softBreak}). */
export function joinLines(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.reduce((acc, line) => (acc ? acc + softBreak(acc, line) + line : line), '');
}
