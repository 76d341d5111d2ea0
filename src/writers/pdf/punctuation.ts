/**
 * Full-width punctuation as the PDF layout sets it: each mark in a cell of its own, one character
 * wide. Typst compresses CJK punctuation (at line ends, between two marks, and to fit one more
 * character when it justifies), so a line could hold 29 characters and its last comma would reach
 * past the text block; GB/T 9704 counts every mark as one of the 28 characters. The layout puts
 * each mark in a fixed box, and the word joiner it adds keeps the line-breaking rules that the box
 * alone would lose: a closing mark never starts a line, an opening mark never ends one.
 */

/** Marks that close (never at the start of a line). */
const CLOSING = '，。、；：？！）》」』”’】〕〗〉';
/** Marks that open (never at the end of a line). */
const OPENING = '（《「『“‘【〔〖〈';

/** A piece of text: plain text, or one punctuation mark that opens or closes. */
export type TextPiece = string | { mark: string; open: boolean };

const MARK = new RegExp(`[${CLOSING}${OPENING}]`, 'gu');

/** The text cut into plain pieces and single marks, in order; empty text gives no pieces. */
export function textPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(MARK)) {
    if (match.index > last) pieces.push(text.slice(last, match.index));
    pieces.push({ mark: match[0], open: OPENING.includes(match[0]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}
