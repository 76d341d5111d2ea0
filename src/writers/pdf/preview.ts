import type { PlanDocument } from '../../document/model.js';
import type { WriterOptions } from '../writer.js';
import { compileSvg } from './compiler.js';
import { layoutData } from './data.js';
import { chooseFonts } from './fonts.js';
import { LAYOUT } from './layout.js';

/** A plan drawn as the PDF prints it, one SVG image per page. */
export interface PagePreview {
  pages: string[];
  /** A page's size in the SVGs' units (points). */
  pageWidth: number;
  pageHeight: number;
}

const SVG_ROOT = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const PAGE_START = '<g class="typst-page"';

/**
 * Each glyph's `<path id="…" …/>` in the glyph definitions, by id. Scanned with indexOf: a
 * regular expression over the ~1 MB of outlines took most of the time of a preview's split.
 */
function glyphDefinitions(svg: string, from: number, to: number): Map<string, string> {
  const glyphs = new Map<string, string>();
  const open = '<path id="';
  for (let at = svg.indexOf(open, from); at >= 0 && at < to; at = svg.indexOf(open, at + 1)) {
    const idEnd = svg.indexOf('"', at + open.length);
    const end = svg.indexOf('/>', idEnd);
    if (idEnd < 0 || end < 0 || end > to) break;
    glyphs.set(svg.slice(at + open.length, idEnd), svg.slice(at, end + 2));
  }
  return glyphs;
}

/**
 * Cuts Typst's browser SVG (all pages one under the other, every glyph defined once at the top)
 * into one SVG per page holding only the glyphs that page draws, so that a browser lays out and
 * rasterises one page-sized image at a time. The transparent text layer (HTML in
 * `foreignObject`, for selecting text) is left out: the preview is an image, and the plan's text
 * never reaches the page as markup. Returns undefined when the SVG is not shaped as expected.
 */
export function splitPages(svg: string): PagePreview | undefined {
  const glyphsAt = svg.indexOf('<defs class="glyph">');
  const glyphsEnd = svg.indexOf('</defs>', glyphsAt);
  const firstPage = svg.indexOf(PAGE_START);
  const end = svg.lastIndexOf('</svg>');
  if (glyphsAt < 0 || glyphsEnd < 0 || firstPage < 0 || end < firstPage) return undefined;
  const rootEnd = svg.indexOf('>') + 1;
  const styles = svg.slice(rootEnd, glyphsAt);
  // Clip paths and the second (empty) style block sit between the glyphs and the first page.
  const between = svg.slice(glyphsEnd + '</defs>'.length, firstPage);
  const glyphs = glyphDefinitions(svg, glyphsAt, glyphsEnd);
  const starts: number[] = [];
  for (let at = firstPage; at >= 0 && at < end; at = svg.indexOf(PAGE_START, at + 1)) starts.push(at);
  let width = 0;
  let height = 0;
  const pages = starts.map((start, i) => {
    let page = svg.slice(start, starts[i + 1] ?? end).replace(/<foreignObject\b[\s\S]*?<\/foreignObject>/g, '');
    width = Number(/data-page-width="([\d.]+)"/.exec(page)?.[1] ?? width);
    height = Number(/data-page-height="([\d.]+)"/.exec(page)?.[1] ?? height);
    page = page.replace(/^(<g class="typst-page") transform="translate\([^)]*\)"/, '$1');
    const used = new Set([...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!));
    const defs = [...used].map((id) => glyphs.get(id) ?? '').join('');
    return `<svg class="typst-doc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${SVG_ROOT}>${styles}<defs class="glyph">${defs}</defs>${between}${page}</svg>`;
  });
  if (pages.length === 0 || !width || !height) return undefined;
  return { pages, pageWidth: width, pageHeight: height };
}

/**
 * The plan laid out exactly as the PDF writer lays it out (same data, fonts and Typst layout),
 * drawn as SVG pages for the `ui` page's preview.
 */
export function previewPages(doc: PlanDocument, options: WriterOptions = {}): PagePreview {
  const fonts = chooseFonts(options.fontDirs, doc.meta.fonts);
  const data = layoutData(doc, fonts.roles);
  const { svg, warnings } = compileSvg(LAYOUT, { plan: JSON.stringify(data) }, fonts.files);
  for (const message of warnings) options.warn?.({ message: `PDF 排版提示（Typst）：${message}` });
  const split = splitPages(svg);
  if (split) return split;
  // Not shaped as this Typst version writes it: the whole document as one image.
  const box = /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return {
    pages: [svg.replace(/<foreignObject\b[\s\S]*?<\/foreignObject>/g, '')],
    pageWidth: Number(box?.[1] ?? 596),
    pageHeight: Number(box?.[2] ?? 842),
  };
}
