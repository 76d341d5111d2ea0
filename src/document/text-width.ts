/**
 * How wide text is set, in 全角 characters of its own size: what title breaking, the signature
 * and table columns measure with, so DOCX and PDF agree. Printable ASCII is half a character.
 * 公文 set Chinese and Latin text close (2027年 is 2 wide), and both writers turn off the gap
 * that Word, WPS, LibreOffice and Typst would otherwise put between them (`w:autoSpaceDE`/`DN`
 * off in the DOCX, `cjk-latin-spacing: none` in the PDF).
 */

/** Extra space set where Chinese meets Latin letters or digits: none (see above). */
const SCRIPT_GAP = 0;

function isHalfWidth(char: string): boolean {
  if (char.length !== 1) return false;
  const code = char.charCodeAt(0);
  return code >= 0x20 && code <= 0x7e;
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
