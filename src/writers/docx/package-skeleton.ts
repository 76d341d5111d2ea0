/**
 * Everything in a plan's .docx but its body and properties: styles, numbering, footers, settings,
 * theme, relationships, and word/document.xml around the body. It depends only on the plan's
 * fonts, so it is made by the `docx` library once per set of fonts and reused: a batch of a
 * thousand plans with the usual fonts packs it once instead of a thousand times.
 */
import { Document, Packer, type IContext } from 'docx';
import { unzipSync } from 'fflate';
import type { FontRole } from '../../vocab/fonts.js';
import { CORE_PROPERTIES_PATH } from './core-properties.js';
import type { BodyElement } from './blocks.js';
import { pageNumberFooters } from './footer.js';
import { sectionProperties } from './page.js';
import { patchStyles } from './style-patches.js';
import { OFF_GRID_STYLES, buildStyles } from './styles.js';
import { preparePart, type PreparedPart } from './zip-package.js';

/** The path of the styles part, which the writer completes (`style-patches.ts`). */
export const STYLES_PATH = 'word/styles.xml';

/** The path of the part the body goes into. */
export const DOCUMENT_PATH = 'word/document.xml';

/** The parts of a .docx that do not depend on the plan's text. */
export interface PackageSkeleton {
  /** Every part in the library's order; the document and core properties are slots, filled per plan. */
  parts: (PreparedPart | typeof DOCUMENT_PATH | typeof CORE_PROPERTIES_PATH)[];
  /** word/document.xml up to and including `<w:body>`, and from the section properties to the end. */
  documentHead: string;
  documentTail: string;
  /** What `prepForXml` needs to turn body elements into XML for this package. */
  context: IContext;
}

/**
 * The `docx` library's document for a plan's fonts and body: the one place the package's styles,
 * footers and page are put together. The skeleton is this with an empty body.
 */
export function documentWith(fonts: Record<FontRole, string>, body: BodyElement[]): Document {
  return new Document({
    styles: buildStyles(fonts),
    evenAndOddHeaderAndFooters: true,
    // A line ending in a line break (a hard break typed in Markdown, a <br> in a cell) is not
    // stretched across the justified line, as the PDF sets it; Word, WPS and LibreOffice read this.
    compatibility: { doNotExpandShiftReturn: true },
    sections: [{ properties: sectionProperties(), footers: pageNumberFooters(fonts.pageNumber), children: body }],
  });
}

const BODY_OPEN = '<w:body>';

async function makeSkeleton(fonts: Record<FontRole, string>): Promise<PackageSkeleton> {
  const document = documentWith(fonts, []);
  const files = unzipSync(await Packer.pack(document, 'uint8array'));
  files[STYLES_PATH] = completeStyles(files[STYLES_PATH]);
  const xml = new TextDecoder().decode(files[DOCUMENT_PATH]);
  const bodyStart = xml.indexOf(BODY_OPEN) + BODY_OPEN.length;
  const sectionStart = xml.indexOf('<w:sectPr', bodyStart);
  if (bodyStart < BODY_OPEN.length || sectionStart !== bodyStart) {
    // The library changed how it writes an empty body; the writer must be looked at.
    throw new Error(`unexpected word/document.xml from the docx library: ${xml.slice(0, 200)}`);
  }
  const parts = Object.entries(files).map(([path, data]): PackageSkeleton['parts'][number] =>
    path === DOCUMENT_PATH || path === CORE_PROPERTIES_PATH ? path : preparePart(path, data),
  );
  return {
    parts,
    documentHead: xml.slice(0, bodyStart),
    documentTail: xml.slice(sectionStart),
    context: { file: document, viewWrapper: document.Document, stack: [] },
  };
}

/** The library's styles.xml with what it cannot write added (`style-patches.ts`). */
export function completeStyles(styles: Uint8Array | undefined): Uint8Array<ArrayBuffer> {
  if (!styles) throw new Error('the docx library wrote no word/styles.xml');
  return new TextEncoder().encode(patchStyles(new TextDecoder().decode(styles), OFF_GRID_STYLES));
}

/** Skeletons by fonts; a batch rarely has more than one set, so a few are kept. */
const skeletons = new Map<string, Promise<PackageSkeleton>>();
const MAX_SKELETONS = 8;

/** The skeleton for these fonts, made on first use. */
export function skeletonFor(fonts: Record<FontRole, string>): Promise<PackageSkeleton> {
  const key = JSON.stringify(fonts);
  let skeleton = skeletons.get(key);
  if (!skeleton) {
    if (skeletons.size >= MAX_SKELETONS) skeletons.delete(skeletons.keys().next().value!);
    skeleton = makeSkeleton(fonts);
    // A failure is not kept: the next plan tries again and reports it again.
    skeleton.catch(() => skeletons.delete(key));
    skeletons.set(key, skeleton);
  }
  return skeleton;
}
