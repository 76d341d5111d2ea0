import { textWidth } from './text-width.js';

/**
 * Where the signature (落款) of a plan without a seal goes, by GB/T 9704-2012 7.3.5.2: the unit
 * two characters in from the right; the date on the next line, starting two characters to the
 * right of the unit's first character; and when the date is the longer of the two, the date two
 * characters in from the right and the unit moved left to keep that offset. Both writers place
 * the two lines with these right indents, in characters of body text.
 */
export function signatureIndents(org: string, date: string): { org: number; date: number } {
  const orgWidth = textWidth(org);
  const dateWidth = textWidth(date);
  const dateRight = Math.max(2, orgWidth - dateWidth);
  return { org: dateRight + dateWidth + 2 - orgWidth, date: dateRight };
}
