/**
 * The DOCX writer: a plan as a Word file laid out to GB/T 9704-2012 (A4, 22 lines of 三号 仿宋,
 * 二号 小标宋 title, 一、（一）1.（1） headings, page numbers `— 1 —` outside odd/even), its XML
 * written here from the document model alone: the package's fixed parts are files under `parts/`,
 * the body is written in one walk over the blocks (`body-xml.ts`).
 */
import { cleanDocument } from '../../document/clean-text.js';
import { resolveFonts } from '../../vocab/fonts.js';
import type { PlanDocument } from '../../document/model.js';
import type { Writer, WriterOptions } from '../writer.js';
import { bodyXml } from './body-xml.js';
import type { WriteContext } from './context.js';
import { CORE_PROPERTIES_PATH, corePropertiesXml, planDate } from './core-properties.js';
import { DOCUMENT_PATH, skeletonFor } from './package-skeleton.js';
import DOCUMENT from './parts/document.xml?raw';
import { compactXml, fillTemplate } from './template.js';
import { zipPackage, type PackageEntry } from './zip-package.js';

/** Zip entry time for plans without a date: the zip format's own epoch, so output stays reproducible. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

const encoder = new TextEncoder();
const documentTemplate = compactXml(DOCUMENT);

/** word/document.xml of a plan: its body in the document part's frame. */
export function documentXml(doc: PlanDocument, ctx: WriteContext): string {
  return fillTemplate(documentTemplate, { body: bodyXml(doc, ctx) });
}

/**
 * The bytes of the plan's .docx. Pure: the same document gives the same bytes, since the core
 * properties and zip timestamps come from the plan's date, never from the clock.
 */
export async function writeDocx(doc: PlanDocument, options: WriterOptions = {}): Promise<Uint8Array> {
  const warn = options.warn ?? (() => {});
  // Cleaned as every writer cleans; what XML cannot hold is then already gone from the blocks.
  doc = cleanDocument(doc, (message) => warn({ message }));
  const ctx: WriteContext = { fonts: resolveFonts(doc.meta.fonts), warn };
  const entries: PackageEntry[] = skeletonFor(ctx.fonts).map((part) => {
    if (part === DOCUMENT_PATH) return { path: part, data: encoder.encode(documentXml(doc, ctx)) };
    if (part === CORE_PROPERTIES_PATH) return { path: part, data: encoder.encode(corePropertiesXml(doc.meta)) };
    return part;
  });
  return zipPackage(entries, planDate(doc.meta) ?? ZIP_EPOCH);
}

/** The `docx` format for `--format`. */
export const writer: Writer = {
  format: 'docx',
  extension: '.docx',
  write: writeDocx,
};
