import { checkText, type CheckOptions } from '../../src/check/check.js';
import type { Finding } from '../../src/check/finding.js';

/** A fixed “today”, so that nothing depends on when the tests run. */
export const TODAY = new Date(2026, 10, 23);

const OUTLINE_HEAD = 'type: school\norg: 城南实验小学工会\nyear: 2027\n';
const FRONT = 'title: 城南实验小学工会2027年工作计划\norg: 城南实验小学工会\nyear: 2027\n';

/** A valid outline: three lines of head (type, org, year), then `body` from line 4. */
export function outline(body: string, head = OUTLINE_HEAD): string {
  return head + body;
}

/** A Markdown plan: front matter on lines 1–5, a blank line, then `body` from line 7. */
export function markdown(body: string, front = FRONT): string {
  return `---\n${front}---\n\n${body}`;
}

/** The findings of a text, of one rule if given. */
export function check(text: string, kind: 'yaml' | 'md', rule?: string, options: CheckOptions = {}): Finding[] {
  const all = checkText(kind === 'yaml' ? 'plan.yaml' : 'plan.md', text, { today: TODAY, ...options });
  return rule ? all.filter((f) => f.rule === rule) : all;
}

/** `line:column` of each finding. */
export function places(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column}`);
}
