import { isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { SegmentBuilder, type Segment } from './segment.js';

/**
 * Top-level keys whose values are settings, not prose: codes (`type`, `period`), numbers and
 * dates the schema checks, font names (`仿宋_GB2312` is no blank), and this checker's own settings.
 */
const NOT_PROSE = new Set(['type', 'level', 'year', 'period', 'date', 'fonts', 'check']);

/** The characters of a double-quoted scalar's escape, e.g. `\"` → `"`, `\u4e2d` → `中`. */
function unescapeDouble(src: string, i: number): { char: string; length: number } {
  const c = src[i + 1] ?? '';
  const hex = { x: 2, u: 4, U: 8 }[c];
  if (hex) {
    const code = Number.parseInt(src.slice(i + 2, i + 2 + hex), 16);
    return { char: Number.isNaN(code) ? '' : String.fromCodePoint(code), length: 2 + hex };
  }
  const simple: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '0': '\0',
    ' ': ' ',
    '/': '/',
    '\\': '\\',
    '"': '"',
    N: '\u0085',
    _: '\u00A0',
    L: '\u2028',
    P: '\u2029',
    e: '\u001B',
    a: '\u0007',
    b: '\b',
    f: '\f',
    v: '\v',
  };
  // A backslash before a line break continues the line: no character.
  if (c === '\n' || c === '\r') return { char: '', length: 2 };
  return { char: simple[c] ?? c, length: 2 };
}

/** The segment of one string scalar, mapping its characters back to where the file spells them. */
function scalarSegment(text: string, node: Scalar, base: number): Segment | undefined {
  const [start, end] = node.range ?? [0, 0];
  const src = text.slice(start, end);
  const out = new SegmentBuilder();
  const at = base + start;
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      for (let i = 1; i < src.length - 1; ) {
        if (src[i] === '\\') {
          const { char, length } = unescapeDouble(src, i);
          if (char) out.add(char, at + i, at + i + length);
          i += length;
        } else {
          out.add(src[i]!, at + i);
          i++;
        }
      }
      break;
    case Scalar.QUOTE_SINGLE:
      for (let i = 1; i < src.length - 1; ) {
        if (src[i] === "'" && src[i + 1] === "'") {
          out.add("'", at + i, at + i + 2);
          i += 2;
        } else {
          out.add(src[i]!, at + i);
          i++;
        }
      }
      break;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      // The first line is the header (`|`, `>-`, maybe a comment); each content line loses its
      // indentation. Lines stay separated by newlines, which no rule reads across.
      let i = src.indexOf('\n') + 1;
      if (i === 0) break;
      while (i < src.length) {
        let j = src.indexOf('\n', i);
        if (j === -1) j = src.length;
        let k = i;
        while (k < j && (src[k] === ' ' || src[k] === '\t')) k++;
        out.addLiteral(src.slice(k, j), at + k);
        if (j < src.length) out.add('\n', at + j);
        i = j + 1;
      }
      break;
    }
    default:
      // Plain: the file spells it as it is (line folds stay newlines).
      out.addLiteral(src, at);
  }
  return out.build();
}

/**
 * The user text of a YAML document: the string scalars that are values (not keys, not comments),
 * each as a segment with file offsets. `base` is where the YAML starts in the file (front matter).
 */
export function yamlSegments(doc: Document, text: string, base = 0): Segment[] {
  const segments: Segment[] = [];
  const visit = (node: unknown, top: boolean): void => {
    if (isScalar(node)) {
      if (typeof node.value === 'string') {
        const segment = scalarSegment(text, node, base);
        if (segment) segments.push(segment);
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (top && isScalar(pair.key) && NOT_PROSE.has(String(pair.key.value))) continue;
        visit(pair.value, false);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item as YamlNode, false);
    }
  };
  visit(doc.contents, true);
  return segments;
}
