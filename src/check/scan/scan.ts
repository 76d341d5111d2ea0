import type { Segment } from './segment.js';

/** A match in a segment: `index` and `end` are positions in the segment's text. */
export interface SegmentMatch {
  segment: Segment;
  index: number;
  end: number;
  text: string;
  groups: (string | undefined)[];
}

/** Every match of a global regular expression in every segment. */
export function* scan(segments: readonly Segment[], pattern: RegExp): Generator<SegmentMatch> {
  if (!pattern.global) throw new Error(`scan needs a global pattern: ${pattern}`);
  for (const segment of segments) {
    pattern.lastIndex = 0;
    for (const match of segment.text.matchAll(pattern)) {
      if (match[0] === '') continue;
      yield { segment, index: match.index, end: match.index + match[0].length, text: match[0], groups: match.slice(1) };
    }
  }
}

/** The file offset of a match's first character. */
export function offsetOf(match: SegmentMatch): number {
  return match.segment.starts[match.index]!;
}
