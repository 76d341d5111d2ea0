import type { Severity, TextEdit } from '../finding.js';
import type { Place } from '../scan/line-index.js';
import type { PlanShape } from '../scan/plan-shape.js';
import type { DatedReference } from '../references/references.js';
import type { CheckLists } from '../lists/lists.js';
import type { Segment } from '../scan/segment.js';

/** Everything a rule may look at, for an outline and a Markdown plan alike. */
export interface CheckContext {
  file: string;
  /** The file's text (without a byte-order mark); fixes are edits of it. */
  text: string;
  kind: 'outline' | 'markdown';
  /** The user's text, with exact places: string values of an outline, a plan's prose. */
  segments: readonly Segment[];
  /** The plan's structure, with places. */
  plan: PlanShape;
  /** Outdated wordings: the built-in list and the user's. */
  references: readonly DatedReference[];
  /** The user's current-wording lists (`check.wording`), laid over the built-in one. */
  wordingFiles: readonly string[];
  /** The word lists of check-lists.yaml and the user's (`check.lists`). */
  lists: CheckLists;
  /** The line and column of an offset in `text`. */
  at(offset: number): Place;
}

/** What a rule reports; `check` adds the file, the rule's id and severity. */
export interface Hit extends Place {
  message: string;
  suggestion: string;
  fix?: TextEdit;
}

/** One check: an id users can turn off, how much it matters, and what it looks for. */
export interface Rule {
  /** English, kebab-case; what `check: { disable: [...] }` and the output name. */
  id: string;
  severity: Severity;
  /** What it finds, in Chinese (README, `check --help`). */
  description: string;
  run(ctx: CheckContext): Hit[];
}
