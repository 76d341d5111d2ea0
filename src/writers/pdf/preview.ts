import type { PlanDocument } from '../../document/model.js';
import type { WriterOptions } from '../writer.js';
import { compileSvg } from './compiler.js';
import { layoutData } from './data.js';
import { chooseFonts } from './fonts.js';
import { LAYOUT } from './layout.js';

/** A plan drawn as the PDF prints it: one SVG, its pages stacked top to bottom. */
export interface PagePreview {
  svg: string;
  /** How many pages the SVG holds (all of one height, A4). */
  pages: number;
  /** One page's size in the SVG's units (points). */
  pageWidth: number;
  pageHeight: number;
}

/** A4 height in points, as Typst writes it in the SVG's viewBox. */
const A4_HEIGHT_PT = (297 / 25.4) * 72;

/**
 * The plan laid out exactly as the PDF writer lays it out (same data, fonts and Typst layout),
 * drawn as SVG for the `ui` page's preview: Typst's SVG for browsers (glyphs drawn as outlines,
 * with a transparent text layer; no script), which the page shows only as an image.
 */
export function previewPages(doc: PlanDocument, options: WriterOptions = {}): PagePreview {
  const fonts = chooseFonts(options.fontDirs, doc.meta.fonts);
  const data = layoutData(doc, fonts.roles);
  const { svg, warnings } = compileSvg(LAYOUT, { plan: JSON.stringify(data) }, fonts.files);
  for (const message of warnings) options.warn?.({ message: `PDF 排版提示（Typst）：${message}` });
  const box = /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = Number(box?.[1] ?? (A4_HEIGHT_PT * 210) / 297);
  const height = Number(box?.[2] ?? A4_HEIGHT_PT);
  const pages = Math.max(1, Math.round(height / A4_HEIGHT_PT));
  return { svg, pages, pageWidth: width, pageHeight: height / pages };
}
