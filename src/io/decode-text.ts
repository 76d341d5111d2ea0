import { UserError } from '../errors.js';

/** A text file's content and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** What the messages tell a user to do about a file unionplan cannot read as text. */
const RESAVE =
  '请用记事本或 WPS 打开这个文件，另存为 UTF-8 编码后再运行（Excel：另存为“CSV UTF-8（逗号分隔）”）。unionplan 读取 UTF-8、带 BOM 的 UTF-16 和 GBK（GB18030）编码的文件';

const strict = (encoding: string): TextDecoder => new TextDecoder(encoding, { fatal: true, ignoreBOM: true });

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return strict(encoding).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Code points of GB2312 (the common characters and symbols of GBK), one byte each, built once
 * when needed: every two-byte code of the GB2312 rows decoded in one call. (A Set filled pair by
 * pair took some 50 ms, a quarter of a single build's start-up.)
 */
let gb2312: Uint8Array | undefined;
function inGb2312(code: number): boolean {
  if (!gb2312) {
    const rows = 0xf7 - 0xa1 + 1;
    const bytes = new Uint8Array(2 * 94 * rows);
    let at = 0;
    for (let lead = 0xa1; lead <= 0xf7; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) {
        bytes[at++] = lead;
        bytes[at++] = trail;
      }
    }
    // All of GB2312 lies in the Basic Multilingual Plane: one UTF-16 unit a character.
    const text = new TextDecoder('gb18030').decode(bytes);
    gb2312 = new Uint8Array(0x10000);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit !== 0xfffd) gb2312[unit] = 1;
    }
  }
  return code < 0x10000 && gb2312[code] === 1;
}

/**
 * A character a Chinese plan or roster is made of: ASCII, GB2312 (common hanzi, Chinese
 * punctuation, full-width forms), accented Latin (pinyin, names) and general punctuation.
 */
function common(code: number): boolean {
  if (code < 0x80) return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
  return (code >= 0xa0 && code <= 0x24f) || (code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f) || inGb2312(code);
}

/**
 * For the GBK reading, hanzi outside GBK count as well: GB18030 spells them with four bytes
 * (a digit second), which Big5 or Shift-JIS read as GBK never give, so they are real names.
 */
function commonInGb(code: number): boolean {
  return common(code) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x20000 && code <= 0x3ffff);
}

/** How many of the text's non-ASCII characters fail `test`, out of how many, and the first one's offset. */
function tally(text: string, test: (code: number) => boolean): { bad: number; total: number; first?: number } {
  let bad = 0;
  let total = 0;
  let first: number | undefined;
  let offset = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x80 || !test(code)) {
      total++;
      if (!test(code)) {
        bad++;
        first ??= offset;
      }
    }
    offset += char.length;
  }
  return { bad, total, first };
}

/** Line (1-based) of a text offset. */
function lineOfText(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/** Line (1-based) of a byte offset, lines being ended by a 0x0A byte. */
function lineOfBytes(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Walks the bytes as UTF-8: how many well-formed multi-byte sequences there are, how many
 * bytes fit none, and where the first misfit is. Text that is UTF-8 apart from a stray byte has
 * many of the first and few of the second; GBK has the other way round.
 */
function utf8Shape(bytes: Uint8Array): { sequences: number; stray: number; firstStray?: number } {
  let sequences = 0;
  let stray = 0;
  let firstStray: number | undefined;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += length;
    } else {
      stray++;
      firstStray ??= i;
      i++;
    }
  }
  return { sequences, stray, firstStray };
}

/**
 * UTF-16 without a byte-order mark: in Chinese or English text one byte of most pairs is zero
 * (ASCII) or the pairs are all even. Told by where the zero bytes fall.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
  const pairs = sample.length / 2;
  if (odd >= pairs / 4 && even === 0) return 'utf-16le';
  if (even >= pairs / 4 && odd === 0) return 'utf-16be';
  return undefined;
}

/** Whether the bytes are UTF-16 text, with or without a byte-order mark (it has zero bytes). */
export function looksUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bomlessUtf16(bytes) !== undefined;
}

function refuse(file: string, line: number | undefined, message: string): UserError {
  return new UserError('invalid', [{ file, ...(line !== undefined ? { line } : {}), message }]);
}

/** A text that decoded, unless it holds U+FFFD: a file once read in the wrong encoding and saved. */
function checked(file: string, decoded: DecodedText): DecodedText {
  const at = decoded.text.indexOf('\uFFFD');
  if (at >= 0) {
    throw refuse(
      file,
      lineOfText(decoded.text, at),
      `这一行有替换字符“�”（U+FFFD）：这个文件曾被按错误的编码读取后保存，这里原来的文字已经丢失。请从原始文件重新整理这一行`,
    );
  }
  return decoded;
}

/** UTF-16 with its byte-order mark removed; a lone surrogate or an odd byte count is refused. */
function utf16(file: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const text = tryDecode(encoding, bytes);
  if (text === undefined) {
    throw refuse(file, undefined, `文件是 UTF-16 编码，但内容不完整或有无效的字符（字节数为奇数，或有不成对的代理项）。${RESAVE}`);
  }
  return checked(file, { text, encoding });
}

/**
 * Decodes a text file's bytes — a roster, an outline, a Markdown plan — on evidence, never by
 * replacing what does not fit. A byte-order mark decides. Otherwise the bytes are read as UTF-8
 * and as GB18030 (what Excel and Notepad on Chinese Windows write; a superset of GBK), each
 * strictly, and the reading that gives Chinese text wins: common hanzi and punctuation (GB2312)
 * count for a reading, letters of other scripts against it. When neither reading is clearly
 * Chinese text — a stray byte in a UTF-8 file, a Big5, Shift-JIS or Latin-1 file — nothing is
 * guessed: a UserError names the line and says how to save the file.
 */
export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = tryDecode('utf-8', body);
    if (text === undefined) {
      const { firstStray } = utf8Shape(body);
      const line = lineOfBytes(body, firstStray ?? 0);
      throw refuse(
        file,
        line,
        `文件标明是 UTF-8 编码（带 BOM），但这一行有不是 UTF-8 的字节，读出来会是乱码。请检查这一行（可能是从别处粘贴的文字），${RESAVE}`,
      );
    }
    return checked(file, { text, encoding: 'utf-8' });
  }
  // Excel's “Unicode 文本” is UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(file, bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(file, bytes.subarray(2), 'utf-16be');
  const bomless = bomlessUtf16(bytes);
  if (bomless) return utf16(file, bytes, bomless);

  const asUtf8 = tryDecode('utf-8', bytes);
  // UTF-8 made only of common characters (most files) is taken as it is: the GB18030 reading could
  // not win against it (below), so it is not made.
  if (asUtf8 !== undefined && tally(asUtf8, common).bad === 0) return checked(file, { text: asUtf8, encoding: 'utf-8' });
  const asGb = tryDecode('gb18030', bytes);
  const gb = asGb !== undefined ? tally(asGb, commonInGb) : undefined;
  if (asUtf8 !== undefined) {
    // Short GBK text can be valid UTF-8 by chance; it then reads as rare hanzi or other scripts
    // in UTF-8 while every character is a common one in GBK.
    if (gb !== undefined && gb.bad === 0 && gb.total > 0) return checked(file, { text: asGb!, encoding: 'gb18030' });
    return checked(file, { text: asUtf8, encoding: 'utf-8' });
  }
  const shape = utf8Shape(bytes);
  if (shape.sequences >= 2 * shape.stray) {
    const line = lineOfBytes(bytes, shape.firstStray ?? 0);
    throw refuse(
      file,
      line,
      `文件是 UTF-8 编码，但这一行有不是 UTF-8 的字节，读出来会是乱码，所以没有读取。请检查这一行（可能是从别处粘贴的文字或混入了其他编码），${RESAVE}`,
    );
  }
  // Rare hanzi (names) are allowed in GBK; another encoding read as GBK gives many of them.
  if (asGb !== undefined && gb !== undefined && gb.bad <= gb.total * 0.05) return checked(file, { text: asGb, encoding: 'gb18030' });
  const line = gb?.first !== undefined ? lineOfText(asGb!, gb.first) : lineOfBytes(bytes, shape.firstStray ?? 0);
  throw refuse(
    file,
    line,
    `无法确定文件的编码：它不是 UTF-8，按 GBK 读出的文字也不像中文（从这一行起是乱码），可能是繁体 Big5、日文 Shift-JIS 或西文编码。${RESAVE}`,
  );
}
