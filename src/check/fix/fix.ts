import type { Finding, TextEdit } from '../finding.js';
import { LineIndex, type Place } from '../scan/line-index.js';

/** One change `--fix` made, for telling the user. */
export interface AppliedFix extends Place {
  rule: string;
  /** What the text said (with the character before a deletion, so it can be seen). */
  before: string;
  after: string;
}

/** A character that cannot be seen, shown so that it can. */
const visible = (text: string): string =>
  text
    .replace(/ /g, '␣')
    .replace(/\u3000/g, '␣')
    .replace(/\t/g, '⇥');

/**
 * Applies the fixes of some findings to the text they were found in. Edits that overlap an
 * earlier one are left for the next round (`check --fix` checks again and repeats).
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: AppliedFix[] } {
  const lines = new LineIndex(text);
  const edits = findings
    .filter((f): f is Finding & { fix: TextEdit } => f.fix !== undefined)
    .sort((a, b) => a.fix.offset - b.fix.offset || a.fix.length - b.fix.length);
  const chosen: (Finding & { fix: TextEdit })[] = [];
  let reach = 0;
  for (const finding of edits) {
    const { offset, length } = finding.fix;
    if (offset < reach) continue;
    chosen.push(finding);
    // An insertion (length 0) at the end of an edit still counts as touching it.
    reach = offset + Math.max(length, 1);
  }
  let out = '';
  let last = 0;
  const applied: AppliedFix[] = [];
  for (const { fix, rule } of chosen) {
    out += text.slice(last, fix.offset) + fix.replacement;
    last = fix.offset + fix.length;
    const lead = fix.replacement === '' && fix.offset > 0 ? text[fix.offset - 1]! : '';
    applied.push({
      ...lines.at(fix.offset - lead.length),
      rule,
      before: visible(lead + text.slice(fix.offset, fix.offset + fix.length)),
      after: visible(lead + fix.replacement),
    });
  }
  return { text: out + text.slice(last), applied };
}
