import { unsafePattern } from '../../text/safe-pattern.js';

/** Where in a list a problem is, and how it is reported. */
export type Fail = (path: (string | number)[], message: string) => void;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The matcher of a list entry that names its wording by `text` (the literal words) or `pattern` (a
 * regular expression), with every mistake reported at `at` or the field: the lists are the user's
 * to extend. A user's pattern (`builtIn` false) must match in bounded time (`safe-pattern.ts`).
 */
export function readMatcher(
  entry: Record<string, unknown>,
  at: (string | number)[],
  label: string,
  fail: Fail,
  builtIn: boolean,
): RegExp | undefined {
  if ((entry.text === undefined) === (entry.pattern === undefined)) {
    fail(at, `${label}应有 text（原文）或 pattern（正则表达式）之一，且只有一个`);
    return undefined;
  }
  if (entry.text !== undefined) {
    if (typeof entry.text === 'string' && entry.text.trim()) return new RegExp(escapeRegExp(entry.text.trim()), 'gu');
    fail([...at, 'text'], 'text（原文）应为非空文本');
    return undefined;
  }
  if (typeof entry.pattern !== 'string' || !entry.pattern.trim()) {
    fail([...at, 'pattern'], 'pattern（正则表达式）应为非空文本');
    return undefined;
  }
  let matcher: RegExp;
  try {
    matcher = new RegExp(entry.pattern, 'gu');
  } catch {
    fail([...at, 'pattern'], 'pattern（正则表达式）写法有误（如括号不成对），请检查');
    return undefined;
  }
  const unsafe = builtIn ? undefined : unsafePattern(entry.pattern);
  if (unsafe) {
    fail([...at, 'pattern'], `pattern（正则表达式）不能使用：${unsafe}`);
    return undefined;
  }
  return matcher;
}
