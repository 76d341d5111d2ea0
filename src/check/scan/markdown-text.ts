import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { stripTypedNumber } from '../../document/numbering.js';
import { typedItem } from '../../document/run-in.js';
import { SegmentBuilder, type Segment } from './segment.js';

/** ASCII punctuation, the characters a backslash escapes in CommonMark. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

function start(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function end(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/**
 * Adds a text node's characters from its spelling in the source: `\*` is one `*` spelt by two
 * characters, `&amp;` one character spelt by five; everything else is itself.
 */
function addText(out: SegmentBuilder, body: string, from: number, to: number, base: number): void {
  for (let i = from; i < to; ) {
    // Runs without `\` or `&` are literal: add them in one go.
    let plain = i;
    while (plain < to && body[plain] !== '\\' && body[plain] !== '&') plain++;
    if (plain > i) {
      out.addLiteral(body.slice(i, plain), base + i);
      i = plain;
      continue;
    }
    const c = body[i]!;
    if (c === '\\' && i + 1 < to && ESCAPABLE.test(body[i + 1]!)) {
      out.add(body[i + 1]!, base + i, base + i + 2);
      i += 2;
      continue;
    }
    if (c === '&') {
      const entity = ENTITY.exec(body.slice(i, Math.min(to, i + 40)));
      if (entity) {
        // Its meaning does not matter to any rule; U+FFFC is neither Chinese nor punctuation.
        out.add('\uFFFC', base + i, base + i + entity[0].length);
        i += entity[0].length;
        continue;
      }
    }
    out.add(c, base + i, base + i + 1);
    i++;
  }
}

function addPhrasing(out: SegmentBuilder, nodes: PhrasingContent[], body: string, base: number): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        addText(out, body, start(node), end(node), base);
        break;
      case 'emphasis':
      case 'strong': {
        // `__` in a Chinese plan is almost always a blank to fill in that Markdown happened to
        // read as emphasis: keep underscore delimiters as text so the placeholder rule sees them.
        const first = node.children[0];
        const last = node.children[node.children.length - 1];
        const open = first ? start(first) : end(node);
        const close = last ? end(last) : end(node);
        if (body[start(node)] === '_') addText(out, body, start(node), open, base);
        addPhrasing(out, node.children, body, base);
        if (body[start(node)] === '_') addText(out, body, close, end(node), base);
        break;
      }
      case 'delete':
      case 'link':
      case 'linkReference':
        addPhrasing(out, node.children, body, base);
        break;
      case 'inlineCode': {
        const src = body.slice(start(node), end(node));
        const at = src.indexOf(node.value);
        if (at !== -1) out.addLiteral(node.value, base + start(node) + at);
        break;
      }
      default:
        // `<br>`, other tags, hard breaks, images: not text, and what is on either side is
        // not neighbouring text either.
        out.break(base + start(node));
    }
  }
}

function phrasingSegment(nodes: PhrasingContent[], body: string, base: number): Segment | undefined {
  const out = new SegmentBuilder();
  addPhrasing(out, nodes, body, base);
  return out.build();
}

/**
 * A heading without the number a person typed (`(一)、`, `1、`): the parser drops it and numbers
 * the heading itself, so it never reaches the plan and is nothing to check.
 */
function withoutTypedNumber(segment: Segment | undefined): Segment | undefined {
  if (!segment) return undefined;
  const cut = segment.text.length - stripTypedNumber(segment.text).length;
  if (cut === 0) return segment;
  if (cut >= segment.text.length) return undefined;
  return { text: segment.text.slice(cut), starts: segment.starts.slice(cut), ends: segment.ends.slice(cut) };
}

/** The lines of a code block (an indented paragraph is one), without fences and indentation. */
function codeSegment(node: RootContent, body: string, base: number): Segment | undefined {
  const src = body.slice(start(node), end(node));
  const lines = src.split('\n');
  const fenced = /^\s*(```|~~~)/.test(lines[0] ?? '');
  const out = new SegmentBuilder();
  let offset = start(node);
  lines.forEach((line, i) => {
    const isFence = fenced && (i === 0 || (i === lines.length - 1 && /^\s*(```|~~~)/.test(line)));
    if (!isFence) {
      const indent = /^[ \t]*/.exec(line)![0].length;
      out.addLiteral(line.slice(indent), base + offset + indent);
      out.break(base + offset + line.length);
    }
    offset += line.length + 1;
  });
  return out.build();
}

/**
 * The user text of a Markdown body: one segment per paragraph, heading and table cell, with file
 * offsets (`base` is where the body starts). Not user text: heading and list markers, table pipes,
 * escapes' backslashes, emphasis `*`, HTML (the `<!-- 落款 -->` marker, `<br>`), link targets.
 */
export function markdownSegments(tree: Root, body: string, base: number): Segment[] {
  const segments: Segment[] = [];
  const push = (segment: Segment | undefined) => {
    if (segment) segments.push(segment);
  };
  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'paragraph': {
        // A run-in item (1.标题。正文): its typed number is generated again, like a heading's.
        let first: Nodes | undefined = node.children[0];
        while (first && 'children' in first && first.children.length > 0) first = first.children[0];
        const segment = phrasingSegment(node.children, body, base);
        const item = first?.type === 'text' && typedItem(body.slice(start(first), start(first) + 12));
        push(item ? withoutTypedNumber(segment) : segment);
        break;
      }
      case 'heading':
        push(withoutTypedNumber(phrasingSegment(node.children, body, base)));
        break;
      case 'table':
        for (const row of node.children) for (const cell of row.children) push(phrasingSegment(cell.children, body, base));
        break;
      case 'list':
      case 'listItem':
      case 'blockquote':
        for (const child of node.children) visit(child);
        break;
      case 'code':
        push(codeSegment(node, body, base));
        break;
      default:
      // html, thematic breaks, definitions: no user text.
    }
  };
  for (const node of tree.children) visit(node);
  return segments;
}
