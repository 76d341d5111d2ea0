import { enumerationWord, typedNumber } from './number-forms.js';
import type { SourceBlock, SourceParagraph, SourceTable } from './source.js';

/** A numbered paragraph and what follows it up to the next one at its level or above. */
export interface OutlineNode {
  /** The heading text without its number. */
  text: string;
  /** The paragraph as written (with its number), for text kept as text. */
  raw: string;
  origin: string;
  /** Set by a Word heading style: then the paragraph is a heading whatever it says. */
  styled: boolean;
  /** Paragraphs and tables before the first child. */
  body: (SourceParagraph | SourceTable)[];
  children: OutlineNode[];
}

/** The text before the first numbered paragraph, and the numbered tree. */
export interface PlanTree {
  lead: (SourceParagraph | SourceTable)[];
  nodes: OutlineNode[];
}

interface Numbered {
  form: string;
  heading: boolean;
  text: string;
}

function numbering(p: SourceParagraph, words: boolean): Numbered | undefined {
  const typed = typedNumber(p.text) ?? (words && p.headingLevel === undefined && !p.auto ? enumerationWord(p.text) : undefined);
  if (p.headingLevel !== undefined) return { form: `h${p.headingLevel}`, heading: true, text: typed?.rest ?? p.text };
  if (p.auto) return { form: p.auto.form, heading: false, text: typed && typed.form === p.auto.form ? typed.rest : p.text };
  return typed ? { form: typed.form, heading: false, text: typed.rest } : undefined;
}

/**
 * Builds the tree of numbered paragraphs. Levels come from the forms in the order they appear:
 * a form not seen on the way down opens a level below the current one, a form seen before goes
 * back up to its level. Heading styles rank by their own level above any typed form.
 */
export function buildTree(blocks: SourceBlock[]): PlanTree {
  // “一是……” paragraphs are points of their own only where no heading style gives structure.
  const words = !blocks.some((b) => b.kind === 'paragraph' && b.headingLevel !== undefined);
  const tree: PlanTree = { lead: [], nodes: [] };
  const stack: { form: string; node: OutlineNode }[] = [];
  for (const block of blocks) {
    const found = block.kind === 'paragraph' ? numbering(block, words) : undefined;
    if (!found || block.kind !== 'paragraph') {
      const target = stack[stack.length - 1]?.node;
      if (!target) tree.lead.push(block);
      else if (target.children.length === 0) target.body.push(block);
      else {
        // Text after a node's children belongs to the deepest last node, as a reader takes it.
        let deepest = target;
        while (deepest.children.length) deepest = deepest.children[deepest.children.length - 1]!;
        deepest.body.push(block);
      }
      continue;
    }
    const node: OutlineNode = { text: found.text, raw: block.text, origin: block.origin, styled: found.heading, body: [], children: [] };
    let depth = stack.findIndex((entry) => entry.form === found.form);
    if (found.heading) {
      const level = Number(found.form.slice(1));
      depth = stack.findIndex((entry) => !entry.form.startsWith('h') || Number(entry.form.slice(1)) >= level);
    }
    if (depth < 0) depth = stack.length;
    stack.length = depth;
    const parent = stack[depth - 1]?.node;
    (parent ? parent.children : tree.nodes).push(node);
    stack.push({ form: found.form, node });
  }
  return tree;
}
