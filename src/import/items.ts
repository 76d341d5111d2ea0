import type { OutlineItem } from '../outline/types.js';
import type { ImportNotes } from './report.js';
import type { SourceParagraph, SourceTable } from './source.js';
import type { OutlineNode } from './structure.js';

const SENTENCE_END = /[。！？!?]/;

/** A heading's text without the punctuation it ends on. */
export function bare(text: string): string {
  return text.replace(/[。；;，,：:\s]+$/u, '').trim();
}

/** A table kept as text: one line per row, cells joined, so no word is lost. */
export function tableText(table: SourceTable): string {
  return table.rows
    .map((row) =>
      row
        .map((cell) => cell.join('；'))
        .filter((c) => c !== '')
        .join('，'),
    )
    .join('\n\n');
}

/** A paragraph's text, or a table as lines of text (noted: it is not recognised). */
export function blockText(block: SourceParagraph | SourceTable, notes: ImportNotes, where: string): string {
  if (block.kind === 'paragraph') return block.text;
  notes.keptAsText.push(`${block.origin} 的表格不是工作目标或月度安排，按行留作“${where}”的文字`);
  return tableText(block);
}

/** Text of a node's subtree as written (numbers kept: they will not be generated again). */
export function flatText(node: OutlineNode, notes: ImportNotes, where: string): string[] {
  return [node.raw, ...node.body.map((b) => blockText(b, notes, where)), ...node.children.flatMap((c) => flatText(c, notes, where))];
}

/** Paragraphs as one text, a blank line between them; undefined when there is none. */
export function joinParagraphs(parts: string[]): string | undefined {
  const text = parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n\n');
  return text === '' ? undefined : text;
}

/** A heading that says only what the part is: no sentence before its end, and short. */
export function headingLike(node: OutlineNode, max = 50): boolean {
  if (node.styled) return true;
  const inner = node.text.replace(/[。！？!?]+$/, '');
  return !SENTENCE_END.test(inner) && node.text.length <= max;
}

/** A run-in heading (“组织政治理论学习。每月……”) as title and text; a long first sentence is all text. */
export function runIn(text: string, maxTitle: number): { title?: string; text?: string } {
  const match = SENTENCE_END.exec(text);
  if (match && match.index <= maxTitle && match.index > 0) {
    return { title: bare(text.slice(0, match.index)), text: text.slice(match.index + 1).trim() || undefined };
  }
  return { text };
}

/** A numbered node as an outline item (depth 0) or sub-item (depth 1); deeper levels become text. */
export function item(node: OutlineNode, depth: number, notes: ImportNotes, where: string): OutlineItem {
  let title: string | undefined;
  const text: string[] = [];
  // A numbered sentence with nothing under it is a title when it is short, text when it says more.
  const alone = node.body.length === 0 && node.children.length === 0;
  if (headingLike(node, alone && !node.styled ? 25 : 40)) title = bare(node.text);
  else {
    const split = runIn(node.text, 30);
    title = split.title;
    if (split.text) text.push(split.text);
  }
  text.push(...node.body.map((b) => blockText(b, notes, where)));
  const result: OutlineItem = {};
  if (title) result.title = title;
  if (depth === 0) {
    const subs = node.children.map((child) => item(child, 1, notes, where));
    const joined = joinParagraphs(text);
    if (joined) result.text = joined;
    if (subs.length) result.items = subs;
  } else {
    // Deeper levels have no place of their own in an outline: they stay as text, numbers and all.
    if (node.children.length)
      notes.keptAsText.push(`${node.origin} 以下更深一级的条目留作${where ? `板块“${where}”中` : ''}上一级条目的文字`);
    const joined = joinParagraphs([...text, ...node.children.flatMap((c) => flatText(c, notes, where))]);
    if (joined) result.text = joined;
  }
  return result;
}

/**
 * Items of one section as a reader would number them. Where at least half the points have no
 * title (their first sentence was long), all of them are shown as the paragraphs they were, so
 * that a short point is not numbered “1.” among unnumbered ones; otherwise titles are kept.
 */
export function itemsOf(nodes: OutlineNode[], notes: ImportNotes, where: string): OutlineItem[] {
  const items = nodes.map((node) => item(node, 0, notes, where));
  const untitled = items.filter((i) => i.title === undefined).length;
  if (untitled === 0 || untitled * 2 < items.length) return items;
  return items.map((i, n) => {
    if (i.title === undefined) return i;
    const node = nodes[n]!;
    const text = joinParagraphs([node.text, ...node.body.map((b) => (b.kind === 'paragraph' ? b.text : tableText(b)))]);
    return { ...(text ? { text } : {}), ...(i.items ? { items: i.items } : {}) };
  });
}
