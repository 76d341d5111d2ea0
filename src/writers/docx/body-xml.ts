/**
 * The XML inside `<w:body>`, in one walk: the frame (title, or the notice), each block, the section.
 * Plans of one type share almost all their blocks (a batch differs mostly in the unit's name), so
 * a block's XML is kept once written and reused for the same block in the same fonts.
 */
import type { Block, PlanDocument } from '../../document/model.js';
import { EMPTY_PARAGRAPH, blockXml, countBlock, keepsWithSignature, needsSpacer, type BlockCounts } from './blocks.js';
import type { WriteContext } from './context.js';
import { documentFrame } from './document-frame.js';
import { sectionXml } from './page.js';
import { sessionCache } from '../../session/session.js';

/** Blocks' XML by fonts and block. Bounded (a few MB): the eight built-in types have about six hundred blocks between them. */
const cache = sessionCache<string, string>('docx-block-xml', 5_000);

/**
 * One block's XML. A block whose writing warned (characters XML cannot hold) is not kept, so that
 * every plan containing it warns too; the counts go on either way, so warnings name the right place.
 */
function cachedBlockXml(block: Block, count: BlockCounts, ctx: WriteContext, fontsKey: string, keepNext: boolean): string {
  const index = countBlock(block, count);
  const key = `${fontsKey}\u0000${keepNext ? 'k' : ''}${JSON.stringify(block)}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let warned = false;
  const local: WriteContext = {
    fonts: ctx.fonts,
    warn: (warning) => {
      warned = true;
      ctx.warn(warning);
    },
  };
  const xml = blockXml(block, index, local, keepNext);
  if (!warned) cache.set(key, xml);
  return xml;
}

/**
 * The body's XML for a plan, its section properties last. Word merges two tables that touch into
 * one and wants a paragraph after a table that ends the document, so an empty paragraph goes there.
 */
export function bodyXml(doc: PlanDocument, ctx: WriteContext): string {
  const fontsKey = JSON.stringify(ctx.fonts);
  const frame = documentFrame(doc, ctx);
  const { blocks } = frame;
  let xml = frame.before;
  const count: BlockCounts = { heading: 0, paragraph: 0, table: 0 };
  blocks.forEach((block, i) => {
    if (needsSpacer(blocks[i - 1], block)) xml += EMPTY_PARAGRAPH;
    xml += cachedBlockXml(block, count, ctx, fontsKey, keepsWithSignature(blocks, i));
  });
  if (needsSpacer(blocks.at(-1), undefined)) xml += EMPTY_PARAGRAPH;
  xml += frame.after;
  // A body with no paragraph at all is legal XML, but some readers reject it.
  if (xml === '') xml = EMPTY_PARAGRAPH;
  return xml + sectionXml();
}
