/**
 * Reading a PDF's laid-out lines back with `pdftotext -bbox-layout`: each line's text, page, and
 * its box in millimetres from the page's top left.
 */
import { run } from './helpers.js';

/** One line as poppler found it. */
export interface PdfLine {
  page: number;
  text: string;
  /** Box in mm. */
  xMin: number;
  xMax: number;
  yMin: number;
}

const MM = 25.4 / 72;

/** Every line of the PDF, page by page, top to bottom. */
export function pdfLines(file: string): PdfLine[] {
  const html = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-']);
  const lines: PdfLine[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((page, index) => {
      for (const match of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)) {
        const words = [...match[4]!.matchAll(/>([^<]*)<\/word>/g)].map((word) => decode(word[1]!));
        lines.push({
          page: index + 1,
          text: words.join(''),
          xMin: Number(match[1]) * MM,
          yMin: Number(match[2]) * MM,
          xMax: Number(match[3]) * MM,
        });
      }
    });
  return lines;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Width of a line's text in full-width cells: printable ASCII counts half. */
export function cells(text: string): number {
  return [...text].reduce((sum, char) => sum + (/^[\u0020-\u007E]$/.test(char) ? 0.5 : 1), 0);
}
