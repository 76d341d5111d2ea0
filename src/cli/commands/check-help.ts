import { SEVERITY_NAMES } from '../../check/format.js';
import { RULES } from '../../check/rules/index.js';

/** The rule table of `check --help`: each rule's id, severity and description, a line each. */
export function rulesTable(): string {
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  return RULES.map((rule) => `  ${rule.id.padEnd(width)}  ${SEVERITY_NAMES[rule.severity]}  ${rule.description}`).join('\n');
}
