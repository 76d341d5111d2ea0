import YAML from 'yaml';
import { decodeText, type DecodedText } from '../io/decode-text.js';
import { UserError } from '../errors.js';
import type { SourceBlock, SourceDocument, SourceParagraph } from './source.js';

/** Decodes a text file (UTF-8, UTF-16 or GBK/GB18030), refusing what is not text at all. */
export function decodePlanText(file: string, bytes: Uint8Array): DecodedText {
  const decoded = decodeText(file, bytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  // Control characters other than tab and line ends mean a binary file given a text name.
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (controls > 0 && controls > text.length / 100) {
    throw new UserError('invalid', [{ file, message: '不是文本文件（含有大量无法识别的字符）。请给出 .docx、.txt 或 .md 文件' }]);
  }
  return { ...decoded, text };
}

/** A web page's list bullets and stray spaces around a line. */
function cleanLine(line: string): string {
  return line.replace(/^[\s\u3000]*(?:[-*•·]\s+)?/u, '').replace(/[\s\u3000]+$/u, '');
}

/**
 * Reads plain text: every non-empty line is a paragraph, as text copied from a web page or
 * saved from Word as .txt comes. Broken paragraphs are joined later, with the rest of the furniture.
 */
export function readPlainText(text: string): SourceDocument {
  const blocks: SourceBlock[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const clean = cleanLine(line);
    if (clean) blocks.push({ kind: 'paragraph', text: clean, origin: `第 ${i + 1} 行` });
  });
  return { blocks, plainText: true };
}

const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|<>~])/g;

function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED, '$1');
}

/** The cells of a Markdown table row: split at unescaped pipes, `<br>` separating lines. */
function tableCells(line: string): string[][] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) =>
    cell
      .split(/<br\s*\/?>/i)
      .map((part) => unescapeMarkdown(part.trim()))
      .filter((part) => part !== ''),
  );
}

/**
 * Reads a Markdown plan (one unionplan wrote, or one written by hand): front matter, `#`
 * headings, paragraphs, pipe tables and the `<!-- 落款 -->` mark before the signature.
 */
export function readMarkdown(text: string): SourceDocument {
  const lines = text.split(/\r\n|\r|\n/);
  let meta: Record<string, unknown> | undefined;
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (end > 0) {
      try {
        const parsed: unknown = YAML.parse(lines.slice(1, end).join('\n'));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
      } catch {
        // Front matter that is not YAML is left out; the body still says what the plan is.
      }
      start = end + 1;
    }
  }
  const blocks: SourceBlock[] = [];
  let signature = false;
  let paragraph: { lines: string[]; first: number } | undefined;
  const flush = () => {
    if (!paragraph) return;
    const text = unescapeMarkdown(paragraph.lines.join(''));
    const block: SourceParagraph = { kind: 'paragraph', text, origin: `第 ${paragraph.first + 1} 行` };
    if (signature) block.role = 'signature';
    blocks.push(block);
    paragraph = undefined;
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    if (/^<!--.*-->$/.test(trimmed)) {
      flush();
      if (/落款/.test(trimmed)) signature = true;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(trimmed);
    if (heading) {
      flush();
      blocks.push({ kind: 'paragraph', text: unescapeMarkdown(heading[2]!), origin: `第 ${i + 1} 行`, headingLevel: heading[1]!.length });
      continue;
    }
    if (trimmed.startsWith('|')) {
      flush();
      const first = i;
      const rows: string[][][] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) {
        const row = lines[i]!.trim();
        if (!/^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(row)) rows.push(tableCells(row));
        i++;
      }
      i--;
      blocks.push({ kind: 'table', rows, origin: `第 ${first + 1} 行（表格）` });
      continue;
    }
    const clean = cleanLine(line);
    // Each list item is a paragraph of its own, not a line of the one before.
    if (/^\s*(?:[-*+•]|\d{1,2}[.)、．])\s*\S/.test(line) && paragraph) flush();
    if (!paragraph) paragraph = { lines: [], first: i };
    paragraph.lines.push(clean);
  }
  flush();
  return { blocks, ...(meta ? { meta } : {}), plainText: false };
}
