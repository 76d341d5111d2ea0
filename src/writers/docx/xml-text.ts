/**
 * Text that XML 1.0 cannot carry. A Word file is XML, and one stray control character (pasted from
 * another program, or left by a bad conversion) makes Word refuse the whole file, so such
 * characters are dropped — and reported, because silently losing text would be worse. The set is
 * the one every writer drops (`document/clean-text.ts`), a superset of what XML forbids.
 */
export { cleanText as cleanXmlText, describeCharacters, type CleanText } from '../../document/clean-text.js';

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
