import type { PhrasingContent } from 'mdast';
import { softBreak } from '../text/markdown-escape.js';
import type { Line } from './model.js';

/** Emphasis in force while walking down phrasing content. */
interface Marks {
  bold?: boolean;
  italic?: boolean;
}

/**
 * What phrasing content reads as, in order, before lines are made: text with its emphasis, a soft
 * line break (a newline in the source, decided once both neighbours are known) or a hard one.
 */
type Piece = { text: string; marks: Marks } | { soft: true } | { hard: true };

type InlineHandler<T extends PhrasingContent = PhrasingContent> = (node: T, marks: Marks, out: Piece[]) => void;

/** A soft line break with the spaces around it: CommonMark drops them. */
const SOFT_BREAK = /[ \t]*\r?\n[ \t]*/;

function text(out: Piece[], value: string, marks: Marks): void {
  value.split(SOFT_BREAK).forEach((part, i) => {
    if (i > 0) out.push({ soft: true });
    if (part !== '') out.push({ text: part, marks });
  });
}

function children(node: { children: PhrasingContent[] }, marks: Marks, out: Piece[]): void {
  for (const child of node.children) inline(child, marks, out);
}

/**
 * One handler per phrasing node type. Anything that is not emphasis becomes its literal text:
 * a plan has no links, code or images, and raw HTML a person typed is shown, not interpreted.
 * Text keeps its spaces: “use **Word** and” stays three words.
 */
const HANDLERS: { [K in PhrasingContent['type']]?: InlineHandler<Extract<PhrasingContent, { type: K }>> } = {
  text: (node, marks, out) => text(out, node.value, marks),
  strong: (node, marks, out) => children(node, { ...marks, bold: true }, out),
  emphasis: (node, marks, out) => children(node, { ...marks, italic: true }, out),
  delete: (node, marks, out) => children(node, marks, out),
  link: (node, marks, out) => children(node, marks, out),
  linkReference: (node, marks, out) => children(node, marks, out),
  inlineCode: (node, marks, out) => text(out, node.value, marks),
  image: (node, marks, out) => text(out, node.alt ?? '', marks),
  imageReference: (node, marks, out) => text(out, node.alt ?? '', marks),
  footnoteReference: (node, marks, out) => text(out, `[^${node.label ?? node.identifier}]`, marks),
  // `<br>` is the one HTML this tool writes: a line break inside a table cell.
  html: (node, marks, out) => {
    if (/^<br\s*\/?>$/i.test(node.value.trim())) out.push({ hard: true });
    else text(out, node.value, marks);
  },
  break: (_node, _marks, out) => {
    out.push({ hard: true });
  },
};

function inline(node: PhrasingContent, marks: Marks, out: Piece[]): void {
  const handler = HANDLERS[node.type] as InlineHandler | undefined;
  if (handler) handler(node, marks, out);
  else if ('value' in node && typeof node.value === 'string') text(out, node.value, marks);
  else if ('children' in node) children(node as { children: PhrasingContent[] }, marks, out);
}

function sameMarks(a: Marks, b: Marks): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic;
}

function push(line: Line, text: string, marks: Marks): void {
  if (text === '') return;
  const last = line[line.length - 1];
  if (last && sameMarks(last, marks)) last.text += text;
  else line.push({ text, ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}) });
}

/** The text pieces as lines, split at hard breaks; a soft break is a space or nothing (see `softBreak`). */
function linesOf(pieces: Piece[]): Line[] {
  const lines: Line[] = [[]];
  pieces.forEach((piece, i) => {
    const line = lines[lines.length - 1]!;
    if ('hard' in piece) lines.push([]);
    else if ('text' in piece) push(line, piece.text, piece.marks);
    else {
      const before = line[line.length - 1];
      const next = pieces[i + 1];
      if (!before || !next || !('text' in next)) return;
      const space = softBreak(before.text, next.text);
      // The space belongs to the emphasis only when both sides have it.
      push(line, space, sameMarks(before, next.marks) ? next.marks : {});
    }
  });
  return lines.map(trimLine);
}

/** The lines of some phrasing content; several only where `<br>` or a hard break split them. */
export function toLines(nodes: PhrasingContent[]): Line[] {
  const pieces: Piece[] = [];
  for (const node of nodes) inline(node, {}, pieces);
  return linesOf(pieces).filter((line, i, all) => line.length > 0 || (i > 0 && i < all.length - 1));
}

/**
 * All phrasing content as one line (headings, paragraphs). A hard break stays in the text as a
 * newline, which every writer sets as a line break; `breaks: 'join'` joins the lines as a soft
 * break would (a heading is one line in Markdown).
 */
export function toLine(nodes: PhrasingContent[], breaks: 'keep' | 'join' = 'keep'): Line {
  const lines = toLines(nodes).filter((line) => line.length > 0);
  const out: Line = [];
  lines.forEach((line, i) => {
    if (i > 0) {
      const before = out[out.length - 1]!;
      const separator = breaks === 'keep' ? '\n' : softBreak(before.text, line[0]!.text);
      push(out, separator, sameMarks(before, line[0]!) ? before : {});
    }
    for (const run of line) push(out, run.text, run);
  });
  return out;
}

/** A line without the spaces at its ends, which Markdown never shows. */
function trimLine(line: Line): Line {
  const out = line.map((run) => ({ ...run }));
  while (out[0]) {
    out[0].text = out[0].text.trimStart();
    if (out[0].text !== '') break;
    out.shift();
  }
  for (let last = out.at(-1); last; last = out.at(-1)) {
    last.text = last.text.trimEnd();
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}
