/**
 * Escaping user text for Markdown so that it comes out literally after remark parses it again.
 * Outline values are data: `*`, `#`, `[a](b)`, `<b>`, `|` must stay characters, never formatting.
 */

// Characters that start inline syntax anywhere in a line (CommonMark + GFM strikethrough/tables).
const INLINE_SPECIAL = /[\\`*_[\]<>&|~!#]/g;

function escapeSpan(text: string): string {
  return text.trim().replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/**
 * A line that starts a paragraph: block syntax (lists, setext underlines) is special there too,
 * and so is an item number (1、 （1）), which would make the paragraph a run-in item. Characters
 * CommonMark cannot backslash-escape are written as character references.
 */
function escapeLine(line: string): string {
  return escapeSpan(line)
    .replace(/^([+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^(\d{1,3})([、．])/u, (_all, digits: string, mark: string) => `${digits}&#x${mark.codePointAt(0)!.toString(16).toUpperCase()};`)
    .replace(/^（(?=\d{1,3}[）)])/u, '&#xFF08;')
    .replace(/^\((?=\d{1,3}[）)])/u, '\\(');
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

/** Joins the lines of one paragraph; a space is kept only between two Latin words. */
export function joinLines(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.reduce((acc, line) => {
    if (!acc) return line;
    const needsSpace = /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(line);
    return acc + (needsSpace ? ' ' : '') + line;
  }, '');
}
