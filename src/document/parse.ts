import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { formatChineseDate } from '../outline/dates.js';
import { defaultTitle } from '../outline/title.js';
import { block, type BlockContext } from './block-handlers.js';
import { readMeta, splitFrontMatter } from './front-matter.js';
import type { PlanDocument } from './model.js';
import { numberHeadings } from './numbering.js';

const processor = unified().use(remarkParse).use(remarkGfm);

/**
 * Builds the document model from a Markdown plan (front matter + body): headings numbered
 * 一、（一）1.（1） whatever was typed, the signature from its marker or from the front matter.
 */
export function parseMarkdown(file: string, text: string): PlanDocument {
  const { yaml, body } = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  const meta = readMeta(file, yaml);
  const tree = processor.parse(body);
  const ctx: BlockContext = { blocks: [] };
  for (const node of tree.children) block(node, ctx);
  const blocks = numberHeadings(ctx.blocks);
  if (ctx.signatureLines) {
    const [org = meta.org ?? '', date = meta.date ? formatChineseDate(meta.date) : ''] = ctx.signatureLines;
    blocks.push({ type: 'signature', org, date });
  } else if (meta.org) {
    blocks.push({ type: 'signature', org: meta.org, date: meta.date ? formatChineseDate(meta.date) : '' });
  }
  if (!meta.title) meta.title = meta.org && meta.year ? defaultTitle({ org: meta.org, year: meta.year, period: meta.period }) : '工作计划';
  return { meta, blocks };
}
