import type { Level } from '../vocab/level.js';
import type { Period } from '../vocab/periods.js';
import type { Place } from './line-index.js';

/**
 * What the structure rules look at, the same whether the plan is an outline or Markdown: its
 * parts, targets and schedule, each with its place in the file. Built by `outline-shape.ts` and
 * `document-shape.ts`, so that each structure rule is written once.
 */
export interface PlanShape {
  /** The title the plan gives itself (none when it is generated from unit and year). */
  title?: { text: string; at: Place };
  /** The union's name, when the plan says it. */
  org?: string;
  /** The plan type, when the plan says it (outline `type`, front matter `type`). */
  type?: string;
  /** The level the plan states (`level:`), for regional plans. */
  level?: Level;
  /** The 指导思想: its text and where it starts. */
  guidance?: { text: string; at: Place };
  /** The body's prose (preface, section intros, items), each piece with its place. */
  body: ShapeText[];
  /** The plan's year: the outline's or front matter's, else guessed (see `yearKnown`). */
  year: number;
  /** False when the plan names no year and `year` is the default. */
  yearKnown: boolean;
  period: Period;
  /** The signature date, when the plan gives one. */
  date?: { iso: string; text: string; at: Place };
  /** Sections and items, in order. */
  parts: ShapePart[];
  targets: ShapeTarget[];
  schedule: ShapeScheduleRow[];
  /**
   * Items that say which months they belong to (`months:` in an outline): their words are not
   * judged against the period, their months are. File offsets of the item's text.
   */
  datedItems?: { start: number; end: number; months: number[] }[];
}

/** A numbered part: 一、 (level 1), （一） (level 2), 1. (level 3). */
export interface ShapePart {
  level: 1 | 2 | 3;
  title: string;
  at: Place;
  /** How many numbered parts one level down it has. */
  children: number;
  /** Whether nothing at all follows its heading before the next part of its level or above. */
  empty: boolean;
}

export interface ShapeTarget {
  name: string;
  /** The value as written, `''` when there is none. */
  value: string;
  /** Where the value is, or would go. */
  at: Place;
}

export interface ShapeScheduleRow {
  /** The month cell as written, e.g. `7—8月`. */
  label: string;
  months: number[];
  /** What the row schedules (its work, without the month and the owner). */
  text: string;
  at: Place;
}

/** A piece of the body's text and where it starts. */
export interface ShapeText {
  text: string;
  at: Place;
}
