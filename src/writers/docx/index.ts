/**
 * The DOCX writer: a plan as a Word file laid out to GB/T 9704-2012 (A4, 22 lines of 三号 仿宋,
 * 二号 小标宋 title, 一、（一）1.（1） headings, page numbers `— 1 —` outside odd/even), built with
 * the `docx` library from the document model alone.
 */
import { Document, Packer } from 'docx';
import { resolveFonts } from '../../document/fonts.js';
import type { PlanDocument } from '../../document/model.js';
import type { Writer, WriterOptions } from '../writer.js';
import { blockElements, emptyParagraph, titleParagraph } from './blocks.js';
import type { BodyElement } from './blocks.js';
import type { WriteContext } from './context.js';
import { CORE_PROPERTIES_PATH, corePropertiesXml, planDate } from './core-properties.js';
import { pageNumberFooters } from './footer.js';
import { sectionProperties } from './page.js';
import type { Warn } from './places.js';
import { buildStyles } from './styles.js';
import { withEntryTimes } from './zip-time.js';

/** Zip entry time for plans without a date: the zip format's own epoch, so output stays reproducible. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/**
 * Builds the `docx` library's document for a plan. Exposed for tests and for callers that want
 * to add to it; `writer.write` is the usual entry.
 */
export function buildDocument(doc: PlanDocument, warn: Warn = () => {}): Document {
  const ctx: WriteContext = { fonts: resolveFonts(doc.meta.fonts), warn };
  const title = titleParagraph(doc.meta.title, ctx);
  const body: BodyElement[] = [...(title ? [title] : []), ...blockElements(doc.blocks, ctx)];
  // A body with no paragraph at all is legal XML, but some readers reject it.
  if (body.length === 0) body.push(emptyParagraph());
  return new Document({
    styles: buildStyles(ctx.fonts),
    evenAndOddHeaderAndFooters: true,
    sections: [
      { properties: sectionProperties(), footers: pageNumberFooters(ctx.fonts.pageNumber), children: body },
    ],
  });
}

/**
 * The bytes of the plan's .docx. Pure: the same document gives the same bytes, since the core
 * properties and zip timestamps come from the plan's date, never from the clock.
 */
export async function writeDocx(doc: PlanDocument, options: WriterOptions = {}): Promise<Uint8Array> {
  const warn: Warn = options.warn ?? (() => {});
  const document = buildDocument(doc, warn);
  const zip = await Packer.pack(document, 'uint8array', false, [
    { path: CORE_PROPERTIES_PATH, data: corePropertiesXml(doc.meta) },
  ]);
  return withEntryTimes(zip, planDate(doc.meta) ?? ZIP_EPOCH);
}

/** The `docx` format for `--format`. */
export const writer: Writer = {
  format: 'docx',
  extension: '.docx',
  write: writeDocx,
};
