import YAML, { isMap, isScalar } from 'yaml';
import { calendarYear, periodMonths, toPeriod, type Period } from '../vocab/periods.js';
import { defaultsForPeriod } from './period-filter.js';
import { defaultTitle } from '../vocab/title.js';
import { UserError, quote } from '../errors.js';
import { levelWords, planLevel, type Level } from '../vocab/level.js';
import { defaultsFor, type Template } from './registry.js';
import { wordingForNew, type WordingEvent } from './wording.js';
import { PLAN_FIELDS } from '../vocab/definition/plan-fields.js';

/** What `unionplan new` takes from its flags. */
export interface NewOutlineOptions {
  org: string;
  superior?: string;
  year: number;
  period: Period;
  date: string;
  /** The level of a regional plan (区/县/市/旗, 镇/乡/街道); read from `org` when not given. */
  level?: Level;
  /** The user's wording lists (`check.wording`), laid over the built-in one. */
  wordingFiles?: readonly string[];
}

/** The Chinese comment written above each top-level field: its `comment` in the outline's definition. */
const FIELD_COMMENTS: Record<string, string> = {
  ...Object.fromEntries(PLAN_FIELDS.flatMap((f) => (f.comment ? [[f.key, f.comment]] : []))),
  kind: ' 文种：points 工作要点（标题以“工作要点”结尾，正文称“本工作要点”），删去这一行即为工作计划',
};

const TOKEN = /\{\{\s*([a-z.]+)\s*\}\}/g;

/**
 * Fills the template's default outline in for one union: `{{wording.guidance}}` and
 * `{{wording.task}}` from wording.yaml for the plan's year and type, `{{level}}`, `{{party}}` and
 * `{{self}}` from the union's level, `{{superior}}` and `{{year}}`. These are the template
 * author's words, filled in once here; the outline that results is plain text, and what a user
 * writes is never read for tokens.
 */
function fillDefaults(template: Template, options: NewOutlineOptions): (text: string) => string {
  const wording = wordingForNew(options.year, template.type, options.wordingFiles);
  const task = reachedEvents(options).find((event) => event.task)?.task ?? wording?.task;
  const level = planLevel(template.type, options.org, options.level);
  const words = level ? levelWords(level, options.org) : undefined;
  const values: Record<string, string | undefined> = {
    'wording.guidance': wording?.guidance,
    'wording.task': task,
    level: words?.level,
    party: words?.party,
    self: words?.self,
    superior: options.superior || '上级工会',
    year: String(options.year),
  };
  return (text) =>
    text.replace(TOKEN, (token, name: string) => {
      const value = values[name];
      if (value !== undefined) return value;
      const known = name in values;
      throw new UserError('invalid', [
        {
          file: template.file,
          message: known
            ? `模板默认提纲中的 ${quote(token)} 只能用于区（县）、乡镇、街道类型的计划`
            : `模板默认提纲中的 ${quote(token)} 无法识别，可用的有：${Object.keys(values)
                .map((k) => `{{${k}}}`)
                .join('、')}`,
        },
      ]);
    });
}

/**
 * The year's expected events (wording.yaml `events:`) that fall within the plan's period: an
 * annual or second-half plan of 2027, or the first term of 2027—28, reaches the autumn of 2027.
 */
function reachedEvents(options: NewOutlineOptions): WordingEvent[] {
  const events = wordingForNew(options.year, '', options.wordingFiles)?.events ?? [];
  const months = periodMonths(options.period).map((m) => [calendarYear(options.year, options.period, m), m] as const);
  return events.filter((event) => months.some(([year, month]) => year === event.year && month === event.month));
}

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The defaults with what the reached events add: their item first in the 思想政治引领 section,
 * their schedule item first in the row of its month (a row of its own when there is none and the
 * month is in the period).
 */
function addEvents(defaults: Dict, events: readonly WordingEvent[], period: Period): Dict {
  if (events.length === 0) return defaults;
  const sections = Array.isArray(defaults.sections) ? [...defaults.sections] : [];
  let schedule = Array.isArray(defaults.schedule) ? [...defaults.schedule] : [];
  const months = periodMonths(period);
  for (const event of events) {
    const at = sections.findIndex((section) => isDict(section) && section.kind === 'ideology');
    const section = sections[at];
    if (event.item && isDict(section)) {
      sections[at] = { ...section, items: [{ ...event.item }, ...(Array.isArray(section.items) ? section.items : [])] };
    }
    const row = event.schedule;
    if (!row || !months.includes(row.month)) continue;
    const rowMonths = (r: unknown): number[] => (isDict(r) ? (Array.isArray(r.months) ? r.months.map(Number) : [Number(r.month)]) : []);
    const same = schedule.findIndex((r) => rowMonths(r).length === 1 && rowMonths(r)[0] === row.month);
    if (same !== -1) {
      const old = schedule[same] as Dict;
      schedule[same] = { ...old, items: [row.item, ...(Array.isArray(old.items) ? old.items : [])] };
    } else {
      // In the period's order (a first term runs from September to January).
      const order = (r: unknown) => months.indexOf(rowMonths(r)[0] ?? 0);
      const next = schedule.findIndex((r) => order(r) > months.indexOf(row.month));
      const added = { month: row.month, items: [row.item] };
      schedule = next === -1 ? [...schedule, added] : [...schedule.slice(0, next), added, ...schedule.slice(next)];
    }
  }
  return { ...defaults, sections, schedule };
}

function fillAll(value: unknown, fill: (text: string) => string): unknown {
  if (typeof value === 'string') return fill(value);
  if (Array.isArray(value)) return value.map((v) => fillAll(v, fill));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillAll(v, fill)]));
  return value;
}

/**
 * The fields of a new outline: the template's default outline with the unit, year, period and
 * date filled in, cut to the period (schedule, items and targets: `period-filter.ts`). `new` writes them; `batch` starts each
 * roster row from them.
 */
export function newOutlineFields(template: Template, options: NewOutlineOptions): Record<string, unknown> {
  const level = planLevel(template.type, options.org, options.level);
  // The events' work goes in before the cut, so a section the cut leaves one item of is run in
  // with the event's item counted.
  const defaults = defaultsForPeriod(
    addEvents(fillAll(defaultsFor(template.meta, level), fillDefaults(template, options)) as Dict, reachedEvents(options), options.period),
    options.period,
  );
  const schedule = Array.isArray(defaults.schedule) ? defaults.schedule : [];
  const outline: Record<string, unknown> = {
    type: template.type,
    org: options.org,
    ...(level ? { level } : {}),
    superior: options.superior ?? '',
    year: options.year,
    period: options.period,
    // A 区/县 federation issues its year's work as a 工作要点 (the template's `kind: points`).
    ...(template.meta.kind === 'points' ? { kind: 'points' } : {}),
    date: options.date,
    ...(defaults.preface ? { preface: defaults.preface } : {}),
    guidance: defaults.guidance ?? '',
    targets: defaults.targets ?? [],
    sections: defaults.sections ?? [],
    schedule,
  };
  if (!options.superior) delete outline.superior;
  return outline;
}

/**
 * An outline as plan.yaml text with a Chinese comment on every field, headed by the plan's
 * title, the template's name and the commands to run on it (`file` is the name it is written
 * under). `fields` need not come from {@link newOutlineFields}: `batch --emit outline` passes a
 * roster row merged into its starting outline.
 */
export function commentedOutlineText(
  template: Template,
  fields: Record<string, unknown>,
  origin: { generator: string; file: string; command?: string } = { generator: 'unionplan new', file: 'plan.yaml' },
): string {
  const command = origin.command ?? 'unionplan';
  const doc = new YAML.Document(fields);
  const year = typeof fields.year === 'number' ? fields.year : Number(fields.year);
  const period = toPeriod(fields.period) ?? 'annual';
  const kind = fields.kind === 'points' ? 'points' : 'plan';
  const title = typeof fields.title === 'string' ? fields.title : defaultTitle({ org: String(fields.org ?? ''), year, period, kind });
  // No editor hint naming the schema: the outline travels (mailed upward, copied to another
  // machine), and a path of this machine would show its folders and be dead there. The README
  // says how to point an editor at schema/plan.schema.json once for all outlines.
  doc.commentBefore =
    ` ${title} 提纲（${template.name}）\n` +
    ` 由 ${origin.generator} 生成。按本单位实际修改后，检查：${command} check ${origin.file}\n` +
    ` 生成 Word 和 PDF：${command} build ${origin.file} --format docx,pdf`;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key)) {
        const comment = FIELD_COMMENTS[String(pair.key.value)];
        if (comment) pair.key.commentBefore = comment;
      }
    }
  }
  return doc.toString({ lineWidth: 0, blockQuote: 'literal' });
}

/**
 * The text of a new plan.yaml: the template's default outline with the unit, year, period and
 * date filled in, the schedule cut to the period, and a Chinese comment on every field.
 */
export function newOutlineText(template: Template, options: NewOutlineOptions, file = 'plan.yaml', command = 'unionplan'): string {
  return commentedOutlineText(template, newOutlineFields(template, options), { generator: 'unionplan new', file, command });
}
