import type { RootContent, PhrasingContent } from 'mdast';
import { toLine, toLines } from './inline-handlers.js';
import type { Block, Cell, HeadingBlock } from './model.js';
import { stripTypedNumber } from './numbering.js';

/** The marker before the signature lines in a rendered plan. */
export const SIGNATURE_MARKER = '<!-- 落款 -->';

/** What block handlers share while walking the tree. */
export interface BlockContext {
  blocks: Block[];
  /** Set once the signature marker is seen: the paragraphs after it are the signature. */
  signatureLines?: string[];
}

type BlockHandler<T extends RootContent = RootContent> = (node: T, ctx: BlockContext) => void;

function addParagraph(ctx: BlockContext, nodes: PhrasingContent[]): void {
  const content = toLine(nodes);
  if (content.length === 0) return;
  // After the marker, a line break (`\` at the end of a line) separates the signature's lines too.
  if (ctx.signatureLines) ctx.signatureLines.push(...content.map((run) => run.text).join('').split('\n'));
  else ctx.blocks.push({ type: 'paragraph', content });
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
    ctx.blocks.push({ type: 'heading', level, number: '', content: kept });
  },
  paragraph: (node, ctx) => addParagraph(ctx, node.children),
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
  const handler = HANDLERS[node.type] as BlockHandler | undefined;
  if (handler) handler(node, ctx);
}
