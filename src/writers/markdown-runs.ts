/**
 * A line of runs as Markdown emphasis that parses back into the same runs: `**粗*斜*体**`, not
 * `**粗*****斜*****体**` (which CommonMark reads as other emphasis, or as literal asterisks).
 */
import type { Inline, Line } from '../document/model.js';
import { escapeLineStart, escapeText } from '../text/markdown-escape.js';

type Mark = 'bold' | 'italic';

const MARKER: Record<Mark, string> = { bold: '**', italic: '*' };

/** A piece of text with the marks it wants. */
interface Piece {
  text: string;
  marks: Set<Mark>;
}

/**
 * The runs cut so that white space at the ends of an emphasised run stands outside it: `** a **`
 * is not emphasis in CommonMark, and the spaces must stay (“use **Word** and”).
 */
function pieces(line: Line): Piece[] {
  const out: Piece[] = [];
  const add = (text: string, marks: Set<Mark>) => {
    if (text !== '') out.push({ text, marks });
  };
  for (const inline of line) {
    const marks = marksOf(inline);
    if (marks.size === 0) {
      add(inline.text, marks);
      continue;
    }
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inline.text) ?? [];
    add(lead, new Set());
    add(core, marks);
    add(trail, new Set());
  }
  return out;
}

function marksOf(inline: Inline): Set<Mark> {
  const marks = new Set<Mark>();
  if (inline.bold) marks.add('bold');
  if (inline.italic) marks.add('italic');
  return marks;
}

/** How many pieces from `from` on keep `mark`: the mark that lasts longer opens first (outside). */
function reach(all: Piece[], from: number, mark: Mark): number {
  let end = from;
  while (end < all.length && all[end]!.marks.has(mark)) end++;
  return end - from;
}

/**
 * A line of runs as Markdown. `blockStart`: the line starts a paragraph's line, where `1.` or `-`
 * would start a list (only text outside emphasis can do that).
 */
export function markdownRuns(line: Line, blockStart = false): string {
  const all = pieces(line);
  const open: Mark[] = [];
  let out = '';
  all.forEach((piece, i) => {
    // Close from the innermost out until every open mark is still wanted.
    const keep = open.findIndex((mark) => !piece.marks.has(mark));
    if (keep >= 0) for (const mark of open.splice(keep).reverse()) out += MARKER[mark];
    const missing = (['bold', 'italic'] as Mark[]).filter((mark) => piece.marks.has(mark) && !open.includes(mark));
    missing.sort((a, b) => reach(all, i, b) - reach(all, i, a));
    for (const mark of missing) {
      open.push(mark);
      out += MARKER[mark];
    }
    out += escapeText(piece.text);
  });
  for (const mark of open.reverse()) out += MARKER[mark];
  return blockStart && all[0] && all[0].marks.size === 0 ? escapeLineStart(out) : out;
}
