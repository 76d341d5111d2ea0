/**
 * Text that XML 1.0 cannot carry. A Word file is XML, and one stray control character (pasted from
 * another program, or left by a bad conversion) makes Word refuse the whole file, so such
 * characters are dropped — and reported, because silently losing text would be worse. The set is
 * the one every writer drops (`document/clean-text.ts`), a superset of what XML forbids.
 */
export { cleanText as cleanXmlText, describeCharacters, type CleanText } from '../../document/clean-text.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** Markup characters, and control characters XML cannot hold (already cleaned and warned about; dropped here too, so no part can ever carry one). */
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Escapes text for an XML element or attribute value: user text is never markup. */
export function escapeXml(text: string): string {
  return text.replace(ESCAPED, (char) => ESCAPES[char] ?? '');
}
