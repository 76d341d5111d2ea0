import type { PhrasingContent } from 'mdast';
import { joinLines } from '../text/markdown-escape.js';
import type { Inline, Line } from './model.js';

/** Emphasis in force while walking down phrasing content. */
interface Marks {
  bold?: boolean;
  italic?: boolean;
}

type InlineHandler<T extends PhrasingContent = PhrasingContent> = (node: T, marks: Marks, lines: Line[]) => void;

function push(lines: Line[], text: string, marks: Marks): void {
  if (text === '') return;
  const line = lines[lines.length - 1]!;
  const run: Inline = { text, ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}) };
  const last = line[line.length - 1];
  if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += text;
  else line.push(run);
}

function children(node: { children: PhrasingContent[] }, marks: Marks, lines: Line[]): void {
  for (const child of node.children) inline(child, marks, lines);
}

/**
 * One handler per phrasing node type. Anything that is not emphasis becomes its literal text:
 * a plan has no links, code or images, and raw HTML a person typed is shown, not interpreted.
 */
const HANDLERS: { [K in PhrasingContent['type']]?: InlineHandler<Extract<PhrasingContent, { type: K }>> } = {
  text: (node, marks, lines) => push(lines, joinLines(node.value), marks),
  strong: (node, marks, lines) => children(node, { ...marks, bold: true }, lines),
  emphasis: (node, marks, lines) => children(node, { ...marks, italic: true }, lines),
  delete: (node, marks, lines) => children(node, marks, lines),
  link: (node, marks, lines) => children(node, marks, lines),
  linkReference: (node, marks, lines) => children(node, marks, lines),
  inlineCode: (node, marks, lines) => push(lines, node.value, marks),
  image: (node, marks, lines) => push(lines, node.alt ?? '', marks),
  imageReference: (node, marks, lines) => push(lines, node.alt ?? '', marks),
  footnoteReference: (node, marks, lines) => push(lines, `[^${node.label ?? node.identifier}]`, marks),
  // `<br>` is the one HTML this tool writes: a line break inside a table cell.
  html: (node, marks, lines) => {
    if (/^<br\s*\/?>$/i.test(node.value.trim())) lines.push([]);
    else push(lines, node.value, marks);
  },
  break: (_node, _marks, lines) => {
    lines.push([]);
  },
};

function inline(node: PhrasingContent, marks: Marks, lines: Line[]): void {
  const handler = HANDLERS[node.type] as InlineHandler | undefined;
  if (handler) handler(node, marks, lines);
  else if ('value' in node && typeof node.value === 'string') push(lines, node.value, marks);
  else if ('children' in node) children(node as { children: PhrasingContent[] }, marks, lines);
}

/** The lines of some phrasing content; several only where `<br>` or a hard break split them. */
export function toLines(nodes: PhrasingContent[]): Line[] {
  const lines: Line[] = [[]];
  for (const node of nodes) inline(node, {}, lines);
  return lines
    .map((line) => trimLine(line))
    .filter((line, i, all) => line.length > 0 || (i > 0 && i < all.length - 1));
}

/** All phrasing content as one line (headings, paragraphs): breaks inside are dropped. */
export function toLine(nodes: PhrasingContent[]): Line {
  const lines = toLines(nodes);
  const out: Line = [];
  for (const line of lines) {
    for (const run of line) {
      const last = out[out.length - 1];
      if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += run.text;
      else out.push({ ...run });
    }
  }
  return out;
}

function trimLine(line: Line): Line {
  const out = line.map((run) => ({ ...run }));
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((run) => run.text !== '');
}
