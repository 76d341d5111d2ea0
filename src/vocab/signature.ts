/**
 * The marker before the signature lines (落款) in a rendered plan: the Markdown writer puts it
 * there, the Markdown reader and `check` find the signature after it.
 */
export const SIGNATURE_MARKER = '<!-- 落款 -->';
