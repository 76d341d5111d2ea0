import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { formatChineseDate } from '../outline/dates.js';
import { defaultTitle } from '../outline/title.js';
import { block, type BlockContext } from './block-handlers.js';
import { splitFrontMatter } from '../text/front-matter.js';
import { readMeta } from './front-matter.js';
import type { PlanDocument } from './model.js';
import { numberHeadings } from './numbering.js';

/**
 * CommonMark plus GFM tables, and nothing else of GFM: a plan needs tables, while autolinks,
 * footnotes and strikethrough would only turn literal text into syntax (and cost start-up time).
 */
function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkTables);

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
