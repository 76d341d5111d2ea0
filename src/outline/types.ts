import type { FontRole } from '../vocab/fonts.js';
import type { ItemStyle } from '../vocab/item-style.js';
import type { NoticeMeta } from '../vocab/issuing.js';
import type { Level } from '../vocab/level.js';
import type { Period } from '../vocab/periods.js';
import type { PlanKind } from '../vocab/title.js';

/** What a section is about; a section without a title takes the kind's default title. */
export type SectionKind = 'ideology' | 'democracy' | 'rights' | 'quality' | 'self-building' | 'women' | 'culture' | 'custom';

/** A work item: a level-3 heading with its text, and optional level-4 sub-items. */
export interface OutlineItem {
  title?: string;
  text?: string;
  /**
   * The months the item belongs to, when it says so (`months: [7, 8]`); otherwise they are read
   * from its words (暑期, 教师节 …) where a half-year or term plan needs them.
   */
  months?: number[];
  items?: OutlineItem[];
}

export interface OutlineSection {
  kind: SectionKind;
  title: string;
  intro?: string;
  items: OutlineItem[];
}

export interface OutlineTarget {
  name: string;
  value?: string | number;
  /** Last year's actual figure (上年实际), shown as a column when any target has one. */
  baseline?: string | number;
  unit?: string;
  note?: string;
}

/** One row of the monthly schedule; `months` has one month or a span such as [7, 8]. */
export interface ScheduleEntry {
  months: number[];
  items: string[];
  owner?: string;
}

/** A validated outline with its defaults filled in. */
export interface Outline {
  type: string;
  org: string;
  /** The level of a regional plan as the outline states it (区/县/市/旗, 镇/乡/街道). */
  level?: Level;
  superior?: string;
  year: number;
  period: Period;
  /** How items are set; the template's choice, else run-in. */
  itemStyle?: ItemStyle;
  /** ISO `YYYY-MM-DD`. */
  date: string;
  title?: string;
  preface?: string;
  guidance?: string;
  targets: OutlineTarget[];
  sections: OutlineSection[];
  schedule: ScheduleEntry[];
  fonts?: Partial<Record<FontRole, string>>;
  /** 工作计划 (default) or 工作要点: the default title's last words. */
  kind?: PlanKind;
  /** A sealed 落款 (GB/T 9704 7.3.5.1). */
  seal?: boolean;
  /** 附件说明: the attachments' titles. */
  attachments?: string[];
  /** Wrap the plan in a notice that issues it. */
  notice?: NoticeMeta;
  /**
   * The `check:` settings as written. `check` reads and validates them from the file itself; the
   * outline only carries them into the plan's front matter, so a rebuilt plan keeps them.
   */
  check?: Record<string, unknown>;
}
