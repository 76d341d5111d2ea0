import YAML, { isMap, isScalar } from 'yaml';
import { toPeriod, type Period } from '../vocab/periods.js';
import { defaultsForPeriod } from './period-filter.js';
import { defaultTitle } from '../vocab/title.js';
import { UserError, quote } from '../errors.js';
import { hasLevel, levelWords, planLevel, type Level } from '../vocab/level.js';
import type { Template } from './registry.js';
import { wordingForNew } from './wording.js';
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
const FIELD_COMMENTS: Record<string, string> = Object.fromEntries(PLAN_FIELDS.flatMap((f) => (f.comment ? [[f.key, f.comment]] : [])));

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
  const level = planLevel(template.type, options.org, options.level);
  const words = level ? levelWords(level, options.org) : undefined;
  const values: Record<string, string | undefined> = {
    'wording.guidance': wording?.guidance,
    'wording.task': wording?.task,
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
  const defaults = defaultsForPeriod(
    fillAll(template.meta.defaults, fillDefaults(template, options)) as Record<string, unknown>,
    options.period,
  );
  const level = hasLevel(template.type) ? planLevel(template.type, options.org, options.level) : undefined;
  const schedule = Array.isArray(defaults.schedule) ? defaults.schedule : [];
  const outline: Record<string, unknown> = {
    type: template.type,
    org: options.org,
    ...(level ? { level } : {}),
    superior: options.superior ?? '',
    year: options.year,
    period: options.period,
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
  const title = typeof fields.title === 'string' ? fields.title : defaultTitle({ org: String(fields.org ?? ''), year, period });
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
