import iconv from 'iconv-lite';

/** A text file's content and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a roster's bytes. A byte-order mark decides; without one, bytes that are valid UTF-8
 * are UTF-8, and anything else is GB18030 — what Excel on Chinese Windows writes when it saves a
 * CSV (“CSV（逗号分隔）”), and a superset of GBK and GB2312. Chinese text in GBK is almost never
 * also valid UTF-8, so the order of the guesses does not mislead in practice.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  // Excel's “Unicode 文本” is UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}
