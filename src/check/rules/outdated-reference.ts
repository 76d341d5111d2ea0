import { currentReplacement, type DatedReference } from '../references/references.js';
import type { Hit, Rule } from './rule.js';
import type { Segment } from '../scan/segment.js';

interface Occurrence {
  segment: Segment;
  index: number;
  end: number;
  text: string;
  reference: DatedReference;
}

const combined = new WeakMap<readonly DatedReference[], RegExp>();

/** A pattern that matches where any of the wordings does. */
function anyOf(references: readonly DatedReference[]): RegExp {
  let pattern = combined.get(references);
  if (!pattern) {
    pattern = new RegExp(references.map((r) => `(?:${r.matcher.source})`).join('|') || '(?!)', 'u');
    combined.set(references, pattern);
  }
  return pattern;
}

/**
 * Every wording of the list found in the text, overlaps resolved before the year is looked at:
 * the longest wording at a place wins, so 中国工会十七大 is never read as the party's 十七大,
 * even in a year in which 中国工会十七大 is still current.
 */
function occurrences(segments: readonly Segment[], references: readonly DatedReference[]): Occurrence[] {
  const out: Occurrence[] = [];
  // One pass with all wordings at once finds the few segments worth a pass per wording.
  const any = anyOf(references);
  for (const segment of segments) {
    if (!any.test(segment.text)) continue;
    const found: Occurrence[] = [];
    for (const reference of references) {
      reference.matcher.lastIndex = 0;
      for (const match of segment.text.matchAll(reference.matcher)) {
        if (match[0]) found.push({ segment, index: match.index, end: match.index + match[0].length, text: match[0], reference });
      }
    }
    found.sort((a, b) => a.index - b.index || b.end - a.end);
    let reach = -1;
    for (const occurrence of found) {
      if (occurrence.index < reach) continue;
      out.push(occurrence);
      reach = occurrence.end;
    }
  }
  return out;
}

export const outdatedReference: Rule = {
  id: 'outdated-reference',
  severity: 'warning',
  description:
    '过时的提法：计划年度已被取代的会议、规划和活动，如 2023 年起的“十九大”、“十一五”、2024 年起的“中国工会十七大”（列表见 src/check/references/dated-references.yaml，可以补充）',
  run(ctx) {
    const hits: Hit[] = [];
    const year = ctx.plan.year;
    for (const o of occurrences(ctx.segments, ctx.references)) {
      if (o.reference.since > year) continue;
      const replacement = currentReplacement(o.reference, year, ctx.references);
      hits.push({
        ...ctx.at(o.segment.starts[o.index]!),
        message: `“${o.text}”是过时的提法：${o.reference.since}年起已由“${o.reference.replacement}”取代${o.reference.note ? `（${o.reference.note}）` : ''}`,
        suggestion: `改为“${replacement}”或当前的提法，或删去`,
      });
    }
    return hits;
  },
};
