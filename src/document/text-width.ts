/**
 * How wide text is set, in 全角 characters of its own size: what title breaking, the signature
 * and table columns measure with, so DOCX and PDF agree. Printable ASCII is half a character, and
 * Word, WPS, LibreOffice and Typst all put about a quarter character between Chinese and Latin
 * text (2027年 is 2.5 wide, not 2), which is what pushes a title of exactly 20 characters over.
 */

/** Extra space set where Chinese meets Latin letters or digits. */
const SCRIPT_GAP = 0.25;

function isHalfWidth(char: string): boolean {
  return /^[\u0020-\u007E]$/.test(char);
}

/** Width of each character, the gap before it included. */
export function charWidths(chars: readonly string[]): number[] {
  return chars.map((char, i) => {
    const previous = chars[i - 1];
    const gap = previous !== undefined && previous !== ' ' && char !== ' ' && isHalfWidth(previous) !== isHalfWidth(char);
    return (isHalfWidth(char) ? 0.5 : 1) + (gap ? SCRIPT_GAP : 0);
  });
}

/** Width of a text in 全角 characters. */
export function textWidth(text: string): number {
  return charWidths([...text]).reduce((sum, width) => sum + width, 0);
}
