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

const NO_ATTRIBUTES: XmlAttributes = Object.freeze({});

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

// Read in place with sticky expressions, so that a tag costs no copies of itself: its name,
// then attributes one by one, then its end.
const NAME = /[^\s/>]+/y;
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const TAG_END = /\s*(\/?)>/y;
// A tag to its `>`, quoted values (which may hold `>`) included: whether one that does not read
// is complete (and wrong) or goes on in the next piece. Its alternatives start with different
// characters, so matching is linear.
const WHOLE_TAG = /<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/y;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
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
        this.handler.text(
          text
            .slice(lt + 9, end)
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;'),
        );
        return end + 3;
      }
      // The piece ends inside `<!--` or `<![CDATA[`: wait for the next one.
      if ('<![CDATA['.startsWith(head) || '<!--'.startsWith(head)) return -1;
      throw new XmlFault('含有 DOCTYPE 声明（Excel 工作簿中不应有）');
    }
    if (next === 0x2f /* / */) {
      const gt = text.indexOf('>', lt);
      if (gt < 0) return -1;
      this.handler.close(localName(text.slice(lt + 2, gt).trim()));
      return gt + 1;
    }
    NAME.lastIndex = lt + 1;
    const name = NAME.exec(text)?.[0];
    if (name === undefined) return this.unfinished(text, lt, '标签没有名称');
    let at = NAME.lastIndex;
    let attributes: Record<string, string> | undefined;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const match = ATTRIBUTE.exec(text);
      if (!match) break;
      attributes ??= {};
      attributes[match[1]!] = decodeXml(match[2] ?? match[3] ?? '');
      at = ATTRIBUTE.lastIndex;
    }
    TAG_END.lastIndex = at;
    const end = TAG_END.exec(text);
    if (!end) return this.unfinished(text, lt, '标签格式有误');
    const selfClosing = end[1] === '/';
    const local = localName(name);
    this.handler.open(local, attributes ?? NO_ATTRIBUTES, selfClosing);
    if (selfClosing) this.handler.close(local);
    return TAG_END.lastIndex;
  }

  /** A tag that does not read: -1 if the piece ends inside it (the next piece goes on), else a fault. */
  private unfinished(text: string, lt: number, problem: string): number {
    WHOLE_TAG.lastIndex = lt;
    if (!WHOLE_TAG.test(text)) return -1;
    throw new XmlFault(`${problem}（“${text.slice(lt, Math.min(WHOLE_TAG.lastIndex, lt + 30))}”）`);
  }
}
