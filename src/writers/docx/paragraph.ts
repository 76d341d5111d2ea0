/**
 * A paragraph (`w:p`): the style it names and only what the style cannot say. The properties are
 * written in the order CT_PPr gives them; lengths in twips, whole ones (Word stores no fractions).
 */
import { element, empty } from './xml.js';

/** A paragraph border line: style, colour, width in eighths of a point, and its distance in points. */
export interface BorderLine {
  style: 'single' | 'none';
  color: string;
  size: number;
  space?: number;
}

/** Paragraph properties beyond the style. */
export interface ParagraphProperties {
  style: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** A line under the paragraph. */
  borderBottom?: BorderLine;
  tabs?: { type: 'left' | 'right'; position: number }[];
  spacing?: { after?: number; before?: number; line?: number; lineRule?: 'exact' };
  indent?: { left?: number; right?: number; hanging?: number; firstLine?: number; firstLineChars?: number };
  alignment?: 'left' | 'center' | 'right';
}

/** A border line's element (`w:bottom`, `w:top` …). */
export function borderXml(name: string, line: BorderLine): string {
  return empty(name, { 'w:val': line.style, 'w:color': line.color, 'w:sz': line.size, 'w:space': line.space });
}

const twips = (value: number | undefined) => (value === undefined ? undefined : Math.floor(value));

/** The `w:pPr` of a paragraph. */
export function paragraphProperties(props: ParagraphProperties): string {
  let xml = empty('w:pStyle', { 'w:val': props.style });
  if (props.keepNext) xml += '<w:keepNext/>';
  if (props.pageBreakBefore) xml += '<w:pageBreakBefore/>';
  if (props.borderBottom) xml += element('w:pBdr', borderXml('w:bottom', props.borderBottom));
  if (props.tabs?.length)
    xml += element('w:tabs', props.tabs.map((tab) => empty('w:tab', { 'w:val': tab.type, 'w:pos': twips(tab.position) })).join(''));
  const { spacing, indent } = props;
  if (spacing)
    xml += empty('w:spacing', {
      'w:after': spacing.after,
      'w:before': spacing.before,
      'w:line': spacing.line,
      'w:lineRule': spacing.lineRule,
    });
  if (indent) {
    xml += empty('w:ind', {
      'w:left': twips(indent.left),
      'w:right': twips(indent.right),
      'w:hanging': twips(indent.hanging),
      'w:firstLine': twips(indent.firstLine),
      'w:firstLineChars': twips(indent.firstLineChars),
    });
  }
  if (props.alignment) xml += empty('w:jc', { 'w:val': props.alignment });
  return element('w:pPr', xml);
}

/** A paragraph of these properties around runs already written. */
export function paragraphXml(props: ParagraphProperties, runs = ''): string {
  return element('w:p', paragraphProperties(props) + runs);
}
