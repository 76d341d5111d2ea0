/**
 * The document's styles (parts/styles.xml). Every paragraph names one of these and carries almost
 * no formatting of its own, so a clerk who changes 正文 or 标题 1 in Word changes the whole plan. The
 * ids and names are Word's built-in ones (`Normal`, `Title`, `heading 1` …), which is what makes the
 * navigation pane, the outline view and tables of contents pick the headings up.
 */
import type { FontRole } from '../../vocab/fonts.js';
import STYLES from './parts/styles.xml?raw';
import { compactXml, fillTemplate } from './template.js';
import { escapeXml } from './xml-text.js';

/** Style ids, as paragraphs reference them. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' },
  footer: 'Footer',
  signature: 'Signature',
  attachment: 'Attachment',
  date: 'Date',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
} as const;

/** The style id of a heading level. */
export function headingStyle(level: 1 | 2 | 3 | 4): string {
  return STYLE.heading[level];
}

const template = compactXml(STYLES);

/** word/styles.xml for a plan set in `fonts` (parts/styles.xml, where the reasons for each style are given). */
export function stylesXml(fonts: Readonly<Record<FontRole, string>>): string {
  const values: Record<string, string> = {};
  for (const [role, name] of Object.entries(fonts)) values[role] = escapeXml(name);
  return fillTemplate(template, values);
}
