import YAML from 'yaml';
import { cleanDocument } from '../document/clean-text.js';
import { SIGNATURE_MARKER } from '../vocab/signature.js';
import type { Block, Cell, HeadingBlock, Line, PlanDocument } from '../document/model.js';
import { runInLine } from '../document/run-in.js';
import { escapeBlock } from '../text/markdown-escape.js';
import { markdownRuns } from './markdown-runs.js';
import type { Writer } from './writer.js';

/** The line cut at its line breaks (newlines inside runs) into lines of runs. */
function splitBreaks(line: Line): Line[] {
  const lines: Line[] = [[]];
  for (const inline of line) {
    inline.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ ...inline, text: part });
    });
  }
  return lines;
}

function cell(value: Cell): string {
  return value.map((line) => markdownRuns(line)).join('<br>');
}

/**
 * A run-in item as the one paragraph it is: “1.标题。正文”. Its number is written as it is, so that
 * reading the file again finds the item; any other paragraph starting with a number has it escaped.
 */
function runInParagraph(block: HeadingBlock): string {
  // Only the first line starts with the number, which stays unescaped; lines after a hard break
  // are escaped like any paragraph's.
  return splitBreaks(runInLine(block))
    .map((line, i) => markdownRuns(line, i > 0))
    .join('\\\n');
}

/** One writer function per block type; the result is a Markdown chunk without trailing newline. */
const BLOCK_WRITERS: { [K in Block['type']]: (block: Extract<Block, { type: K }>) => string } = {
  heading: (block) => (block.runIn ? runInParagraph(block) : `${'#'.repeat(block.level)} ${block.number}${markdownRuns(block.content)}`),
  // A line break is a backslash at the end of the line (visible, unlike two trailing spaces).
  paragraph: (block) =>
    splitBreaks(block.content)
      .map((line) => markdownRuns(line, true))
      .join('\\\n'),
  table: (block) => {
    const header = `| ${block.header.map(cell).join(' | ')} |`;
    const rule = `| ${block.header.map(() => '---').join(' | ')} |`;
    const rows = block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`);
    return [header, rule, ...rows].join('\n');
  },
  // In the front matter (`attachments:`), where the parser takes them from.
  attachments: () => '',
  signature: (block) => [SIGNATURE_MARKER, escapeBlock(block.org), escapeBlock(block.date)].filter((s) => s).join('\n\n'),
};

/** The document as Markdown with YAML front matter; parsing it again gives the same document. */
export function toMarkdown(doc: PlanDocument): string {
  const { meta } = doc;
  const front: Record<string, unknown> = { title: meta.title };
  if (meta.org) front.org = meta.org;
  if (meta.level) front.level = meta.level;
  if (meta.superior) front.superior = meta.superior;
  if (meta.type) front.type = meta.type;
  if (meta.itemStyle) front.itemStyle = meta.itemStyle;
  if (meta.year !== undefined) front.year = meta.year;
  if (meta.period) front.period = meta.period;
  if (meta.date) front.date = meta.date;
  if (meta.kind) front.kind = meta.kind;
  if (meta.seal !== undefined) front.seal = meta.seal;
  if (meta.attachments) front.attachments = meta.attachments;
  if (meta.notice) front.notice = meta.notice;
  if (meta.fonts && Object.keys(meta.fonts).length) front.fonts = meta.fonts;
  if (meta.check) front.check = meta.check;
  const body = doc.blocks
    .map((block) => (BLOCK_WRITERS[block.type] as (b: Block) => string)(block))
    .filter((chunk) => chunk !== '')
    .join('\n\n');
  return `---\n${YAML.stringify(front, { lineWidth: 0 })}---\n\n${body}\n`;
}

export const writer: Writer = {
  format: 'md',
  extension: '.md',
  async write(doc, options = {}) {
    // A lone surrogate would be written as U+FFFD, a control character would reach every reader raw.
    const clean = cleanDocument(doc, (message) => options.warn?.({ message }));
    return new TextEncoder().encode(toMarkdown(clean));
  },
};
