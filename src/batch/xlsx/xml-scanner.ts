/**
 * A small streaming XML scanner for the parts of an .xlsx: text arrives in pieces as it is
 * inflated, and tags are handed on as they are found, so a sheet is never held whole. It knows
 * only what spreadsheet XML uses (elements, attributes, text, the five entities and character
 * references, comments, CDATA); a DOCTYPE is refused, so no entity is ever expanded.
 */

/** Attributes of a tag, by the name written (`r`, `t`, `r:id`), values decoded. */
export type XmlAttributes = Readonly<Record<string, string>>;

/** What a part's reader does with what the scanner finds. Names are local (`x:c` → `c`). */
export interface XmlHandler {
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text, entities not yet decoded, possibly split anywhere: join the pieces, then {@link decodeXml}. */
  text(raw: string): void;
}

/** XML the scanner cannot read; the caller says in which part. */
export class XmlFault extends Error {}

/** Markup longer than this without its end is not spreadsheet XML; it is not held in memory. */
const MAX_MARKUP = 1024 * 1024;

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text or an attribute value with its entities and character references decoded. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
// A tag to its `>`, quoted values (which may hold `>`) included. The alternatives start with
// different characters, so the match is linear.
const TAG = /<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/y;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function attributesOf(inner: string): XmlAttributes {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(inner); match; match = ATTRIBUTE.exec(inner)) {
    attributes[match[1]!] = decodeXml(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** Feeds text in pieces to a {@link XmlHandler}: `push` each piece, then `end`. */
export class XmlScanner {
  /** Markup begun in an earlier piece and not yet ended (at most {@link MAX_MARKUP}). */
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  push(piece: string): void {
    const text = this.pending + piece;
    this.pending = '';
    let at = 0;
    while (at < text.length) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        this.handler.text(text.slice(at));
        return;
      }
      if (lt > at) this.handler.text(text.slice(at, lt));
      const end = this.markup(text, lt);
      if (end < 0) {
        if (text.length - lt > MAX_MARKUP) throw new XmlFault(`标签过长或没有结束（“${text.slice(lt, lt + 20)}…”）`);
        this.pending = text.slice(lt);
        return;
      }
      at = end;
    }
  }

  /** Says whether the part ended inside a tag. */
  end(): void {
    if (this.pending !== '') throw new XmlFault(`XML 在标签中间结束（“${this.pending.slice(0, 20)}…”）`);
  }

  /** Handles the markup at `lt`; returns where it ends, or -1 when it goes on in the next piece. */
  private markup(text: string, lt: number): number {
    const next = text.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        return end < 0 ? -1 : end + 3;
      }
      const head = text.slice(lt, lt + 9);
      if (head === '<![CDATA[') {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return -1;
        // Handlers decode what they are given: escape the literal text so that it decodes back.
        this.handler.text(text.slice(lt + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        return end + 3;
      }
      // The piece ends inside `<!--` or `<![CDATA[`: wait for the next one.
      if ('<![CDATA['.startsWith(head) || '<!--'.startsWith(head)) return -1;
      throw new XmlFault('含有 DOCTYPE 声明（Excel 工作簿中不应有）');
    }
    TAG.lastIndex = lt;
    const match = TAG.exec(text);
    if (!match) return -1;
    const tag = match[0];
    if (next === 0x2f /* / */) {
      this.handler.close(localName(tag.slice(2, -1).trim()));
      return TAG.lastIndex;
    }
    const selfClosing = tag.charCodeAt(tag.length - 2) === 0x2f;
    const inner = tag.slice(1, selfClosing ? -2 : -1);
    const space = inner.search(/\s/);
    const name = localName(space < 0 ? inner : inner.slice(0, space));
    if (name === '') throw new XmlFault(`标签没有名称（“${tag.slice(0, 20)}”）`);
    this.handler.open(name, space < 0 ? {} : attributesOf(inner.slice(space)), selfClosing);
    if (selfClosing) this.handler.close(name);
    return TAG.lastIndex;
  }
}
