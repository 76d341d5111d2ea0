/**
 * `docProps/core.xml`: title, author and dates as Word's 属性 dialog shows them. The `docx` library
 * always stamps the time of writing, which would make two builds of the same plan differ, so this
 * part is written here from the plan itself and handed to the packer in place of the library's.
 */
import type { DocumentMeta } from '../../document/model.js';
import { cleanXmlText, escapeXml } from './xml-text.js';

/** Where the part lives in the package. */
export const CORE_PROPERTIES_PATH = 'docProps/core.xml';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The plan's date as an instant (midnight UTC), or undefined when the plan has none or it is not a
 * valid `YYYY-MM-DD` date.
 */
export function planDate(meta: DocumentMeta): Date | undefined {
  const match = meta.date === undefined ? null : ISO_DATE.exec(meta.date);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2027-02-30 over into March; such a date is not the plan's.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/**
 * The core properties part. The title is the plan's title and the creator (and last editor) its
 * unit; created and modified are the plan's date, or left out when it has none — never the clock.
 * Text is already free of characters XML cannot hold when the body was written; it is cleaned
 * again here silently, the warning having been given once.
 */
export function corePropertiesXml(meta: DocumentMeta): string {
  const text = (value: string) => escapeXml(cleanXmlText(value).text);
  const date = planDate(meta);
  const stamp = date === undefined ? undefined : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts = [
    meta.title ? `<dc:title>${text(meta.title)}</dc:title>` : '',
    meta.org ? `<dc:creator>${text(meta.org)}</dc:creator>` : '',
    meta.org ? `<cp:lastModifiedBy>${text(meta.org)}</cp:lastModifiedBy>` : '',
    '<cp:revision>1</cp:revision>',
    '<dc:language>zh-CN</dc:language>',
    stamp ? `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` : '',
    stamp ? `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` : '',
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties' +
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    parts.join('') +
    '</cp:coreProperties>'
  );
}
