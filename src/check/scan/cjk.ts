/**
 * Character classes for Chinese text. “Chinese” here means a Han character or a full-width
 * punctuation mark: both sit between characters without spaces and take full-width punctuation.
 */

const HAN = '\\p{Script=Han}';
// 、。〈〉《》「」『』【】〔〕 … (U+3001–303F, not U+3000, the ideographic space), full-width ！（），：；？ …,
// and the curly quotes, ellipsis, dash and middle dot Chinese text uses.
const CJK_PUNCTUATION =
  '\\u3001-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65\\u2018\\u2019\\u201C\\u201D\\u2026\\u2014\\u00B7';

/** Source for a character class matching one Han character. */
export const HAN_CLASS = `[${HAN}]`;

/** Source for a character class matching one Han character or full-width punctuation mark. */
export const CHINESE_CLASS = `[${HAN}${CJK_PUNCTUATION}]`;

const HAN_RE = new RegExp(`^${HAN_CLASS}$`, 'u');
const CHINESE_RE = new RegExp(`^${CHINESE_CLASS}$`, 'u');

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN_RE.test(char);
}

export function isChinese(char: string | undefined): boolean {
  return char !== undefined && CHINESE_RE.test(char);
}
