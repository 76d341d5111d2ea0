/**
 * The built-in plans are as long as real ones (issue 11): a grassroots union's plan runs to about
 * 4–6 pages, a town's, street's or district federation's to at most 8. Counted in the PDF, which is
 * laid out on the GB/T 9704 page (22 lines of 28 characters).
 */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/pipeline.js';
import { BUILT_IN_ORDER, TemplateRegistry } from '../../../src/templates/registry.js';
import { haveTools, pdfInfo, writePdf } from './helpers.js';

const PAGES: Record<string, [number, number]> = {
  school: [4, 6],
  kindergarten: [4, 6],
  enterprise: [4, 6],
  community: [4, 6],
  audit: [4, 6],
  town: [4, 8],
  street: [4, 8],
  district: [4, 8],
};

describe.skipIf(!haveTools())('pages of the built-in plans', () => {
  const registry = new TemplateRegistry();
  it.each(BUILT_IN_ORDER)('examples/%s.yaml', async (type) => {
    const doc = await loadDocument(new URL(`../../../examples/${type}.yaml`, import.meta.url).pathname, registry, new Date(2026, 10, 23));
    const pages = Number(pdfInfo(await writePdf(doc)).Pages);
    const [least, most] = PAGES[type]!;
    expect(pages).toBeGreaterThanOrEqual(least);
    expect(pages).toBeLessThanOrEqual(most);
  });
});
