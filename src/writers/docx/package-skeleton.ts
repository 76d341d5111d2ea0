/**
 * Everything in a plan's .docx but its body and properties: styles, numbering, footers, settings,
 * theme and relationships, our own XML under `parts/`. Only the styles and footers depend on the
 * plan (its fonts); each part is compressed once per process and per set of fonts, so a batch of a
 * thousand plans compresses them once, and a single build compresses only what it writes.
 */
import { DEFAULT_FONTS, type FontRole } from '../../vocab/fonts.js';
import { CORE_PROPERTIES_PATH } from './core-properties.js';
import { footerXml } from './footer.js';
import APP from './parts/app.xml?raw';
import CONTENT_TYPES from './parts/content-types.xml?raw';
import CUSTOM from './parts/custom.xml?raw';
import DOCUMENT_RELS from './parts/document-rels.xml?raw';
import EMPTY_RELS from './parts/empty-rels.xml?raw';
import ENDNOTES from './parts/endnotes.xml?raw';
import FONT_TABLE from './parts/font-table.xml?raw';
import FOOTNOTES from './parts/footnotes.xml?raw';
import NUMBERING from './parts/numbering.xml?raw';
import PACKAGE_RELS from './parts/package-rels.xml?raw';
import SETTINGS from './parts/settings.xml?raw';
import THEME from './parts/theme.xml?raw';
import { stylesXml } from './styles.js';
import { compactXml } from './template.js';
import { EMBEDDED_FIXED_PARTS } from './embedded-fixed-parts.js';
import { preparePart, type PreparedPart } from './zip-package.js';
import { sessionCache } from '../../session/session.js';

/** The path of the part the body goes into. */
export const DOCUMENT_PATH = 'word/document.xml';

/** A slot in the package filled per plan. */
export type PlanPart = typeof DOCUMENT_PATH | typeof CORE_PROPERTIES_PATH;

/** The parts of a .docx that do not depend on the plan's text, in package order, with slots for those that do. */
export type PackageSkeleton = readonly (PreparedPart | PlanPart)[];

/** A part's text, or the slot of a part written per plan, or a part that depends on the fonts. */
type PartSource = string | PlanPart | ((fonts: Readonly<Record<FontRole, string>>) => string);

/**
 * The package's parts in the order they are zipped (the order the docx library, which wrote the
 * first versions of these files, used; some readers look at the first entries to tell a format).
 */
const PARTS: readonly [string, PartSource][] = [
  ['word/_rels/document.xml.rels', DOCUMENT_RELS],
  [DOCUMENT_PATH, DOCUMENT_PATH],
  ['word/styles.xml', stylesXml],
  [CORE_PROPERTIES_PATH, CORE_PROPERTIES_PATH],
  ['_rels/.rels', PACKAGE_RELS],
  ['word/_rels/footer1.xml.rels', EMPTY_RELS],
  ['word/_rels/footer2.xml.rels', EMPTY_RELS],
  ['word/footer1.xml', (fonts) => footerXml('odd', fonts.pageNumber)],
  ['word/footer2.xml', (fonts) => footerXml('even', fonts.pageNumber)],
  ['docProps/custom.xml', CUSTOM],
  ['docProps/app.xml', APP],
  ['word/footnotes.xml', FOOTNOTES],
  ['word/_rels/footnotes.xml.rels', EMPTY_RELS],
  ['word/endnotes.xml', ENDNOTES],
  ['word/_rels/endnotes.xml.rels', EMPTY_RELS],
  ['word/settings.xml', SETTINGS],
  ['word/fontTable.xml', FONT_TABLE],
  ['word/_rels/fontTable.xml.rels', EMPTY_RELS],
  ['word/theme/theme1.xml', THEME],
  ['word/numbering.xml', NUMBERING],
  ['[Content_Types].xml', CONTENT_TYPES],
];

const encoder = new TextEncoder();

/** Parts that do not depend on the fonts, compressed on first use (a few KB; one entry a part). */
const fixedParts = sessionCache<string, PreparedPart>('docx-fixed-parts', PARTS.length);

/** A part compressed at build time (embedded-fixed-parts.ts), if the bundle has it: fixed, or for these fonts. */
function embeddedPart(path: string, fontsKey?: string): PreparedPart | undefined {
  const embedded = EMBEDDED_FIXED_PARTS?.find((part) => part.path === path && part.fonts === fontsKey);
  return embedded && { path, size: embedded.size, crc: embedded.crc, deflated: new Uint8Array(Buffer.from(embedded.deflated, 'base64')) };
}

/** A part's text: a fixed part compacted, a part that depends on the fonts as they make it. */
function partText(
  source: string | ((fonts: Readonly<Record<FontRole, string>>) => string),
  fonts: Readonly<Record<FontRole, string>>,
): string {
  return typeof source === 'string' ? compactXml(source) : source(fonts);
}

function fixedPart(path: string, text: string): PreparedPart {
  return fixedParts.getOrMake(path, () => embeddedPart(path) ?? preparePart(path, encoder.encode(partText(text, DEFAULT_FONTS))));
}

/**
 * What scripts/build.mjs embeds in the bundle (see embedded-fixed-parts.ts), compressed here
 * exactly as at run time: every part that does not depend on the plan, and those that depend on
 * the fonts as the default fonts make them (the fonts of most plans), marked with their fonts.
 */
export function prepareFixedParts(): (PreparedPart & { fonts?: string })[] {
  const fontsKey = JSON.stringify(DEFAULT_FONTS);
  return PARTS.flatMap(([path, source]) => {
    if (source === DOCUMENT_PATH || source === CORE_PROPERTIES_PATH) return [];
    const part = preparePart(path, encoder.encode(partText(source, DEFAULT_FONTS)));
    return [typeof source === 'string' ? part : { ...part, fonts: fontsKey }];
  });
}

function makeSkeleton(fonts: Readonly<Record<FontRole, string>>): PackageSkeleton {
  const fontsKey = JSON.stringify(fonts);
  return PARTS.map(([path, source]) => {
    if (source === DOCUMENT_PATH || source === CORE_PROPERTIES_PATH) return source;
    if (typeof source === 'string') return fixedPart(path, source);
    return embeddedPart(path, fontsKey) ?? preparePart(path, encoder.encode(partText(source, fonts)));
  });
}

/** Skeletons by fonts; a batch rarely has more than one set, so a few are kept. */
const skeletons = sessionCache<string, PackageSkeleton>('docx-skeletons', 8);

/** The skeleton for these fonts, made on first use. */
export function skeletonFor(fonts: Readonly<Record<FontRole, string>>): PackageSkeleton {
  return skeletons.getOrMake(JSON.stringify(fonts), () => makeSkeleton(fonts));
}
