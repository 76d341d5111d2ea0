import { FONT_ROLES, type FontRole } from '../vocab/fonts.js';
import { isCheckMapping } from '../vocab/check-paths.js';
import { ITEM_STYLES, type ItemStyle } from '../vocab/item-style.js';
import { quote } from '../errors.js';
import type { FieldIssue, FieldPath } from '../io/field-path.js';
import { editDistance } from '../text/edit-distance.js';
import { isoFromText, planYear } from '../vocab/dates.js';
import { LEVELS, isLevel, type Level } from '../vocab/level.js';
import { ISSUING_KEYS, readIssuing } from '../vocab/issuing.js';
import { PERIOD_CHOICES, toPeriod } from '../vocab/periods.js';
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

const TOP_KEYS = [
  'type', 'org', 'level', 'superior', 'year', 'period', 'itemStyle', 'date', 'title', 'preface', 'guidance',
  'targets', 'sections', 'schedule', 'fonts', 'check', ...ISSUING_KEYS,
];

/** `sections[2].items[0].title` */
export function formatPath(path: FieldPath): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return '列表';
  if (isDict(value)) return '键值对';
  if (value === null || value === undefined) return '空值';
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `布尔值 ${value}`;
  return `文本 ${quote(value)}`;
}

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

  text(obj: Dict, key: string, path: FieldPath, label: string, required = false): string | undefined {
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

  list(obj: Dict, key: string, path: FieldPath, label: string): unknown[] {
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
  check.keys(raw, depth === 0 ? ['title', 'text', 'months', 'items'] : ['title', 'text', 'months'], path);
  const title = check.text(raw, 'title', path, '条目标题');
  const text = check.text(raw, 'text', path, '条目内容');
  const months = itemMonths(check, raw.months, [...path, 'months']);
  const subs = depth === 0 ? check.list(raw, 'items', path, '子条目') : [];
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
  check.keys(raw, ['kind', 'title', 'intro', 'items'], path);
  let kind: SectionKind = 'custom';
  if (raw.kind !== undefined) {
    if (typeof raw.kind === 'string' && raw.kind in SECTION_KINDS) kind = raw.kind as SectionKind;
    else check.fail([...path, 'kind'], `${formatPath([...path, 'kind'])}（板块类别）的值 ${quote(raw.kind)} 无效，应为 ${Object.keys(SECTION_KINDS).join('、')} 之一`);
  }
  let title = check.text(raw, 'title', path, '板块标题');
  if (title === undefined || title.trim() === '') {
    if (kind === 'custom') {
      if (title === undefined) check.fail(path, `${formatPath(path)} 缺少 title（板块标题）；只有写了 kind 的板块才能省略标题`);
      else check.fail([...path, 'title'], `${formatPath([...path, 'title'])}（板块标题）不能为空`);
    }
    title = SECTION_KINDS[kind];
  }
  const intro = check.text(raw, 'intro', path, '板块导语');
  const items = check
    .list(raw, 'items', path, '工作条目')
    .map((x, i) => item(check, x, [...path, 'items', i], 0))
    .filter((x): x is OutlineItem => !!x);
  return { kind, title, ...(intro !== undefined ? { intro } : {}), items };
}

function target(check: Checker, raw: unknown, path: FieldPath): OutlineTarget | undefined {
  if (!isDict(raw)) {
    check.fail(path, `${formatPath(path)}（工作目标）应为含 name、value、unit 的键值对，实际为${describe(raw)}`);
    return undefined;
  }
  check.keys(raw, ['name', 'value', 'baseline', 'unit', 'note'], path);
  const name = check.text(raw, 'name', path, '指标名称', true);
  const number = (key: 'value' | 'baseline', what: string): string | number | undefined => {
    const v = raw[key];
    if (typeof v === 'number' || typeof v === 'string') return v;
    if (v !== undefined && v !== null) check.fail([...path, key], `${formatPath([...path, key])}（${what}）应为数字或文本，实际为${describe(v)}`);
    return undefined;
  };
  const value = number('value', '目标值');
  const baseline = number('baseline', '上年实际');
  const unit = check.text(raw, 'unit', path, '单位');
  const note = check.text(raw, 'note', path, '说明');
  if (name === undefined) return undefined;
  return { name, ...(value !== undefined ? { value } : {}), ...(baseline !== undefined ? { baseline } : {}), ...(unit !== undefined ? { unit } : {}), ...(note !== undefined ? { note } : {}) };
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
  check.keys(raw, ['month', 'months', 'items', 'owner'], path);
  let months: number[] = [];
  if (raw.month !== undefined && raw.months !== undefined) {
    check.fail(path, `${formatPath(path)} 同时写了 month 和 months，只保留一个`);
  } else if (raw.month !== undefined) {
    const m = month(check, raw.month, [...path, 'month']);
    if (m !== undefined) months = [m];
  } else if (raw.months !== undefined) {
    const list = check.list(raw, 'months', path, '月份');
    months = list.map((m, i) => month(check, m, [...path, 'months', i])).filter((m): m is number => m !== undefined);
    if (Array.isArray(raw.months) && raw.months.length === 0) check.fail([...path, 'months'], `${formatPath([...path, 'months'])}（月份）不能为空`);
  } else {
    check.fail(path, `${formatPath(path)} 缺少 month（月份，1–12）`);
  }
  let items: string[] = [];
  if (typeof raw.items === 'string') items = [raw.items];
  else {
    items = check
      .list(raw, 'items', path, '工作内容')
      .map((x, i) => {
        if (typeof x === 'string' || typeof x === 'number') return String(x);
        check.fail([...path, 'items', i], `${formatPath([...path, 'items', i])}（工作内容）应为文本，实际为${describe(x)}`);
        return undefined;
      })
      .filter((x): x is string => x !== undefined);
  }
  if (raw.items === undefined || raw.items === null) check.fail(path, `${formatPath(path)} 缺少 items（本月工作内容）`);
  const owner = check.text(raw, 'owner', path, '责任部门');
  return { months, items, ...(owner !== undefined ? { owner } : {}) };
}

function fonts(check: Checker, raw: unknown, path: FieldPath): Partial<Record<FontRole, string>> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isDict(raw)) {
    check.fail(path, `fonts（字体）应为键值对，如 body: 仿宋_GB2312，实际为${describe(raw)}`);
    return undefined;
  }
  check.keys(raw, FONT_ROLES, path);
  const out: Partial<Record<FontRole, string>> = {};
  for (const role of FONT_ROLES) {
    const name = check.text(raw, role, path, '字体名称');
    if (name) out[role] = name.trim();
  }
  return out;
}

/** Options that fill in what the outline leaves out. */
export interface ValidateOptions {
  /** The plan types that exist (built-in and the user's template folder). */
  types: readonly string[];
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
  check.keys(raw, TOP_KEYS, []);

  const type = check.text(raw, 'type', [], '计划类型', true);
  if (type !== undefined && type.trim() !== '' && !options.types.includes(type)) {
    check.fail(['type'], `type（计划类型）的值 ${quote(type)} 无效，应为 ${options.types.join('、')} 之一`);
  }
  const org = check.text(raw, 'org', [], '工会全称', true);
  const superior = check.text(raw, 'superior', [], '上级工会');
  let level: Level | undefined;
  if (raw.level !== undefined && raw.level !== null) {
    if (isLevel(raw.level)) level = raw.level;
    else check.fail(['level'], `level（本级）的值 ${quote(raw.level)} 无效，应为 ${LEVELS.join('、')} 之一`);
  }

  let year = options.defaultYear;
  if (raw.year !== undefined && raw.year !== null) {
    const y = planYear(raw.year);
    if (y !== undefined) year = y;
    else check.fail(['year'], `year（年度）的值 ${quote(raw.year)} 无效，应为四位数的年份，如 2027`);
  }

  let period: Outline['period'] = 'annual';
  if (raw.period !== undefined && raw.period !== null) {
    const named = toPeriod(raw.period);
    if (named) period = named;
    else check.fail(['period'], `period（计划期间）的值 ${quote(raw.period)} 无效，应为 ${PERIOD_CHOICES} 之一`);
  }

  let itemStyle: ItemStyle | undefined;
  if (raw.itemStyle !== undefined && raw.itemStyle !== null) {
    if ((ITEM_STYLES as readonly unknown[]).includes(raw.itemStyle)) itemStyle = raw.itemStyle as ItemStyle;
    else check.fail(['itemStyle'], `itemStyle（条目样式）的值 ${quote(raw.itemStyle)} 无效，应为 run-in（条目标题接排正文，默认）、run-in-bold（接排且标题加粗）或 heading（标题单独成行）`);
  }

  let date = options.defaultDate(year, period);
  if (raw.date !== undefined && raw.date !== null) {
    const iso = isoFromText(raw.date);
    if (iso) date = iso;
    else check.fail(['date'], `date（落款日期）的值 ${quote(raw.date)} 无效，应为 YYYY-MM-DD 格式的日期，如 ${year}-01-05`);
  }

  const title = check.text(raw, 'title', [], '标题');
  const preface = check.text(raw, 'preface', [], '开头语');
  const guidance = check.text(raw, 'guidance', [], '指导思想');
  const targets = check.list(raw, 'targets', [], '工作目标').map((t, i) => target(check, t, ['targets', i])).filter((t): t is OutlineTarget => !!t);
  const sections = check.list(raw, 'sections', [], '工作板块').map((s, i) => section(check, s, ['sections', i])).filter((s): s is OutlineSection => !!s);
  const schedule = check.list(raw, 'schedule', [], '月度安排').map((s, i) => scheduleEntry(check, s, ['schedule', i])).filter((s): s is ScheduleEntry => !!s);
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
