/**
 * Inline text to Word runs (`w:r`). The text is literal: whatever the user wrote is what the runs
 * hold, escaped, never read as markup.
 */
import type { Inline, Line } from '../../document/model.js';
import { element, empty } from './xml.js';
import { escapeXml } from './xml-text.js';

/**
 * Characters Unicode calls ambiguous-width: Chinese text sets them full-width in the Chinese face
 * (“”‘’ — … · × ① ℃), but Word and LibreOffice put them in the Latin font — a narrow Times New
 * Roman quote inside 仿宋 text — unless told otherwise.
 */
const AMBIGUOUS_WIDTH =
  /[\u00A7\u00A8\u00B0\u00B1\u00B7\u00D7\u00F7\u2010-\u2027\u2030-\u203B\u2103\u2116\u2160-\u217F\u2190-\u2199\u2460-\u24FF\u2500-\u257F\u25A0-\u25FF\u2605\u2606]+/gu;

/** How a run looks beyond its text; everything else comes from the paragraph's style. */
export interface RunLook {
  bold?: boolean;
  italic?: boolean;
}

/** Run properties (`w:rPr`) a run may carry, in the schema's order. */
export interface RunProperties {
  /** Fonts by slot, written in this order: ascii, eastAsia, hAnsi, then the hint. */
  font?: { ascii?: string; eastAsia?: string; hAnsi?: string; hint?: 'eastAsia' };
  bold?: boolean;
  italic?: boolean;
  /** Colour as RRGGBB. */
  color?: string;
  /** Size in half-points. */
  size?: number;
}

/** The `w:rPr` of a run, or nothing when it has no properties. */
export function runProperties(props: RunProperties): string {
  let xml = '';
  if (props.font)
    xml += empty('w:rFonts', {
      'w:ascii': props.font.ascii,
      'w:eastAsia': props.font.eastAsia,
      'w:hAnsi': props.font.hAnsi,
      'w:hint': props.font.hint,
    });
  if (props.bold) xml += '<w:b/><w:bCs/>';
  if (props.italic) xml += '<w:i/><w:iCs/>';
  if (props.color) xml += empty('w:color', { 'w:val': props.color });
  if (props.size !== undefined) xml += empty('w:sz', { 'w:val': props.size }) + empty('w:szCs', { 'w:val': props.size });
  return xml === '' ? '' : element('w:rPr', xml);
}

/** One run: its properties, a line break before its text when `lineBreak`, then the text, tabs as Word tabs. */
export function runXml(text: string, props: RunProperties = {}, lineBreak = false): string {
  return element('w:r', runProperties(props) + (lineBreak ? '<w:br/>' : '') + textXml(text));
}

/**
 * The runs for one piece of text in a paragraph whose style sets Chinese in `chineseFont`.
 *
 * Ambiguous-width characters get runs of their own with the Chinese face in every slot and
 * `w:hint="eastAsia"`. The hint alone is what Word writes when a Chinese input method types a
 * quote, but LibreOffice (and so anything converted with it) ignores it; naming the face in the
 * Latin slots too works everywhere. Every other run carries no font and follows its style.
 *
 * Tabs become Word tabs and line breaks Word line breaks, because a raw tab or newline inside
 * `w:t` shows as a space, or not at all.
 */
export function textRuns(text: string, chineseFont: string, look: RunLook = {}): string {
  let xml = '';
  const ambiguousFont = { ascii: chineseFont, eastAsia: chineseFont, hAnsi: chineseFont, hint: 'eastAsia' } as const;
  text.split(/\r\n|\r|\n/).forEach((lineText, lineIndex) => {
    let lineBreak = lineIndex > 0;
    for (const { text: piece, ambiguous } of splitAmbiguous(lineText)) {
      if (piece === '') continue;
      xml += runXml(piece, { ...(ambiguous ? { font: ambiguousFont } : {}), bold: look.bold, italic: look.italic }, lineBreak);
      lineBreak = false;
    }
    // An empty line after a break still needs its break.
    if (lineBreak) xml += '<w:r><w:br/></w:r>';
  });
  return xml;
}

/** The runs for one inline run of the model. */
export function inlineRuns(inline: Inline, chineseFont: string, look: RunLook = {}): string {
  return textRuns(inline.text, chineseFont, { bold: inline.bold || look.bold, italic: inline.italic || look.italic });
}

/** The runs for a line; empty inlines are left out so the XML carries no empty runs. */
export function lineRuns(line: Line, chineseFont: string, look: RunLook = {}): string {
  let xml = '';
  for (const inline of line) if (inline.text !== '') xml += inlineRuns(inline, chineseFont, look);
  return xml;
}

/** `text` cut into pieces that are all ambiguous-width characters or none, in order. */
export function splitAmbiguous(text: string): { text: string; ambiguous: boolean }[] {
  const pieces: { text: string; ambiguous: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(AMBIGUOUS_WIDTH)) {
    const start = match.index;
    if (start > last) pieces.push({ text: text.slice(last, start), ambiguous: false });
    pieces.push({ text: match[0], ambiguous: true });
    last = start + match[0].length;
  }
  if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last), ambiguous: false });
  return pieces;
}

/** Text as `w:t` elements, each tab a `w:tab` between them. */
function textXml(text: string): string {
  let xml = '';
  text.split('\t').forEach((part, index) => {
    if (index > 0) xml += '<w:tab/>';
    if (part !== '') xml += `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`;
  });
  return xml;
}
