import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { formatChineseDate } from '../vocab/dates.js';
import { defaultTitle } from '../vocab/title.js';
import { block, type BlockContext } from './block-handlers.js';
import { splitFrontMatter } from '../text/front-matter.js';
import { readMeta } from './front-matter.js';
import type { Block, PlanDocument } from './model.js';
import { assertNesting } from './nesting.js';
import { numberHeadings } from './numbering.js';
import { sessionCache } from '../session/session.js';

/**
 * CommonMark plus GFM tables, and nothing else of GFM: a plan needs tables, while autolinks,
 * footnotes and strikethrough would only turn literal text into syntax (and cost start-up time).
 */
function remarkTables(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(gfmTable());
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkTables);

/** The last few bodies parsed, by their text. */
const recentTrees = sessionCache<string, Root>('parsed-bodies', 16);

/**
 * The syntax tree of a Markdown body. Plans built from one template differ in their front matter
 * and very little else, so a batch parses the same bodies again and again; parsing is most of
 * what a Markdown plan costs, and the tree is only ever read, so recent ones are kept. Positions
 * in the tree count from the start of the body, whatever front matter precedes it.
 */
function parseBody(body: string): Root {
  const cached = recentTrees.get(body);
  if (cached) return cached;
  const tree = processor.parse(body);
  recentTrees.set(body, tree);
  return tree;
}

/** Where a block came from in the Markdown file. */
export interface BlockSource {
  /** 1-based line in the whole file (front matter lines counted). */
  line: number;
  /** 1-based column. */
  column: number;
  /** The top-level Markdown node the block was made from. */
  node: RootContent;
}

/** A parsed Markdown plan together with what `check` needs to point into the file. */
export interface ParsedMarkdown {
  doc: PlanDocument;
  /** The body's syntax tree; its offsets count from `bodyOffset`. */
  tree: Root;
  /** The front matter YAML, if any, and where it starts in the text. */
  frontMatter?: { yaml: string; offset: number };
  /** Offset of the body (after the front matter) in the text. */
  bodyOffset: number;
  /** The source of every body block except the signature. */
  sources: Map<Block, BlockSource>;
}

/**
 * Builds the document model from a Markdown plan (front matter + body): headings numbered
 * 一、（一）1.（1） whatever was typed, the signature from its marker or from the front matter.
 */
export function parseMarkdown(file: string, text: string): PlanDocument {
  return parseMarkdownSource(file, text).doc;
}

/**
 * `parseMarkdown`, keeping the syntax tree and each block's place in the file: `check` reports
 * structure problems at the block's line. The document is the same as `parseMarkdown` gives.
 * Offsets count in the text without its byte-order mark.
 */
export function parseMarkdownSource(file: string, text: string): ParsedMarkdown {
  const source = text.replace(/^\uFEFF/, '');
  const { yaml, body } = splitFrontMatter(source);
  const meta = readMeta(file, yaml);
  const bodyOffset = source.length - body.length;
  // Lines before the body, so that body line numbers become file line numbers.
  let linesBefore = 0;
  for (let i = 0; i < bodyOffset; i++) if (source.charCodeAt(i) === 10) linesBefore++;
  const tree = parseBody(body);
  assertNesting(tree, file, linesBefore);
  const ctx: BlockContext = { blocks: [], body, itemStyle: meta.itemStyle ?? 'run-in' };
  const origins: RootContent[] = [];
  for (const node of tree.children) {
    block(node, ctx);
    while (origins.length < ctx.blocks.length) origins.push(node);
  }
  // numberHeadings maps block for block, so index i of its result is index i of ctx.blocks.
  const blocks = numberHeadings(ctx.blocks);
  const sources = new Map<Block, BlockSource>();
  blocks.forEach((b, i) => {
    const node = origins[i]!;
    const start = node.position?.start;
    sources.set(b, { line: (start?.line ?? 1) + linesBefore, column: start?.column ?? 1, node });
  });
  if (meta.attachments?.length) blocks.push({ type: 'attachments', titles: meta.attachments });
  const sealed = meta.seal === true ? { sealed: true } : {};
  if (ctx.signatureLines) {
    const [org = meta.org ?? '', date = meta.date ? formatChineseDate(meta.date) : ''] = ctx.signatureLines;
    blocks.push({ type: 'signature', org, date, ...sealed });
  } else if (meta.org) {
    blocks.push({ type: 'signature', org: meta.org, date: meta.date ? formatChineseDate(meta.date) : '', ...sealed });
  }
  if (!meta.title)
    meta.title =
      meta.org && meta.year ? defaultTitle({ org: meta.org, year: meta.year, period: meta.period, kind: meta.kind }) : '工作计划';
  const frontMatter = yaml === undefined ? undefined : { yaml, offset: source.indexOf('\n') + 1 };
  return { doc: { meta, blocks }, tree, ...(frontMatter ? { frontMatter } : {}), bodyOffset, sources };
}
