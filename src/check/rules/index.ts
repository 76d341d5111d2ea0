import type { Rule } from './rule.js';
import { bodyScheduleMismatch } from './body-schedule-mismatch.js';
import { dateOutsideYear } from './date-outside-year.js';
import { draftingAfterDate } from './drafting-after-date.js';
import { doubledPunctuation } from './doubled-punctuation.js';
import { duplicateMonth } from './duplicate-month.js';
import { frequencyScheduleMismatch } from './frequency-schedule-mismatch.js';
import { emptySection } from './empty-section.js';
import { halfwidthPunctuation } from './halfwidth-punctuation.js';
import { kindWording } from './kind-wording.js';
import { monthOutsidePeriod } from './month-outside-period.js';
import { levelMismatch } from './level-mismatch.js';
import { missingCurrentWording } from './missing-current-wording.js';
import { missingStaple } from './missing-staple.js';
import { outdatedReference } from './outdated-reference.js';
import { placeholder } from './placeholder.js';
import { singleItem } from './single-item.js';
import { spaceInChinese } from './space-in-chinese.js';
import { staleYear } from './stale-year.js';
import { targetWithoutValue } from './target-without-value.js';
import { titleNamesUnitYear } from './title-names-unit-year.js';

/**
 * Every rule `check` runs, in the order the README lists them: placeholders, dated references,
 * structure, text. Adding a rule is adding a file under rules/ and a line here.
 */
export const RULES: readonly Rule[] = [
  placeholder,
  outdatedReference,
  missingCurrentWording,
  levelMismatch,
  missingStaple,
  staleYear,
  emptySection,
  singleItem,
  monthOutsidePeriod,
  duplicateMonth,
  bodyScheduleMismatch,
  frequencyScheduleMismatch,
  draftingAfterDate,
  targetWithoutValue,
  dateOutsideYear,
  titleNamesUnitYear,
  kindWording,
  halfwidthPunctuation,
  doubledPunctuation,
  spaceInChinese,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
