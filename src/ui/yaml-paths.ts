import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { FieldPath } from '../io/field-path.js';

/** A value's place in the text and its path in the outline. */
interface Span {
  start: number;
  end: number;
  path: FieldPath;
}

function collect(node: Node | null | undefined, path: FieldPath, out: Span[]): void {
  if (!node) return;
  if (isScalar(node) && node.range) out.push({ start: node.range[0], end: node.range[1], path });
  else if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key)) collect(pair.value as Node | null, [...path, String(pair.key.value)], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      collect(item as Node | null, [...path, i], out);
    });
  }
}

/**
 * The outline path of the value at each offset of a YAML text, so that a `check` finding (a place
 * in the text) can be shown beside the form field it concerns.
 */
export function pathFinder(doc: Document): (offset: number) => FieldPath | undefined {
  const spans: Span[] = [];
  collect(doc.contents as Node | null, [], spans);
  return (offset) => {
    let best: Span | undefined;
    for (const span of spans) {
      if (offset >= span.start && offset <= span.end && (!best || span.end - span.start < best.end - best.start)) best = span;
    }
    return best?.path;
  };
}
