/** How much a finding matters: an error fails `check`, a warning only with `--strict`. */
export type Severity = 'error' | 'warning';

/** An exact edit of the checked file's text: replace `length` characters at `offset`. */
export interface TextEdit {
  /** Offset in the file's text (UTF-16 code units, without a byte-order mark). */
  offset: number;
  length: number;
  replacement: string;
}

/** One problem `check` found, at a place in a file. */
export interface Finding {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters (UTF-16 code units) as editors count them. */
  column: number;
  severity: Severity;
  /** The rule's id, as `check: { disable: [...] }` names it. */
  rule: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to put it right, in Chinese. */
  suggestion: string;
  /** The edit that puts it right, where that is safe to do without asking (`check --fix`). */
  fix?: TextEdit;
}

/** The findings that make `check` fail: errors, and with `strict` warnings too. */
export function failing(findings: readonly Finding[], strict = false): Finding[] {
  return findings.filter((f) => f.severity === 'error' || strict);
}
