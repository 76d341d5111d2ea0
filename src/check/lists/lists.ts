import { join } from 'node:path';
import { UserError, type Problem } from '../../errors.js';
import { readTextFileSync } from '../../io/read-text-file.js';
import { YamlSource } from '../../io/yaml-source.js';
import { packageRoot } from '../../package-root.js';
import { sessionCache } from '../../session/session.js';
import { LEVELS } from '../../vocab/level.js';
import { unreadableReferences } from '../references/references.js';
import { EMBEDDED_LISTS } from './embedded-lists.js';
import { readMatcher, type Fail } from './matcher.js';

/** A word of a list, found by its literal text or a pattern. */
export interface ListWord {
  matcher: RegExp;
  note?: string;
}

/** A frequency (每季度) and the months between two times of the work it names. */
export interface FrequencyWord extends ListWord {
  months: number;
}

/** A word that does not belong in plans of these levels (and types). */
export interface LevelWord extends ListWord {
  /** Levels of vocab/level.ts, or 基层 for a union below them. */
  levels: string[];
  /** Plan type keys; every type when absent. */
  types?: string[];
  suggestion?: string;
}

/** Work a plan of these types (and levels) must name. */
export interface Staple extends ListWord {
  name: string;
  types: string[];
  levels?: string[];
  suggestion?: string;
}

/** The word lists of check-lists.yaml, the built-in ones followed by the user's. */
export interface CheckLists {
  nonValues: ListWord[];
  frequencies: FrequencyWord[];
  commonWords: ListWord[];
  levels: LevelWord[];
  staples: Staple[];
}

/** The level of a union below the regional ones (a school's, a company's, their 经审会's). */
export const GRASSROOTS = '基层';
const LEVEL_VALUES: readonly string[] = [...LEVELS, GRASSROOTS];
const INTERVALS = [1, 2, 3, 4, 6];

/** Each group of the file, its field for messages, and the keys an entry of it may have. */
const GROUPS = {
  'non-values': { field: 'nonValues', keys: ['text', 'pattern', 'note'] },
  frequencies: { field: 'frequencies', keys: ['text', 'pattern', 'months', 'note'] },
  'common-words': { field: 'commonWords', keys: ['text', 'pattern', 'note'] },
  levels: { field: 'levels', keys: ['text', 'pattern', 'levels', 'types', 'note', 'suggestion'] },
  staples: { field: 'staples', keys: ['name', 'text', 'pattern', 'types', 'levels', 'note', 'suggestion'] },
} as const;
type Group = keyof typeof GROUPS;

/** The list that comes with unionplan. */
export function builtInListsFile(): string {
  return join(packageRoot(), 'src', 'check', 'lists', 'check-lists.yaml');
}

type Locate = (path: (string | number)[], where?: 'key' | 'value') => { line?: number; column?: number };
type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a file of word lists, reporting every problem at `file:line:column`: the lists are the
 * user's to extend, so a typo must say where it is. Neither the user's keys nor values are quoted.
 */
function listsFromData(file: string, data: unknown, locate: Locate, builtIn = false): CheckLists {
  const problems: Problem[] = [];
  const fail: Fail = (path, message) => problems.push({ file, ...locate(path), message });
  const failKey: Fail = (path, message) => problems.push({ file, ...locate(path, 'key'), message });
  const lists: CheckLists = { nonValues: [], frequencies: [], commonWords: [], levels: [], staples: [] };
  if (data === null || data === undefined) return lists;
  if (!isDict(data)) {
    throw new UserError('invalid', [
      { file, line: 1, column: 1, message: `检查词表应为按组分列的键值对，可用的组：${Object.keys(GROUPS).join('、')}` },
    ]);
  }
  const text = (value: unknown, path: (string | number)[], what: string): string | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value.trim()) return value.trim();
    fail(path, `${what}应为非空文本`);
    return undefined;
  };
  const names = (value: unknown, path: (string | number)[], what: string, allowed?: readonly string[]): string[] | undefined => {
    if (value === undefined) return undefined;
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.length === 0) {
      fail(path, `${what}应为文本或非空列表，如 [${allowed?.slice(0, 2).join(', ') ?? 'school, town'}]`);
      return undefined;
    }
    const out: string[] = [];
    list.forEach((v: unknown, k) => {
      const at = typeof value === 'string' ? path : [...path, k];
      if (typeof v !== 'string' || !v.trim()) fail(at, `${what}的每项应为非空文本`);
      else if (allowed && !allowed.includes(v.trim())) fail(at, `${what}的第 ${k + 1} 项无效，可用的：${allowed.join('、')}`);
      else out.push(v.trim());
    });
    return out;
  };
  for (const [key, value] of Object.entries(data)) {
    if (!(key in GROUPS)) {
      failKey([key], `检查词表中的未知组，可用的组：${Object.keys(GROUPS).join('、')}`);
      continue;
    }
    const group = GROUPS[key as Group];
    if (value === null || value === undefined) continue;
    if (!Array.isArray(value)) {
      fail([key], `${key} 应为列表，每项以“- ”开头`);
      continue;
    }
    value.forEach((entry: unknown, i) => {
      const at = [key, i];
      const label = `${key} 的第 ${i + 1} 项`;
      if (!isDict(entry)) {
        fail(at, `${label}应为含 text（或 pattern）的键值对`);
        return;
      }
      for (const k of Object.keys(entry))
        if (!(group.keys as readonly string[]).includes(k)) failKey([...at, k], `${label}有未知字段，可用的字段：${group.keys.join('、')}`);
      const before = problems.length;
      const matcher = readMatcher(entry, at, label, fail, builtIn);
      const note = text(entry.note, [...at, 'note'], 'note（说明）');
      const word: ListWord = { matcher: matcher ?? /(?!)/gu, ...(note ? { note } : {}) };
      if (key === 'frequencies') {
        const months = entry.months;
        if (!(typeof months === 'number' && INTERVALS.includes(months)))
          fail(months === undefined ? at : [...at, 'months'], `months（间隔的月数）应为 ${INTERVALS.join('、')} 之一，如每季度为 3`);
        if (problems.length === before) lists.frequencies.push({ ...word, months: months as number });
      } else if (key === 'levels') {
        const levels = names(entry.levels, [...at, 'levels'], 'levels（层级）', LEVEL_VALUES);
        if (entry.levels === undefined) fail(at, `${label}应有 levels（层级），如 levels: [乡]`);
        const types = names(entry.types, [...at, 'types'], 'types（计划类型）');
        const suggestion = text(entry.suggestion, [...at, 'suggestion'], 'suggestion（怎么改）');
        if (problems.length === before)
          lists.levels.push({ ...word, levels: levels!, ...(types ? { types } : {}), ...(suggestion ? { suggestion } : {}) });
      } else if (key === 'staples') {
        const name = text(entry.name, [...at, 'name'], 'name（名称）');
        if (entry.name === undefined) fail(at, `${label}应有 name（提示时显示的名称）`);
        const types = names(entry.types, [...at, 'types'], 'types（计划类型）');
        if (entry.types === undefined) fail(at, `${label}应有 types（计划类型），如 types: [community]`);
        const levels = names(entry.levels, [...at, 'levels'], 'levels（层级）', LEVEL_VALUES);
        const suggestion = text(entry.suggestion, [...at, 'suggestion'], 'suggestion（怎么改）');
        if (problems.length === before)
          lists.staples.push({
            ...word,
            name: name!,
            types: types!,
            ...(levels ? { levels } : {}),
            ...(suggestion ? { suggestion } : {}),
          });
      } else if (problems.length === before) lists[group.field as 'nonValues' | 'commonWords'].push(word);
    });
  }
  if (problems.length)
    throw new UserError(
      'invalid',
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
    );
  return lists;
}

/**
 * Reads word lists from YAML text (the built-in file's format). A user's file (`builtIn` false) may
 * use only patterns that match in bounded time.
 */
export function parseLists(file: string, text: string, builtIn = false): CheckLists {
  const source = new YamlSource(file, text);
  // Syntax errors are said without the yaml package's detail, which quotes the file's lines.
  const syntax = source.syntaxProblems().map(({ message, ...where }) => ({ ...where, message: message.replace(/（[^（]*）$/, '') }));
  if (syntax.length) throw new UserError('invalid', syntax);
  return listsFromData(file, source.data(), (path, where) => source.locate(path, where), builtIn);
}

function builtInLists(): CheckLists {
  if (EMBEDDED_LISTS !== undefined) return listsFromData('check-lists.yaml', EMBEDDED_LISTS, () => ({}), true);
  const file = builtInListsFile();
  return parseLists(file, readTextFileSync(file), true);
}

const BUILT_IN = Symbol('built-in');
const cache = sessionCache<string | typeof BUILT_IN, CheckLists>('check-lists', 64);

/** The built-in lists followed by the user's (`check.lists`), each file read once per run. */
export function loadLists(userFiles: readonly string[] = []): CheckLists {
  let builtIn = cache.get(BUILT_IN);
  if (!builtIn) {
    builtIn = builtInLists();
    cache.set(BUILT_IN, builtIn);
  }
  if (userFiles.length === 0) return builtIn;
  const all: CheckLists = {
    nonValues: [...builtIn.nonValues],
    frequencies: [...builtIn.frequencies],
    commonWords: [...builtIn.commonWords],
    levels: [...builtIn.levels],
    staples: [...builtIn.staples],
  };
  for (const file of userFiles) {
    let lists = cache.get(file);
    if (!lists) {
      const problem = unreadableReferences(file);
      if (problem) throw new UserError('input', [{ file, message: `check.lists 指定的文件${problem}` }]);
      lists = parseLists(file, readTextFileSync(file));
      cache.set(file, lists);
    }
    all.nonValues.push(...lists.nonValues);
    all.frequencies.push(...lists.frequencies);
    all.commonWords.push(...lists.commonWords);
    all.levels.push(...lists.levels);
    all.staples.push(...lists.staples);
  }
  return all;
}
