/**
 * The section: A4, GB/T 9704 margins, and the 22-line document grid.
 */
import { DocumentGridType, PageOrientation } from 'docx';
import type { ISectionPropertiesOptions } from 'docx';
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

/**
 * Page size, margins and grid of the plan's one section. The grid (type `lines`, pitch 579) is what
 * Word's Page Setup shows as 每页 22 行; body styles also use 579 as exact line spacing, so the count
 * holds where a reader ignores the grid. The 28 characters a line come from the body's condensed
 * character spacing (see units.ts), not from a character grid.
 */
export function sectionProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: PageOrientation.PORTRAIT },
      margin: {
        top: MARGIN_TOP,
        bottom: MARGIN_BOTTOM,
        left: MARGIN_LEFT,
        right: MARGIN_RIGHT,
        header: HEADER_DISTANCE,
        footer: FOOTER_DISTANCE,
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
  };
}
