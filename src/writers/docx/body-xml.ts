/**
 * The XML inside `<w:body>`: the title, then each block. Plans of one type share almost all their
 * blocks (a batch differs mostly in the unit's name), so a block's XML is kept once written and
 * reused for the same block in the same fonts; building the library's objects and turning them into
 * XML was most of a plan's time in a batch.
 */
import type { IContext } from 'docx';
import type { Block, PlanDocument } from '../../document/model.js';
import { countBlock, elementsOf, emptyParagraph, keepsWithSignature, needsSpacer, type BlockCounts } from './blocks.js';
import { documentFrame } from './document-frame.js';
import type { WriteContext } from './context.js';
import { elementXml } from './element-xml.js';
import { sessionCache } from '../../session/session.js';

/** Blocks' XML by fonts and block. Bounded (a few MB): the eight built-in types have about six hundred blocks between them. */
const cache = sessionCache<string, string>('docx-block-xml', 5_000);

/**
 * One block's XML. A block whose writing warned (characters XML cannot hold) is not kept, so that
 * every plan containing it warns too; the counts go on either way, so warnings name the right place.
 */
function blockXml(block: Block, count: BlockCounts, ctx: WriteContext, context: IContext, fontsKey: string, keepNext: boolean): string {
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
  const xml = elementsOf(block, index, local, keepNext)
    .map((element) => elementXml(element, context))
    .join('');
  if (!warned) cache.set(key, xml);
  return xml;
}

/** The body's XML for a plan, as the `docx` library would write it (without the section properties). */
export function bodyXml(doc: PlanDocument, ctx: WriteContext, context: IContext): string {
  const fontsKey = JSON.stringify(ctx.fonts);
  const parts: string[] = [];
  const frame = documentFrame(doc, ctx);
  for (const element of frame.before) parts.push(elementXml(element, context));
  const { blocks } = frame;
  const count: BlockCounts = { heading: 0, paragraph: 0, table: 0 };
  const spacer = () => elementXml(emptyParagraph(), context);
  blocks.forEach((block, i) => {
    if (needsSpacer(blocks[i - 1], block)) parts.push(spacer());
    parts.push(blockXml(block, count, ctx, context, fontsKey, keepsWithSignature(blocks, i)));
  });
  if (needsSpacer(blocks.at(-1), undefined)) parts.push(spacer());
  for (const element of frame.after) parts.push(elementXml(element, context));
  // A body with no paragraph at all is legal XML, but some readers reject it.
  if (parts.length === 0) parts.push(spacer());
  return parts.join('');
}
