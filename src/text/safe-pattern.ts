import { parse, type AstNode } from 'regjsparser';

/**
 * A user's `pattern` runs against every paragraph of every plan, and JavaScript regular expressions
 * backtrack: `(a+)+$` takes longer than the age of the universe on a line of forty a's. A pattern
 * is accepted only when the ways it can try to match at one place are few and counted in advance:
 * no unbounded repetition (`*`, `+`, `{n,}`), no back-references, and at most
 * {@link MAX_PATTERN_PATHS} combinations of optional parts, branches and repetitions. Matching then
 * costs at most a fixed amount per character, whatever the text.
 */
export const MAX_PATTERN_PATHS = 1000;

/** The longest pattern accepted, in characters. */
export const MAX_PATTERN_LENGTH = 200;

class Unsafe extends Error {}

/** How many ways `node` can match at one place, at most (`Infinity` past any use). */
function paths(node: AstNode): number {
  switch (node.type) {
    case 'alternative':
      return node.body.reduce((product, child) => product * paths(child), 1);
    case 'disjunction':
      return node.body.reduce((sum, child) => sum + paths(child), 0);
    case 'group':
      return node.body.reduce((product, child) => product * paths(child), 1);
    case 'quantifier': {
      if (node.max === undefined) throw new Unsafe('不能用 *、+ 或 {n,} 这类不限次数的重复，请写出次数上限，如 {0,3}');
      const body = paths(node.body[0]);
      let total = 0;
      for (let k = node.min; k <= node.max && total <= MAX_PATTERN_PATHS; k++) total += body ** k;
      return total;
    }
    case 'reference':
      throw new Unsafe('不能用反向引用（\\1 或 \\k<名称>）');
    default:
      return 1;
  }
}

/**
 * Why a user's pattern is refused, in Chinese, or undefined when it is safe to run. The pattern is
 * assumed to compile (the caller has tried `new RegExp`).
 */
export function unsafePattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `太长（超过 ${MAX_PATTERN_LENGTH} 个字符），请拆成几项`;
  try {
    const count = paths(parse(pattern, 'u', { lookbehind: true, namedGroups: true, unicodePropertyEscape: true }) as AstNode);
    if (count > MAX_PATTERN_PATHS)
      return `可选部分、分支和重复的组合太多（超过 ${MAX_PATTERN_PATHS} 种），匹配会很慢，请拆成几项或写得更具体`;
    return undefined;
  } catch (error) {
    if (error instanceof Unsafe) return error.message;
    return '写法本程序无法分析，请改用更简单的写法';
  }
}
