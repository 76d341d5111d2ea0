/**
 * Text that XML 1.0 cannot carry. A Word file is XML, and one stray control character (pasted from
 * another program, or left by a bad conversion) makes Word refuse the whole file, so such
 * characters are dropped — and reported, because silently losing text would be worse.
 */

/**
 * Characters outside XML 1.0's `Char` production: C0 controls other than tab, newline and carriage
 * return; U+FFFE and U+FFFF; and surrogates that are not part of a pair (with the `u` flag, a valid
 * pair is one code point and never matches the surrogate range).
 */
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** Text with the characters XML cannot hold taken out, and which ones they were. */
export interface CleanText {
  text: string;
  /** Each dropped character, in order, repeats included. */
  removed: string[];
}

/** Drops the characters XML 1.0 cannot hold from `text`. */
export function cleanXmlText(text: string): CleanText {
  const removed: string[] = [];
  const cleaned = text.replace(XML_UNSAFE, (char) => {
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

/**
 * Escapes text for an XML element or attribute value. Only the parts this writer builds by hand
 * (the core properties) need it; the `docx` library escapes everything else.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
