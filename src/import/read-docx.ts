import { unzipSync } from 'fflate';
import { UserError } from '../errors.js';
import { MAX_UNPACKED_BYTES } from './limits.js';
import { autoNumberForm } from './number-forms.js';
import type { SourceBlock, SourceDocument, SourceParagraph } from './source.js';
import { attrOf, childOf, childVal, childrenOf, findAll, parseXml, tagOf, type XmlNode } from './xml-tree.js';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** True when an OLE file holds an encrypted Office package (a .docx with an opening password). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

/** Why bytes that should be a .docx are not one, said so that a user knows what to do. */
export function notDocxReason(bytes: Uint8Array): string | undefined {
  // A zip: a local file header, or the end record of an empty one.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return undefined;
  if (startsWith(bytes, OLE_MAGIC)) {
    return isEncryptedPackage(bytes)
      ? '文件设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中打开，取消密码（文件 → 信息 → 保护文档 / 文档加密）后另存，再导入'
      : '这是旧版 Word 文档（.doc）。请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后再导入';
  }
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '{\\rtf') {
    return '这是 RTF 文档，不是 .docx。请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后再导入';
  }
  return '不是 Word 文档（.docx）：文件内容不是 .docx 的格式，可能已损坏或只是改了扩展名';
}

interface StyleInfo {
  name: string;
  basedOn?: string;
  numId?: string;
  ilvl?: string;
  outlineLvl?: number;
}

function readStyles(xml: string | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const style of findAll(parseXml(xml), 'style')) {
    const id = attrOf(style, 'styleId');
    if (!id) continue;
    const pPr = childOf(style, 'pPr');
    const numPr = pPr ? childOf(pPr, 'numPr') : undefined;
    const outline = childVal(pPr, 'outlineLvl');
    styles.set(id, {
      name: childVal(style, 'name') ?? id,
      basedOn: childVal(style, 'basedOn'),
      numId: childVal(numPr, 'numId'),
      ilvl: childVal(numPr, 'ilvl'),
      outlineLvl: outline !== undefined ? Number(outline) : undefined,
    });
  }
  return styles;
}

/** A style's heading level (1–9) from its name (heading 1, 标题 1) or outline level, following basedOn. */
function headingLevel(styles: Map<string, StyleInfo>, id: string | undefined): number | undefined {
  for (let depth = 0; id && depth < 10; depth++) {
    const style = styles.get(id);
    const name = style?.name ?? id;
    const match = /^(?:heading|标题)\s*(\d)$/i.exec(name.trim()) ?? /^Heading(\d)$/.exec(id);
    if (match) return Number(match[1]);
    if (style?.outlineLvl !== undefined && style.outlineLvl < 9) return style.outlineLvl + 1;
    id = style?.basedOn;
  }
  return undefined;
}

function styleRole(styles: Map<string, StyleInfo>, id: string | undefined): SourceParagraph['role'] {
  if (!id) return undefined;
  const name = (styles.get(id)?.name ?? id).trim().toLowerCase();
  if (name === 'title' || name === '标题') return 'title';
  if (name === 'signature' || name === 'date' || name === '签名' || name === '日期') return 'signature';
  return undefined;
}

/** numId → list levels (ilvl → numFmt and lvlText), through the abstract numbering. */
function readNumbering(xml: string | undefined): Map<string, Map<string, { numFmt: string; lvlText: string }>> {
  const lists = new Map<string, Map<string, { numFmt: string; lvlText: string }>>();
  if (!xml) return lists;
  const nodes = parseXml(xml);
  const abstract = new Map<string, Map<string, { numFmt: string; lvlText: string }>>();
  for (const node of findAll(nodes, 'abstractNum')) {
    const levels = new Map<string, { numFmt: string; lvlText: string }>();
    for (const lvl of childrenOf(node).filter((c) => tagOf(c) === 'lvl')) {
      levels.set(attrOf(lvl, 'ilvl') ?? '0', { numFmt: childVal(lvl, 'numFmt') ?? 'decimal', lvlText: childVal(lvl, 'lvlText') ?? '' });
    }
    abstract.set(attrOf(node, 'abstractNumId') ?? '', levels);
  }
  for (const num of findAll(nodes, 'num')) {
    const id = attrOf(num, 'numId');
    const abstractId = childVal(num, 'abstractNumId');
    if (id && abstractId !== undefined) lists.set(id, abstract.get(abstractId) ?? new Map());
  }
  return lists;
}

/** The text of a paragraph or run container: runs, tabs and breaks, not deleted text or field codes. */
function textOf(nodes: XmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') continue;
    if (tag === 't')
      out += childrenOf(node)
        .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
        .join('');
    else if (tag === 'tab') out += ' ';
    else if (tag === 'br' || tag === 'cr') out += '\n';
    else if (tag === 'noBreakHyphen') out += '-';
    else if (['del', 'delText', 'instrText', 'pPr', 'rPr', 'fldData', 'drawing', 'pict', 'object', 'footnoteReference'].includes(tag))
      continue;
    else out += textOf(childrenOf(node));
  }
  return out;
}

interface Context {
  styles: Map<string, StyleInfo>;
  lists: Map<string, Map<string, { numFmt: string; lvlText: string }>>;
  count: number;
}

function paragraph(node: XmlNode, ctx: Context): SourceParagraph[] {
  ctx.count++;
  const pPr = childOf(node, 'pPr');
  const styleId = childVal(pPr, 'pStyle');
  const style = styleId ? ctx.styles.get(styleId) : undefined;
  const numPr = pPr ? childOf(pPr, 'numPr') : undefined;
  const numId = childVal(numPr, 'numId') ?? style?.numId;
  const ilvl = childVal(numPr, 'ilvl') ?? style?.ilvl ?? '0';
  const level = headingLevel(ctx.styles, styleId);
  const role = styleRole(ctx.styles, styleId);
  let auto: SourceParagraph['auto'];
  if (numId && numId !== '0') {
    const lvl = ctx.lists.get(numId)?.get(ilvl);
    const fallback = lvl?.numFmt === 'bullet' ? `•${ilvl}` : `list${numId}-${ilvl}`;
    auto = { form: lvl ? autoNumberForm(lvl.numFmt, lvl.lvlText, fallback) : fallback, level: Number(ilvl) };
  }
  // A line break inside a paragraph (Shift+Enter) separates what a reader sees as paragraphs.
  return textOf(childrenOf(node))
    .split('\n')
    .map((text) => text.replace(/[ \t\u00a0\u3000]+$/u, '').replace(/^[ \t\u00a0]+/u, ''))
    .filter((text) => text.trim() !== '')
    .map((text, i) => ({
      kind: 'paragraph' as const,
      text,
      origin: `第 ${ctx.count} 段`,
      ...(level !== undefined ? { headingLevel: level } : {}),
      ...(auto && i === 0 ? { auto } : {}),
      ...(role ? { role } : {}),
    }));
}

function table(node: XmlNode, ctx: Context): SourceBlock {
  ctx.count++;
  const origin = `第 ${ctx.count} 段（表格）`;
  const rows = childrenOf(node)
    .filter((c) => tagOf(c) === 'tr')
    .map((tr) =>
      childrenOf(tr)
        .filter((c) => tagOf(c) === 'tc')
        .map((tc) =>
          findAll(childrenOf(tc), 'p')
            .flatMap((p) => textOf(childrenOf(p)).split('\n'))
            .map((line) => line.trim())
            .filter((line) => line !== ''),
        ),
    );
  return { kind: 'table', rows, origin };
}

function body(nodes: XmlNode[], ctx: Context, out: SourceBlock[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'p') out.push(...paragraph(node, ctx));
    else if (tag === 'tbl') out.push(table(node, ctx));
    else if (tag === 'sdt' || tag === 'sdtContent' || tag === 'customXml' || tag === 'ins') body(childrenOf(node), ctx, out);
  }
}

/**
 * Reads a .docx: its paragraphs (with heading styles and automatic numbering resolved through
 * `numbering.xml`) and tables, in reading order. Throws a UserError for anything that is not a
 * readable .docx, saying what to do about it.
 */
export function readDocx(file: string, bytes: Uint8Array): SourceDocument {
  const reason = notDocxReason(bytes);
  if (reason) throw new UserError('invalid', [{ file, message: reason }]);
  const wanted = new Set(['word/document.xml', 'word/styles.xml', 'word/numbering.xml']);
  let parts: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        if (!wanted.has(entry.name)) return false;
        unpacked += entry.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new RangeError('too large');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new UserError('invalid', [
        { file, message: `文档解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，不像一份工作计划，未导入` },
      ]);
    }
    throw new UserError('invalid', [{ file, message: '文件已损坏，无法作为 Word 文档（.docx）打开。请在 Word 或 WPS 中打开并重新保存' }]);
  }
  const document = parts['word/document.xml'];
  if (!document) {
    throw new UserError('invalid', [
      { file, message: '不是 Word 文档（.docx）：压缩包中没有 word/document.xml（是否是 Excel 或 PowerPoint 文件？）' },
    ]);
  }
  const decode = (part: Uint8Array | undefined) => (part ? new TextDecoder('utf-8').decode(part) : undefined);
  let nodes: XmlNode[];
  try {
    nodes = parseXml(decode(document)!);
  } catch {
    throw new UserError('invalid', [{ file, message: '文档内容（word/document.xml）已损坏，无法读取。请在 Word 或 WPS 中打开并重新保存' }]);
  }
  let ctx: Context;
  try {
    ctx = { styles: readStyles(decode(parts['word/styles.xml'])), lists: readNumbering(decode(parts['word/numbering.xml'])), count: 0 };
  } catch {
    // Damaged styles or numbering lose only the levels they would give; the text is still read.
    ctx = { styles: new Map(), lists: new Map(), count: 0 };
  }
  const bodyNode = findAll(nodes, 'body')[0];
  const blocks: SourceBlock[] = [];
  if (bodyNode) body(childrenOf(bodyNode), ctx, blocks);
  return { blocks, plainText: false };
}
