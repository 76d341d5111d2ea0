import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { UserError, type Problem } from '../../errors.js';
import { readTextFileSync } from '../../io/read-text-file.js';
import { YamlSource } from '../../io/yaml-source.js';
import { EMBEDDED_REFERENCES } from './embedded-references.js';
import { packageRoot } from '../../package-root.js';
import { readMatcher } from '../lists/matcher.js';
import { sessionCache } from '../../session/session.js';

/** A wording that a later congress, plenum or plan has replaced (see dated-references.yaml). */
export interface DatedReference {
  /** How the wording is found: the literal text or the user's regular expression. */
  matcher: RegExp;
  /** The first plan year in which the wording is outdated. */
  since: number;
  /** What replaced it. */
  replacement: string;
  note?: string;
}

/** The list that comes with unionplan. */
export function builtInReferencesFile(): string {
  return join(packageRoot(), 'src', 'check', 'references', 'dated-references.yaml');
}

/** Where an entry of a list is, for messages about the list itself. */
type Locate = (path: (string | number)[]) => { line?: number; column?: number };

/**
 * Checks the entries of a list of outdated wordings, reporting all problems with
 * `file:line:column`: the list is the user's to extend, so a typo must say where it is.
 */
function referencesFromData(file: string, data: unknown, locate: Locate, builtIn = false): DatedReference[] {
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string) => problems.push({ file, ...locate(path), message });
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    throw new UserError('invalid', [
      { file, line: 1, column: 1, message: '过时提法列表应为列表，每项以“- ”开头，含 text（或 pattern）、since、replacement' },
    ]);
  }
  const out: DatedReference[] = [];
  data.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      fail([i], `第 ${i + 1} 项应为含 text（或 pattern）、since、replacement 的键值对`);
      return;
    }
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      // Neither keys nor values of the list are quoted: `references` may name any file, and its content is not ours to echo.
      if (!['text', 'pattern', 'since', 'replacement', 'note'].includes(key))
        fail([i, key], `第 ${i + 1} 项有未知字段，可用的字段：text、pattern、since、replacement、note`);
    }
    const matcher = readMatcher(e, [i], `第 ${i + 1} 项`, fail, builtIn);
    const since = e.since;
    if (!(typeof since === 'number' && Number.isInteger(since) && since >= 1949 && since <= 2200)) {
      fail(e.since === undefined ? [i] : [i, 'since'], 'since（从哪一年起过时）应为四位数的年份，如 2023');
    }
    if (typeof e.replacement !== 'string' || !e.replacement.trim())
      fail(e.replacement === undefined ? [i] : [i, 'replacement'], 'replacement（应改为的提法）应为非空文本');
    if (e.note !== undefined && typeof e.note !== 'string') fail([i, 'note'], 'note（说明）应为文本');
    if (!matcher || problems.length) return;
    out.push({
      matcher,
      since: since as number,
      replacement: (e.replacement as string).trim(),
      ...(typeof e.note === 'string' ? { note: e.note } : {}),
    });
  });
  if (problems.length) throw new UserError('invalid', problems);
  return out;
}

/**
 * Reads a list of outdated wordings from YAML text (the built-in file's format). A user's list
 * (`builtIn` false) may use only patterns that match in bounded time (`safe-pattern.ts`).
 */
export function parseReferences(file: string, text: string, builtIn = false): DatedReference[] {
  const source = new YamlSource(file, text);
  // Syntax errors are said without the yaml package's detail, which quotes the file's lines.
  const syntax = source.syntaxProblems().map(({ message, ...where }) => ({ ...where, message: message.replace(/（[^（]*）$/, '') }));
  if (syntax.length) throw new UserError('invalid', syntax);
  return referencesFromData(file, source.data(), (path) => source.locate(path), builtIn);
}

/** The largest list of outdated wordings read (the built-in one is about 10 KB). */
export const MAX_REFERENCES_BYTES = 1024 * 1024;

/**
 * Why `file` cannot be a list of outdated wordings, or undefined when it can be read: it must be
 * a regular file (a device such as /dev/zero never ends, a named pipe waits forever) of at most
 * {@link MAX_REFERENCES_BYTES}. Only metadata is looked at, so nothing can hang here.
 */
export function unreadableReferences(file: string): string | undefined {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch {
    return '不存在或无法访问';
  }
  if (stats.isDirectory()) return '是一个文件夹，应为列表文件（.yaml）';
  if (!stats.isFile()) return '不是普通文件（是设备、管道或套接字），应为列表文件（.yaml）';
  if (stats.size > MAX_REFERENCES_BYTES)
    return `太大（${Math.ceil(stats.size / 1024)} KB），列表文件最大 ${MAX_REFERENCES_BYTES / 1024} KB`;
  return undefined;
}

/** The built-in list: embedded in the bundle, or read from the package when running from source. */
function builtInReferences(): DatedReference[] {
  if (EMBEDDED_REFERENCES !== undefined) return referencesFromData('dated-references.yaml', EMBEDDED_REFERENCES, () => ({}), true);
  const file = builtInReferencesFile();
  return parseReferences(file, readTextFileSync(file), true);
}

const BUILT_IN = Symbol('built-in');
const cache = sessionCache<string | typeof BUILT_IN, DatedReference[]>('dated-references', 64);

/** The built-in list followed by the user's lists, each read once per run. */
export function loadReferences(userFiles: readonly string[] = []): DatedReference[] {
  let builtIn = cache.get(BUILT_IN);
  if (!builtIn) {
    builtIn = builtInReferences();
    cache.set(BUILT_IN, builtIn);
  }
  // The same array every time when there is nothing to add, so derived patterns are kept.
  if (userFiles.length === 0) return builtIn;
  const all = [...builtIn];
  for (const file of userFiles) {
    let list = cache.get(file);
    if (!list) {
      const problem = unreadableReferences(file);
      if (problem) throw new UserError('input', [{ file, message: `check.references 指定的文件${problem}` }]);
      list = parseReferences(file, readTextFileSync(file));
      cache.set(file, list);
    }
    for (const reference of list) all.push(reference);
  }
  return all;
}

/**
 * What to write instead of an outdated reference in a plan for `year`: its replacement, or, when
 * that is outdated too, the replacement's own, and so on (十一五 → 十二五 → … → 十五五).
 */
export function currentReplacement(reference: DatedReference, year: number, all: readonly DatedReference[]): string {
  let replacement = reference.replacement;
  const seen = new Set<DatedReference>([reference]);
  for (;;) {
    // The whole replacement must be the outdated wording: 中国工会十八大 is not the party's 十八大.
    const next = all.find((r) => !seen.has(r) && r.since <= year && new RegExp(`^(?:${r.matcher.source})$`, 'u').test(replacement));
    if (!next) return replacement;
    seen.add(next);
    replacement = next.replacement;
  }
}
