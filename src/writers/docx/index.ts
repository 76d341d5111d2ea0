/**
 * The DOCX writer: a plan as a Word file laid out to GB/T 9704-2012 (A4, 22 lines of 三号 仿宋,
 * 二号 小标宋 title, 一、（一）1.（1） headings, page numbers `— 1 —` outside odd/even), built with
 * the `docx` library from the document model alone.
 */
import type { Document } from 'docx';
import { cleanDocument } from '../../document/clean-text.js';
import { resolveFonts } from '../../vocab/fonts.js';
import type { PlanDocument } from '../../document/model.js';
import type { Writer, WriterOptions } from '../writer.js';
import { blockElements, emptyParagraph, type BodyElement } from './blocks.js';
import { documentFrame } from './document-frame.js';
import { bodyXml } from './body-xml.js';
import type { WriteContext } from './context.js';
import { CORE_PROPERTIES_PATH, corePropertiesXml, planDate } from './core-properties.js';
import { DOCUMENT_PATH, documentWith, skeletonFor } from './package-skeleton.js';
import type { Warn } from './places.js';
import { zipPackage, type PackageEntry } from './zip-package.js';
import { withEntryTimes } from './zip-time.js';

/** Zip entry time for plans without a date: the zip format's own epoch, so output stays reproducible. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/**
 * Builds the `docx` library's whole document for a plan, for callers that want to add to it and
 * for tests, which pack it with the library and compare: {@link writeDocx} writes the same XML,
 * assembled from parts it reuses.
 */
export function buildDocument(doc: PlanDocument, warn: Warn = () => {}): Document {
  const ctx: WriteContext = { fonts: resolveFonts(doc.meta.fonts), warn };
  const frame = documentFrame(doc, ctx);
  const body: BodyElement[] = [...frame.before, ...blockElements(frame.blocks, ctx), ...frame.after];
  // A body with no paragraph at all is legal XML, but some readers reject it.
  if (body.length === 0) body.push(emptyParagraph());
  return documentWith(ctx.fonts, body);
}

const encoder = new TextEncoder();

/**
 * The bytes of the plan's .docx. Pure: the same document gives the same bytes, since the core
 * properties and zip timestamps come from the plan's date, never from the clock.
 */
export async function writeDocx(doc: PlanDocument, options: WriterOptions = {}): Promise<Uint8Array> {
  const warn = options.warn ?? (() => {});
  // Cleaned as every writer cleans; what XML cannot hold is then already gone from the blocks.
  doc = cleanDocument(doc, (message) => warn({ message }));
  const ctx: WriteContext = { fonts: resolveFonts(doc.meta.fonts), warn };
  const skeleton = await skeletonFor(ctx.fonts);
  // A context of its own: prepForXml pushes onto and pops off its stack.
  const body = bodyXml(doc, ctx, { ...skeleton.context, stack: [] });
  const entries: PackageEntry[] = skeleton.parts.map((part) => {
    if (part === DOCUMENT_PATH) return { path: part, data: encoder.encode(skeleton.documentHead + body + skeleton.documentTail) };
    if (part === CORE_PROPERTIES_PATH) return { path: part, data: encoder.encode(corePropertiesXml(doc.meta)) };
    return part;
  });
  return withEntryTimes(zipPackage(entries), planDate(doc.meta) ?? ZIP_EPOCH);
}

/** The `docx` format for `--format`. */
export const writer: Writer = {
  format: 'docx',
  extension: '.docx',
  write: writeDocx,
};
