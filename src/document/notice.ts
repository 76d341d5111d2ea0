import { formatChineseDate } from '../vocab/dates.js';
import type { Block, PlanDocument, SignatureBlock } from './model.js';

/**
 * The notice (通知) that issues a plan, as GB/T 9704 lays it out: the 版头 (发文机关标志 “……文件” in
 * red, the 发文字号 over a red line), the title “关于印发《……》的通知”, the 主送机关, one sentence of
 * body, the 落款; then the plan itself on a new page, and on the last page the 版记 (抄送机关,
 * 印发机关 and 印发日期 between lines). Both page writers set these texts.
 */
export interface NoticeParts {
  /** 发文机关标志: the unit's name and 文件. */
  authority: string;
  /** 发文字号. */
  number: string;
  /** The notice's title. */
  title: string;
  /** 主送机关, ending in a full-width colon. */
  to: string;
  /** The one sentence of body. */
  body: string;
  /** The notice's 落款: the plan's signature. */
  signature: SignatureBlock;
  /** 抄送 line, ending in 。, when there are any. */
  cc?: string;
  /** 印发机关: the unit's office. */
  issuer: string;
  /** 印发日期, e.g. 2027年1月5日印发. */
  issued: string;
}

/** The notice of a plan whose front matter asks for one, and the plan's blocks without its 落款. */
export function noticeOf(doc: PlanDocument): { parts: NoticeParts; blocks: Block[] } | undefined {
  const { meta } = doc;
  if (!meta.notice) return undefined;
  const org = meta.org?.trim() ?? '';
  const date = meta.date ? formatChineseDate(meta.date) : '';
  const own = doc.blocks.find((block): block is SignatureBlock => block.type === 'signature');
  const signature: SignatureBlock = own ?? { type: 'signature', org, date, ...(meta.seal ? { sealed: true } : {}) };
  const title = meta.title.trim();
  const cc = meta.notice.cc?.trim().replace(/[。，；、：.,;:]+$/u, '');
  return {
    parts: {
      authority: `${org}文件`,
      number: meta.notice.number.trim(),
      title: `关于印发《${title}》的通知`,
      to: `${meta.notice.to.trim().replace(/[。，；、：.,;:]+$/u, '')}：`,
      body: `现将《${title}》印发给你们，请结合实际认真贯彻落实。`,
      signature,
      ...(cc ? { cc: `抄送：${cc}。` } : {}),
      issuer: `${org}办公室`,
      issued: `${signature.date || date}印发`,
    },
    blocks: doc.blocks.filter((block) => block.type !== 'signature'),
  };
}
