import type { FontRole } from '../vocab/fonts.js';
import { isCheckMapping } from '../vocab/check-paths.js';
import type { ItemStyle } from '../vocab/item-style.js';
import { quote } from '../errors.js';
import type { FieldIssue, FieldPath } from '../io/field-path.js';
import { editDistance } from '../text/edit-distance.js';
import type { Level } from '../vocab/level.js';
import { readIssuing } from '../vocab/issuing.js';
import { fieldOf, keysOf, type FieldDef } from '../vocab/definition/field.js';
import {
  FONT_FIELDS,
  ITEM_FIELDS,
  PLAN_FIELDS,
  PLAN_KEYS,
  SCHEDULE_FIELDS,
  SECTION_FIELDS,
  TARGET_FIELDS,
} from '../vocab/definition/plan-fields.js';
import { describeValue, readValue, typeKeys, type ReadContext, type TypeChoices } from '../vocab/definition/read-value.js';
import type { Period } from '../vocab/periods.js';
import type { Outline, OutlineItem, OutlineSection, OutlineTarget, ScheduleEntry, SectionKind } from './types.js';

export const SECTION_KINDS: Readonly<Record<SectionKind, string>> = {
  ideology: '加强思想政治引领',
  democracy: '推进民主管理',
  rights: '做好维权服务工作',
  quality: '提升职工队伍素质',
  'self-building': '加强工会自身建设',
  women: '做好女职工工作',
  culture: '丰富职工文体生活',
  custom: '',
};

/** `sections[2].items[0].title` */
export function formatPath(path: FieldPath): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const describe = describeValue;

class Checker {
  readonly issues: FieldIssue[] = [];

  fail(path: FieldPath, message: string, at: 'key' | 'value' = 'value'): void {
    this.issues.push({ path, message, at });
  }

  /** Reports keys that are not allowed, suggesting the nearest allowed one. */
  keys(obj: Dict, allowed: readonly string[], path: FieldPath): void {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const near = allowed.filter((k) => editDistance(k, key) <= 2);
      const hint = near.length ? `，是否想写 ${near[0]}？` : '。';
      this.fail([...path, key], `未知字段 ${quote(key)}${hint}此处可用的字段：${allowed.join('、')}`, 'key');
    }
  }

  /** A text field of `fields` (its label and whether it is required come from the definition). */
  text(obj: Dict, fields: readonly FieldDef[], key: string, path: FieldPath): string | undefined {
    const { label, required = false } = fieldOf(fields, key);
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.fail(path, `缺少必填字段 ${key}（${label}）`);
      return undefined;
    }
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') {
      this.fail([...path, key], `${formatPath([...path, key])}（${label}）应为文本，实际为${describe(value)}`);
      return undefined;
    }
    if (required && value.trim() === '') {
      this.fail([...path, key], `${formatPath([...path, key])}（${label}）不能为空`);
      return undefined;
    }
    return value;
  }

  /** A list field of `fields`, its label from the definition. */
  list(obj: Dict, fields: readonly FieldDef[], key: string, path: FieldPath): unknown[] {
    const { label } = fieldOf(fields, key);
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail([...path, key], `${formatPath([...path, key])}（${label}）应为列表（每项以“- ”开头），实际为${describe(value)}`);
      return [];
    }
    return value;
  }
}

function item(check: Checker, raw: unknown, path: FieldPath, depth: number): OutlineItem | undefined {
  if (typeof raw === 'string') return { text: raw };
  if (!isDict(raw)) {
    check.fail(path, `${formatPath(path)}（工作条目）应为文本或含 title、text 的键值对，实际为${describe(raw)}`);
    return undefined;
  }
  check.keys(raw, depth === 0 ? keysOf(ITEM_FIELDS) : keysOf(ITEM_FIELDS).filter((k) => k !== 'items'), path);
  const title = check.text(raw, ITEM_FIELDS, 'title', path);
  const text = check.text(raw, ITEM_FIELDS, 'text', path);
  const months = itemMonths(check, raw.months, [...path, 'months']);
  const subs = depth === 0 ? check.list(raw, ITEM_FIELDS, 'items', path) : [];
  const items = subs.map((sub, i) => item(check, sub, [...path, 'items', i], depth + 1)).filter((x): x is OutlineItem => !!x);
  if (title === undefined && text === undefined && items.length === 0) {
    check.fail(path, `${formatPath(path)}（工作条目）至少要有 title 或 text`);
  }
  return { title, text, ...(months ? { months } : {}), ...(items.length ? { items } : {}) };
}

/** An item's `months:` — one month (9) or a list ([7, 8]) of months 1–12. */
function itemMonths(check: Checker, raw: unknown, path: FieldPath): number[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  const valid = list.length > 0 && list.every((m) => typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 12);
  if (!valid) {
    check.fail(path, `${formatPath(path)}（条目所属月份）的值 ${quote(raw)} 无效，应为 1–12 的月份或月份列表，如 9 或 [7, 8]`);
    return undefined;
  }
  return list as number[];
}

function section(check: Checker, raw: unknown, path: FieldPath): OutlineSection | undefined {
  if (!isDict(raw)) {
    check.fail(path, `${formatPath(path)}（工作板块）应为含 title、items 的键值对，实际为${describe(raw)}`);
    return undefined;
  }
  check.keys(raw, keysOf(SECTION_FIELDS), path);
  let kind: SectionKind = 'custom';
  if (raw.kind !== undefined) {
    // 思想引领 as well as ideology.
    const read = readValue(fieldOf(SECTION_FIELDS, 'kind'), raw.kind, formatPath([...path, 'kind']));
    if (read.message === undefined) kind = read.value as SectionKind;
    else check.fail([...path, 'kind'], read.message);
  }
  let title = check.text(raw, SECTION_FIELDS, 'title', path);
  if (title === undefined || title.trim() === '') {
    if (kind === 'custom') {
      if (title === undefined) check.fail(path, `${formatPath(path)} 缺少 title（板块标题）；只有写了 kind 的板块才能省略标题`);
      else check.fail([...path, 'title'], `${formatPath([...path, 'title'])}（板块标题）不能为空`);
    }
    title = SECTION_KINDS[kind];
  }
  const intro = check.text(raw, SECTION_FIELDS, 'intro', path);
  const items = check
    .list(raw, SECTION_FIELDS, 'items', path)
    .map((x, i) => item(check, x, [...path, 'items', i], 0))
    .filter((x): x is OutlineItem => !!x);
  return { kind, title, ...(intro !== undefined ? { intro } : {}), items };
}

function target(check: Checker, raw: unknown, path: FieldPath): OutlineTarget | undefined {
  if (!isDict(raw)) {
    check.fail(path, `${formatPath(path)}（工作目标）应为含 name、value、unit 的键值对，实际为${describe(raw)}`);
    return undefined;
  }
  check.keys(raw, keysOf(TARGET_FIELDS), path);
  const name = check.text(raw, TARGET_FIELDS, 'name', path);
  const number = (key: 'value' | 'baseline', what: string): string | number | undefined => {
    const v = raw[key];
    if (typeof v === 'number' || typeof v === 'string') return v;
    if (v !== undefined && v !== null)
      check.fail([...path, key], `${formatPath([...path, key])}（${what}）应为数字或文本，实际为${describe(v)}`);
    return undefined;
  };
  const value = number('value', '目标值');
  const baseline = number('baseline', '上年实际');
  const unit = check.text(raw, TARGET_FIELDS, 'unit', path);
  const note = check.text(raw, TARGET_FIELDS, 'note', path);
  if (name === undefined) return undefined;
  return {
    name,
    ...(value !== undefined ? { value } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

function month(check: Checker, raw: unknown, path: FieldPath): number | undefined {
  const n = typeof raw === 'string' ? Number(raw.replace(/月$/, '')) : raw;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 12) return n;
  check.fail(path, `${formatPath(path)}（月份）的值 ${quote(raw)} 无效，应为 1 到 12 的整数`);
  return undefined;
}

function scheduleEntry(check: Checker, raw: unknown, path: FieldPath): ScheduleEntry | undefined {
  if (!isDict(raw)) {
    check.fail(path, `${formatPath(path)}（月度安排）应为含 month、items 的键值对，实际为${describe(raw)}`);
    return undefined;
  }
  check.keys(raw, keysOf(SCHEDULE_FIELDS), path);
  let months: number[] = [];
  if (raw.month !== undefined && raw.months !== undefined) {
    check.fail(path, `${formatPath(path)} 同时写了 month 和 months，只保留一个`);
  } else if (raw.month !== undefined) {
    const m = month(check, raw.month, [...path, 'month']);
    if (m !== undefined) months = [m];
  } else if (raw.months !== undefined) {
    const list = check.list(raw, SCHEDULE_FIELDS, 'months', path);
    months = list.map((m, i) => month(check, m, [...path, 'months', i])).filter((m): m is number => m !== undefined);
    if (Array.isArray(raw.months) && raw.months.length === 0)
      check.fail([...path, 'months'], `${formatPath([...path, 'months'])}（月份）不能为空`);
  } else {
    check.fail(path, `${formatPath(path)} 缺少 month（月份，1–12）`);
  }
  let items: string[] = [];
  if (typeof raw.items === 'string') items = [raw.items];
  else {
    items = check
      .list(raw, SCHEDULE_FIELDS, 'items', path)
      .map((x, i) => {
        if (typeof x === 'string' || typeof x === 'number') return String(x);
        check.fail([...path, 'items', i], `${formatPath([...path, 'items', i])}（工作内容）应为文本，实际为${describe(x)}`);
        return undefined;
      })
      .filter((x): x is string => x !== undefined);
  }
  if (raw.items === undefined || raw.items === null) check.fail(path, `${formatPath(path)} 缺少 items（本月工作内容）`);
  const owner = check.text(raw, SCHEDULE_FIELDS, 'owner', path);
  return { months, items, ...(owner !== undefined ? { owner } : {}) };
}

function fonts(check: Checker, raw: unknown, path: FieldPath): Partial<Record<FontRole, string>> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isDict(raw)) {
    check.fail(path, `fonts（字体）应为键值对，如 body: 仿宋_GB2312，实际为${describe(raw)}`);
    return undefined;
  }
  check.keys(raw, keysOf(FONT_FIELDS), path);
  const out: Partial<Record<FontRole, string>> = {};
  for (const role of keysOf(FONT_FIELDS) as FontRole[]) {
    const name = check.text(raw, FONT_FIELDS, role, path);
    if (name) out[role] = name.trim();
  }
  return out;
}

/** Options that fill in what the outline leaves out. */
export interface ValidateOptions {
  /**
   * The plan types that exist (built-in and the user's template folder): their keys, or with
   * their Chinese names (`type: 学校`) as `TemplateRegistry.typeChoices()` gives them.
   */
  types: readonly string[] | TypeChoices;
  /** Year to use when the outline has none. */
  defaultYear: number;
  /** Date to use when the outline has none, given the plan's year and period. */
  defaultDate: (year: number, period: Outline['period']) => string;
}

/**
 * Checks a parsed outline against the schema and returns it with defaults filled in, together
 * with every problem found (not only the first). The outline is usable only when `issues` is empty.
 */
export function validateOutline(raw: unknown, options: ValidateOptions): { outline?: Outline; issues: FieldIssue[] } {
  const check = new Checker();
  if (!isDict(raw)) {
    check.fail([], `提纲应为键值对（如 org: 某单位工会），实际为${describe(raw)}`);
    return { issues: check.issues };
  }
  check.keys(raw, PLAN_KEYS, []);
  const context: ReadContext = { types: Array.isArray(options.types) ? typeKeys(options.types) : (options.types as TypeChoices) };
  /** A top-level scalar read by its definition: undefined when absent or refused (and reported). */
  const scalar = (key: string): unknown => {
    const field = fieldOf(PLAN_FIELDS, key);
    const value = raw[key];
    if (value === undefined || value === null) {
      if (field.required) check.fail([], `缺少必填字段 ${key}（${field.label}）`);
      return undefined;
    }
    const read = readValue(field, value, key, context);
    if (read.message !== undefined) {
      check.fail([key], read.message);
      return undefined;
    }
    if (field.required && typeof read.value === 'string' && read.value.trim() === '') {
      check.fail([key], `${key}（${field.label}）不能为空`);
      return undefined;
    }
    return read.value;
  };

  const type = scalar('type') as string | undefined;
  const org = scalar('org') as string | undefined;
  const superior = scalar('superior') as string | undefined;
  const level = scalar('level') as Level | undefined;
  const year = (scalar('year') as number | undefined) ?? options.defaultYear;
  context.year = year;
  const period = (scalar('period') as Period | undefined) ?? 'annual';
  const itemStyle = scalar('itemStyle') as ItemStyle | undefined;
  const date = (scalar('date') as string | undefined) ?? options.defaultDate(year, period);

  const title = scalar('title') as string | undefined;
  const preface = scalar('preface') as string | undefined;
  const guidance = scalar('guidance') as string | undefined;
  const targets = check
    .list(raw, PLAN_FIELDS, 'targets', [])
    .map((t, i) => target(check, t, ['targets', i]))
    .filter((t): t is OutlineTarget => !!t);
  const sections = check
    .list(raw, PLAN_FIELDS, 'sections', [])
    .map((s, i) => section(check, s, ['sections', i]))
    .filter((s): s is OutlineSection => !!s);
  const schedule = check
    .list(raw, PLAN_FIELDS, 'schedule', [])
    .map((s, i) => scheduleEntry(check, s, ['schedule', i]))
    .filter((s): s is ScheduleEntry => !!s);
  const fontChoice = fonts(check, raw.fonts, ['fonts']);
  const issuing = readIssuing(raw);
  check.issues.push(...issuing.issues);

  if (check.issues.length > 0 || type === undefined || org === undefined) return { issues: check.issues };
  const outline: Outline = {
    type,
    org: org.trim(),
    ...(level ? { level } : {}),
    ...(superior !== undefined ? { superior: superior.trim() } : {}),
    year,
    period,
    ...(itemStyle ? { itemStyle } : {}),
    date,
    ...(title !== undefined ? { title } : {}),
    ...(preface !== undefined ? { preface } : {}),
    ...(guidance !== undefined ? { guidance } : {}),
    targets,
    sections,
    schedule,
    ...(fontChoice ? { fonts: fontChoice } : {}),
    ...issuing.fields,
    ...(isCheckMapping(raw.check) ? { check: raw.check } : {}),
  };
  return { outline, issues: [] };
}
