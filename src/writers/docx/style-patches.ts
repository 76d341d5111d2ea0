/**
 * What the `docx` library cannot say in a style, added to its styles.xml: Chinese and Latin text
 * set close (`w:autoSpaceDE`/`w:autoSpaceDN` off in Normal, which every style is based on: 公文
 * write 2027年, 25人 without the quarter-character gap Word, WPS and LibreOffice add by default),
 * and titles off the document grid (`w:snapToGrid` off, or LibreOffice sets each line of a 二号
 * title on two grid lines). The elements go where the schema orders them in `w:pPr`, before
 * `w:spacing`, which every one of these styles has.
 */

/** Elements to add to the paragraph properties of each style, by style id. */
const ADDITIONS: Readonly<Record<string, string>> = {
  Normal: '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>',
};

/** Styles that keep off the document grid. */
export const OFF_GRID = '<w:snapToGrid w:val="0"/>';

/**
 * styles.xml with the additions made, for these style ids besides Normal (the title styles that
 * keep off the grid). Throws when a style or its spacing is missing: the library changed how it
 * writes styles, and the writer must be looked at.
 */
export function patchStyles(xml: string, offGrid: readonly string[]): string {
  const additions: Record<string, string> = { ...ADDITIONS };
  for (const id of offGrid) additions[id] = (additions[id] ?? '') + OFF_GRID;
  let out = xml;
  for (const [id, addition] of Object.entries(additions)) {
    const start = out.indexOf(`w:styleId="${id}"`);
    const end = out.indexOf('</w:style>', start);
    const spacing = out.indexOf('<w:spacing ', start);
    if (start < 0 || spacing < 0 || spacing > end || out.lastIndexOf('<w:pPr>', spacing) < start) {
      throw new Error(`unexpected word/styles.xml from the docx library: no paragraph spacing in style ${id}`);
    }
    out = out.slice(0, spacing) + addition + out.slice(spacing);
  }
  return out;
}
