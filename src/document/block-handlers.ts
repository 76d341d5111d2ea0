import type { Paragraph, RootContent, PhrasingContent } from 'mdast';
import { toLine, toLines } from './inline-handlers.js';
import type { ItemStyle } from '../vocab/item-style.js';
import { SIGNATURE_MARKER } from '../vocab/signature.js';
import type { Block, Cell, HeadingBlock, Line } from './model.js';
import { stripTypedNumber } from './numbering.js';
import { splitRunIn, typedItem } from './run-in.js';

/** What block handlers share while walking the tree. */
export interface BlockContext {
  blocks: Block[];
  /** Set once the signature marker is seen: the paragraphs after it are the signature. */
  signatureLines?: string[];
  /** The Markdown body the tree was parsed from: whether an item number was escaped shows only there. */
  body: string;
  itemStyle: ItemStyle;
  /** A run-in item heading just added, waiting for the paragraph that runs into it. */
  openItem?: HeadingBlock;
}

/** The first text of a paragraph, inside any emphasis around it. */
function firstText(nodes: PhrasingContent[]): PhrasingContent | undefined {
  let node = nodes[0];
  while (node && 'children' in node && node.children.length > 0) node = node.children[0] as PhrasingContent;
  return node;
}

/** The item a paragraph is, when it starts with an unescaped item number (1. （1）). */
function itemOf(node: Paragraph, ctx: BlockContext): { level: 3 | 4; length: number } | undefined {
  const first = firstText(node.children);
  const offset = first?.type === 'text' ? first.position?.start.offset : undefined;
  return offset === undefined ? undefined : typedItem(ctx.body.slice(offset, offset + 12));
}

/** Cuts the first `length` characters off a line (an item's typed number). */
function cutStart(line: Line, length: number): Line {
  let left = length;
  const out: Line = [];
  for (const run of line) {
    const cut = Math.min(left, run.text.length);
    left -= cut;
    if (cut < run.text.length) out.push({ ...run, text: run.text.slice(cut) });
  }
  return out;
}

const bolded = (line: Line): Line => line.map((run) => ({ ...run, bold: true }));

/**
 * A paragraph that starts with an item number: a run-in item, or in a `heading` plan an item
 * heading and its paragraph. Its number is dropped and generated again, like a heading's.
 */
function addItemParagraph(ctx: BlockContext, content: Line, item: { level: 3 | 4; length: number }): void {
  const { title, text } = splitRunIn(cutStart(content, item.length));
  if (title.length === 0) return;
  if (ctx.itemStyle === 'heading') {
    ctx.blocks.push({ type: 'heading', level: item.level, number: '', content: title });
    if (text.length > 0) ctx.blocks.push({ type: 'paragraph', content: text });
  } else {
    ctx.blocks.push({ type: 'heading', level: item.level, number: '', content: title, runIn: text });
  }
}

type BlockHandler<T extends RootContent = RootContent> = (node: T, ctx: BlockContext) => void;

function addParagraph(ctx: BlockContext, nodes: PhrasingContent[]): void {
  const content = toLine(nodes);
  if (content.length === 0) return;
  // After the marker, a line break (`\` at the end of a line) separates the signature's lines too.
  if (ctx.signatureLines)
    ctx.signatureLines.push(
      ...content
        .map((run) => run.text)
        .join('')
        .split('\n'),
    );
  else ctx.blocks.push({ type: 'paragraph', content });
}

/** A top-level paragraph: a run-in item, the text of the item just before it, or body text. */
function paragraph(node: Paragraph, ctx: BlockContext): void {
  const open = ctx.openItem;
  ctx.openItem = undefined;
  const item = ctx.signatureLines ? undefined : itemOf(node, ctx);
  if (item) {
    const content = toLine(node.children);
    if (content.length > 0) addItemParagraph(ctx, content, item);
    return;
  }
  if (open && !ctx.signatureLines) {
    const content = toLine(node.children);
    if (content.length > 0) open.runIn = content;
    return;
  }
  addParagraph(ctx, node.children);
}

function walk(nodes: RootContent[], ctx: BlockContext): void {
  for (const node of nodes) block(node, ctx);
}

/**
 * One handler per Markdown block type. A plan is headings, paragraphs and tables; other blocks
 * a person may have typed (lists, quotes, code) become paragraphs with their text kept.
 */
const HANDLERS: { [K in RootContent['type']]?: BlockHandler<Extract<RootContent, { type: K }>> } = {
  heading: (node, ctx) => {
    // A heading is one line in Markdown, so a break typed into it joins its two parts.
    const content = toLine(node.children, 'join');
    const first = content[0];
    if (first) first.text = stripTypedNumber(first.text);
    const kept = content.filter((run) => run.text !== '');
    if (kept.length === 0) return;
    const level = Math.min(node.depth, 4) as HeadingBlock['level'];
    if (level < 3 || ctx.itemStyle === 'heading') {
      ctx.blocks.push({ type: 'heading', level, number: '', content: kept });
      return;
    }
    // An item heading line in a run-in plan: its first paragraph, if one follows, runs into it.
    const item: HeadingBlock = {
      type: 'heading',
      level,
      number: '',
      content: ctx.itemStyle === 'run-in-bold' ? bolded(kept) : kept,
      runIn: [],
    };
    ctx.blocks.push(item);
    ctx.openItem = item;
  },
  paragraph: (node, ctx) => paragraph(node, ctx),
  table: (node, ctx) => {
    const [head, ...body] = node.children;
    if (!head) return;
    const cells = (row: typeof head): Cell[] => row.children.map((cell) => toLines(cell.children));
    ctx.blocks.push({ type: 'table', header: cells(head), rows: body.map(cells) });
  },
  list: (node, ctx) => {
    node.children.forEach((item, i) => {
      // The number keeps its space: “1. one” stays “1. one”.
      const prefix = node.ordered ? `${(node.start ?? 1) + i}. ` : '';
      item.children.forEach((child, j) => {
        if (child.type === 'paragraph' && j === 0 && prefix) {
          addParagraph(ctx, [{ type: 'text', value: prefix }, ...child.children]);
        } else block(child, ctx);
      });
    });
  },
  blockquote: (node, ctx) => walk(node.children, ctx),
  code: (node, ctx) => {
    for (const line of node.value.split('\n')) addParagraph(ctx, [{ type: 'text', value: line }]);
  },
  html: (node, ctx) => {
    if (node.value.trim() === SIGNATURE_MARKER) ctx.signatureLines = [];
    else if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) addParagraph(ctx, [{ type: 'text', value: node.value }]);
  },
  thematicBreak: () => {},
  definition: () => {},
  footnoteDefinition: (node, ctx) => walk(node.children, ctx),
};

/** Adds the blocks of one Markdown node. */
export function block(node: RootContent, ctx: BlockContext): void {
  // Only a paragraph straight after an item heading runs into it.
  if (node.type !== 'paragraph') ctx.openItem = undefined;
  const handler = HANDLERS[node.type] as BlockHandler | undefined;
  if (handler) handler(node, ctx);
}
