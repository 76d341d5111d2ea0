/**
 * The section: A4, GB/T 9704 margins, and the 22-line document grid, with the two page-number
 * footers (relationships rId6 and rId7 in parts/document-rels.xml).
 */
import {
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_WIDTH,
} from './units.js';
import { element, empty } from './xml.js';

/**
 * The plan's one section (`w:sectPr`). The grid (type `lines`, pitch 579) is what Word's Page Setup
 * shows as 每页 22 行; body styles also use 579 as exact line spacing, so the count holds where a
 * reader ignores the grid. The 28 characters a line come from the body's condensed character
 * spacing (see units.ts), not from a character grid.
 */
export function sectionXml(): string {
  return element(
    'w:sectPr',
    empty('w:footerReference', { 'w:type': 'default', 'r:id': 'rId6' }) +
      empty('w:footerReference', { 'w:type': 'even', 'r:id': 'rId7' }) +
      empty('w:pgSz', { 'w:w': PAGE_WIDTH, 'w:h': PAGE_HEIGHT, 'w:orient': 'portrait' }) +
      empty('w:pgMar', {
        'w:top': MARGIN_TOP,
        'w:right': MARGIN_RIGHT,
        'w:bottom': MARGIN_BOTTOM,
        'w:left': MARGIN_LEFT,
        'w:header': HEADER_DISTANCE,
        'w:footer': FOOTER_DISTANCE,
        'w:gutter': 0,
      }) +
      '<w:pgNumType/>' +
      empty('w:docGrid', { 'w:type': 'lines', 'w:linePitch': LINE_PITCH }),
  );
}
