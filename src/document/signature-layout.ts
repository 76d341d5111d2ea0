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

/**
 * The sealed signature (GB/T 9704 7.3.5.1): the date four characters in from the right, and the
 * unit on the line above, centred on the date; a unit too long for that keeps to the right edge.
 * The seal is pressed over both, so the writers leave two blank lines above the unit for its top
 * half (its top within a line of the text, the unit and date a little below its centre).
 */
export function sealedSignatureIndents(org: string, date: string): { org: number; date: number } {
  const orgWidth = textWidth(org);
  const dateWidth = textWidth(date);
  return { org: Math.max(0, SEALED_DATE_RIGHT + (dateWidth - orgWidth) / 2), date: SEALED_DATE_RIGHT };
}

/** Characters between a sealed signature's date and the right edge. */
export const SEALED_DATE_RIGHT = 4;

/** Blank lines between the text and the unit of the signature: one, or two under a seal. */
export function signatureGap(sealed: boolean): number {
  return sealed ? 2 : 1;
}

/** The right indents for the signature, sealed or not. */
export function signaturePlacement(org: string, date: string, sealed: boolean): { org: number; date: number; gap: number } {
  return { ...(sealed ? sealedSignatureIndents(org, date) : signatureIndents(org, date)), gap: signatureGap(sealed) };
}
