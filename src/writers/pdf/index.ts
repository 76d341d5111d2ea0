import { cleanDocument } from '../../document/clean-text.js';
import type { PlanDocument } from '../../document/model.js';
import type { Writer, WriterOptions } from '../writer.js';
import { compilePdf } from './compiler.js';
import { layoutData } from './data.js';
import { chooseFonts } from './fonts.js';
import { LAYOUT } from './layout.js';

/**
 * The PDF writer: lays the plan out with Typst on a GB/T 9704-2012 page and embeds the subset
 * fonts. The plan reaches the fixed layout as JSON data only.
 */
export const writer: Writer = {
  format: 'pdf',
  extension: '.pdf',
  async write(doc: PlanDocument, options: WriterOptions = {}): Promise<Uint8Array> {
    // Typst reads the plan as JSON, and a lone surrogate is JSON it refuses: cleaned first, as every writer cleans.
    const clean = cleanDocument(doc, (message) => options.warn?.({ message }));
    const fonts = chooseFonts(options.fontDirs, clean.meta.fonts);
    const data = layoutData(clean, fonts.roles);
    const { pdf, warnings } = compilePdf(LAYOUT, { plan: JSON.stringify(data) }, fonts.files);
    for (const message of warnings) options.warn?.({ message: `PDF 排版提示（Typst）：${message}` });
    return pdf;
  },
};

export { describeFonts } from './fonts.js';
