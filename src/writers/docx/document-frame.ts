/**
 * What stands around the plan's blocks in the body: its title, or, for a plan issued in a notice,
 * the notice before it (版头 … 落款, then the plan's title on a new page) and the 版记 after it.
 */
import type { Block, PlanDocument } from '../../document/model.js';
import { noticeOf } from '../../document/notice.js';
import { titleParagraph } from './blocks.js';
import type { WriteContext } from './context.js';
import { noticeHead, noticeRecord, planTitleAfterNotice } from './notice.js';

/** The XML before the blocks, the blocks, and the XML after them. */
export interface DocumentFrame {
  before: string;
  blocks: Block[];
  after: string;
}

/** The frame of a plan's body. */
export function documentFrame(doc: PlanDocument, ctx: WriteContext): DocumentFrame {
  const notice = noticeOf(doc);
  if (!notice) return { before: titleParagraph(doc.meta.title, ctx, doc.meta.org), blocks: doc.blocks, after: '' };
  return {
    before: noticeHead(notice.parts, ctx, doc.meta.org) + planTitleAfterNotice(doc.meta.title, ctx, doc.meta.org),
    blocks: notice.blocks,
    after: noticeRecord(notice.parts, ctx),
  };
}
