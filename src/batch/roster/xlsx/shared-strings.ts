/**
 * The workbook's shared strings (`xl/sharedStrings.xml`): Excel keeps each distinct text once
 * and cells of type `s` point at it by number. Rich text keeps its runs' text, joined; phonetic
 * guides (`rPh`, furigana) are not part of the text.
 */
import { decodeXml, type XmlHandler } from './xml-scanner.js';

/** `_x000D_` and the like: characters XML cannot hold, as Office writes them in text. */
export function unescapeOffice(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/**
 * Collects the text of the `<t>` elements inside an element (`<si>` of the shared strings,
 * `<is>` of an inline-string cell), runs joined, phonetic guides left out.
 */
export class RichText {
  private depthInPhonetic = 0;
  private inText = false;
  private raw = '';
  private parts: string[] = [];

  open(name: string, selfClosing: boolean): void {
    if (name === 'rPh') this.depthInPhonetic += selfClosing ? 0 : 1;
    else if (name === 't' && this.depthInPhonetic === 0 && !selfClosing) {
      this.inText = true;
      this.raw = '';
    }
  }

  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic = Math.max(0, this.depthInPhonetic - 1);
    else if (name === 't' && this.inText) {
      this.inText = false;
      this.parts.push(unescapeOffice(decodeXml(this.raw)));
    }
  }

  text(raw: string): void {
    if (this.inText) this.raw += raw;
  }

  /** The text collected since the last call. */
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.depthInPhonetic = 0;
    this.inText = false;
    return text;
  }
}

/** Reads `xl/sharedStrings.xml` into its list of texts, in order. */
export function sharedStringsReader(): XmlHandler & { strings: string[] } {
  const rich = new RichText();
  let inItem = false;
  const strings: string[] = [];
  return {
    strings,
    open(name, _attributes, selfClosing): void {
      if (name === 'si') {
        inItem = !selfClosing;
        if (selfClosing) strings.push('');
      } else if (inItem) rich.open(name, selfClosing);
    },
    close(name): void {
      if (name === 'si' && inItem) {
        inItem = false;
        strings.push(rich.take());
      } else if (inItem) rich.close(name);
    },
    text(raw): void {
      if (inItem) rich.text(raw);
    },
  };
}
