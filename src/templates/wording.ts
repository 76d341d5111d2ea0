import { join } from 'node:path';
import { UserError, quote, type Problem } from '../errors.js';
import { readTextFileSync } from '../io/read-text-file.js';
import { YamlSource } from '../io/yaml-source.js';
import { packageRoot } from '../package-root.js';
import { EMBEDDED_WORDING } from './embedded-wording.js';
import { unsafePattern } from '../text/safe-pattern.js';
import { sessionCache } from '../session/session.js';

/** A current formula a plan's 指导思想 is expected to name. */
export interface Formula {
  /** The full wording, as a message shows it. */
  name: string;
  matcher: RegExp;
}

interface TypeWording {
  guidance?: string;
  formulas: Formula[];
}

/**
 * Something expected within a plan year (党的二十一大 in the autumn of 2027) that a plan whose
 * period reaches it schedules: its task replaces the year's, its item leads the 思想政治引领
 * section, its schedule row comes in the month after. A plan that ends before it keeps the
 * year's task (迎接……).
 */
export interface WordingEvent {
  /** The calendar year and month it is expected in. */
  year: number;
  month: number;
  task?: string;
  item?: { title: string; text: string };
  schedule?: { month: number; item: string };
}

/** One entry of wording.yaml: the current wording from a plan year on. */
interface WordingEntry {
  from: number;
  guidance: string;
  task: string;
  formulas: Formula[];
  types: Record<string, TypeWording>;
  events: WordingEvent[];
}

/** The wording of one plan year for one plan type. */
export interface YearWording {
  /** The entry's first year. */
  from: number;
  /** The opening of the 指导思想, with the type's own clause, without a full stop. */
  guidance: string;
  /** The year's central task, without a full stop. */
  task: string;
  /** What the 指导思想 must name: the common formulas and the type's. */
  formulas: Formula[];
  /** What is expected within the year (see {@link WordingEvent}). */
  events: WordingEvent[];
}

/** The list that comes with unionplan. */
export function builtInWordingFile(): string {
  return join(packageRoot(), 'src', 'templates', 'wording.yaml');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Locate = (path: (string | number)[]) => { line?: number; column?: number };
type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a wording list, reporting every problem at `file:line:column`: the list is the user's to
 * extend, so a typo must say where it is.
 */
function wordingFromData(file: string, data: unknown, locate: Locate, builtIn = false): WordingEntry[] {
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string) => problems.push({ file, ...locate(path), message });
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    throw new UserError('invalid', [{ file, line: 1, column: 1, message: '现行提法列表应为列表，每项以“- from: 年份”开头' }]);
  }
  const text = (value: unknown, path: (string | number)[], what: string, required: boolean): string | undefined => {
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && value.trim()) return value.trim().replace(/[。；，]$/u, '');
    fail(path, `${what}应为非空文本，实际为 ${quote(value)}`);
    return undefined;
  };
  const formulas = (value: unknown, path: (string | number)[]): Formula[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      fail(path, 'formulas 应为列表，每项含 name 和 text（或 pattern）');
      return [];
    }
    const out: Formula[] = [];
    value.forEach((f: unknown, i) => {
      const at = [...path, i];
      if (!isDict(f)) {
        fail(at, 'formulas 的每项应为含 name 和 text（或 pattern）的键值对');
        return;
      }
      for (const key of Object.keys(f))
        if (!['name', 'text', 'pattern'].includes(key)) fail([...at, key], `未知字段 ${quote(key)}，可用的字段：name、text、pattern`);
      const name = text(f.name, [...at, 'name'], 'name（提法全称）', true);
      let matcher: RegExp | undefined;
      if ((f.text === undefined) === (f.pattern === undefined))
        fail(at, 'formulas 的每项应有 text（原文）或 pattern（正则表达式）之一，且只有一个');
      else if (f.text !== undefined) {
        const t = text(f.text, [...at, 'text'], 'text（原文）', true);
        if (t) matcher = new RegExp(escapeRegExp(t), 'u');
      } else if (typeof f.pattern === 'string' && f.pattern.trim()) {
        try {
          matcher = new RegExp(f.pattern, 'u');
        } catch (error) {
          fail([...at, 'pattern'], `pattern（正则表达式）${quote(f.pattern)} 无效：${(error as Error).message}`);
        }
        // A local wording file is the user's: its patterns run on every plan, so none may backtrack
        // without bound. The built-in list is ours, and its patterns are held to the same rule by a
        // test (test/templates/wording.test.ts); not parsing them again saves every build the parser.
        const unsafe = matcher && !builtIn ? unsafePattern(f.pattern) : undefined;
        if (unsafe) {
          matcher = undefined;
          fail([...at, 'pattern'], `pattern（正则表达式）不能使用：${unsafe}`);
        }
      } else fail([...at, 'pattern'], 'pattern（正则表达式）应为非空文本');
      if (name && matcher) out.push({ name, matcher });
    });
    return out;
  };
  const entries: WordingEntry[] = [];
  data.forEach((entry: unknown, i) => {
    if (!isDict(entry)) {
      fail([i], `第 ${i + 1} 项应为含 from、guidance、task、formulas 的键值对`);
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['from', 'guidance', 'task', 'formulas', 'types', 'events', 'note'].includes(key))
        fail([i, key], `未知字段 ${quote(key)}，可用的字段：from、guidance、task、formulas、types、events、note`);
    }
    const from = entry.from;
    if (!(typeof from === 'number' && Number.isInteger(from) && from >= 1949 && from <= 2200)) {
      fail(from === undefined ? [i] : [i, 'from'], `from（从哪一个计划年度起适用）应为四位数的年份，如 2028，实际为 ${quote(from)}`);
    }
    const guidance = text(entry.guidance, [i, 'guidance'], 'guidance（指导思想的第一句）', true);
    const task = text(entry.task, [i, 'task'], 'task（当年的中心任务）', true);
    const types: Record<string, TypeWording> = {};
    if (entry.types !== undefined && entry.types !== null) {
      if (!isDict(entry.types)) fail([i, 'types'], 'types 应为按计划类型（如 school）分列的键值对');
      else {
        for (const [type, value] of Object.entries(entry.types)) {
          if (!isDict(value)) {
            fail([i, 'types', type], `types.${type} 应为含 guidance、formulas 的键值对`);
            continue;
          }
          for (const key of Object.keys(value))
            if (key !== 'guidance' && key !== 'formulas')
              fail([i, 'types', type, key], `未知字段 ${quote(key)}，可用的字段：guidance、formulas`);
          const g = text(value.guidance, [i, 'types', type, 'guidance'], 'guidance', false);
          types[type] = { ...(g ? { guidance: g } : {}), formulas: formulas(value.formulas, [i, 'types', type, 'formulas']) };
        }
      }
    }
    const list = formulas(entry.formulas, [i, 'formulas']);
    const events = eventsFrom(entry.events, [i, 'events'], text, fail);
    if (typeof from === 'number' && guidance && task) entries.push({ from, guidance, task, formulas: list, types, events });
  });
  if (problems.length) throw new UserError('invalid', problems);
  return entries;
}

type TextOf = (value: unknown, path: (string | number)[], what: string, required: boolean) => string | undefined;

const monthOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12 ? value : undefined;

/** An entry's `events:`, each problem reported at its place. */
function eventsFrom(
  value: unknown,
  path: (string | number)[],
  text: TextOf,
  fail: (path: (string | number)[], message: string) => void,
): WordingEvent[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    fail(path, 'events 应为列表，每项含 expected（预计的年月，如 2027-10）和 task、item、schedule');
    return [];
  }
  const out: WordingEvent[] = [];
  value.forEach((event: unknown, i) => {
    const at = [...path, i];
    if (!isDict(event)) {
      fail(at, 'events 的每项应为含 expected、task、item、schedule 的键值对');
      return;
    }
    for (const key of Object.keys(event))
      if (!['name', 'expected', 'task', 'item', 'schedule'].includes(key))
        fail([...at, key], `未知字段 ${quote(key)}，可用的字段：name、expected、task、item、schedule`);
    const when = /^(\d{4})-(\d{1,2})$/.exec(String(event.expected ?? '').trim());
    const month = when ? monthOf(Number(when[2])) : undefined;
    if (!when || !month)
      fail(
        event.expected === undefined ? at : [...at, 'expected'],
        `expected（预计的年月）应写成 2027-10 这样，实际为 ${quote(event.expected)}`,
      );
    const task = text(event.task, [...at, 'task'], 'task（计划期间含这个月时的中心任务）', false);
    let item: WordingEvent['item'];
    if (event.item !== undefined) {
      const it = isDict(event.item) ? event.item : {};
      const title = text(it.title, [...at, 'item', 'title'], 'item.title（条目标题）', true);
      const body = text(it.text, [...at, 'item', 'text'], 'item.text（条目内容）', true);
      if (title && body) item = { title, text: `${body}。` };
    }
    let schedule: WordingEvent['schedule'];
    if (event.schedule !== undefined) {
      const row = isDict(event.schedule) ? event.schedule : {};
      const rowMonth = monthOf(row.month);
      if (!rowMonth) fail([...at, 'schedule', 'month'], `schedule.month 应为 1 到 12 的整数，实际为 ${quote(row.month)}`);
      const words = text(row.item, [...at, 'schedule', 'item'], 'schedule.item（工作内容）', true);
      if (rowMonth && words) schedule = { month: rowMonth, item: words };
    }
    if (when && month)
      out.push({ year: Number(when[1]), month, ...(task ? { task } : {}), ...(item ? { item } : {}), ...(schedule ? { schedule } : {}) });
  });
  return out;
}

/** Reads a wording list from YAML text (the built-in file's format). */
export function parseWording(file: string, text: string): WordingEntry[] {
  const source = new YamlSource(file, text);
  const syntax = source.syntaxProblems();
  if (syntax.length) throw new UserError('invalid', syntax);
  return wordingFromData(file, source.doc.toJS(), (path) => source.locate(path));
}

let builtIn: WordingEntry[] | undefined;
const userLists = sessionCache<string, WordingEntry[]>('user-wording-lists', 64);

/** The built-in list: embedded in the bundle, or read from the package when running from source. */
function builtInWording(): WordingEntry[] {
  if (!builtIn) {
    if (EMBEDDED_WORDING !== undefined) builtIn = wordingFromData('wording.yaml', EMBEDDED_WORDING, () => ({}), true);
    else {
      const file = builtInWordingFile();
      builtIn = parseWording(file, readTextFileSync(file));
    }
  }
  return builtIn;
}

/** The built-in entries with the user's files laid over them: the same `from` replaces, types merge. */
function allEntries(userFiles: readonly string[]): WordingEntry[] {
  const byYear = new Map<number, WordingEntry>(builtInWording().map((e) => [e.from, e]));
  for (const file of userFiles) {
    let list = userLists.get(file);
    if (!list) {
      list = parseWording(file, readTextFileSync(file));
      userLists.set(file, list);
    }
    for (const entry of list) {
      const old = byYear.get(entry.from);
      byYear.set(entry.from, old ? { ...entry, types: { ...old.types, ...entry.types } } : entry);
    }
  }
  return [...byYear.values()].sort((a, b) => a.from - b.from);
}

/**
 * The current wording for a plan year and type: the last entry whose `from` is not after the
 * year. Undefined for a year before the list starts, for which nothing is known.
 */
export function wordingFor(year: number, type: string, userFiles: readonly string[] = []): YearWording | undefined {
  const entry = allEntries(userFiles)
    .filter((e) => e.from <= year)
    .pop();
  return entry ? yearWording(entry, type) : undefined;
}

/**
 * The wording a new plan is written with: the year's, or for a year before the list starts the
 * list's first entry, the nearest there is.
 */
export function wordingForNew(year: number, type: string, userFiles: readonly string[] = []): YearWording | undefined {
  const entries = allEntries(userFiles);
  const entry = entries.filter((e) => e.from <= year).pop() ?? entries[0];
  return entry ? yearWording(entry, type) : undefined;
}

function yearWording(entry: WordingEntry, type: string): YearWording {
  const own = entry.types[type];
  return {
    from: entry.from,
    guidance: own?.guidance ? `${entry.guidance}，${own.guidance}` : entry.guidance,
    task: entry.task,
    formulas: [...entry.formulas, ...(own?.formulas ?? [])],
    events: entry.events,
  };
}
