import YAML from 'yaml';
import { SIGNATURE_MARKER } from '../document/block-handlers.js';
import type { Block, Cell, Line, PlanDocument } from '../document/model.js';
import { escapeBlock, escapeCell, escapeInline } from '../text/markdown-escape.js';
import type { Writer } from './writer.js';

function runs(line: Line, escape: (text: string) => string): string {
  return line
    .map((run) => {
      const text = escape(run.text);
      if (run.bold && run.italic) return `***${text}***`;
      if (run.bold) return `**${text}**`;
      if (run.italic) return `*${text}*`;
      return text;
    })
    .join('');
}

function cell(value: Cell): string {
  return value.map((line) => runs(line, escapeCell)).join('<br>');
}

/** One writer function per block type; the result is a Markdown chunk without trailing newline. */
const BLOCK_WRITERS: { [K in Block['type']]: (block: Extract<Block, { type: K }>) => string } = {
  heading: (block) => `${'#'.repeat(block.level)} ${block.number}${runs(block.content, escapeInline)}`,
  // Only the first run can start a line, so only it gets the block-start escaping.
  paragraph: (block) => block.content.map((run, i) => runs([run], i === 0 ? escapeBlock : escapeInline)).join(''),
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
  if (meta.superior) front.superior = meta.superior;
  if (meta.type) front.type = meta.type;
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
  async write(doc) {
    return new TextEncoder().encode(toMarkdown(doc));
  },
};
