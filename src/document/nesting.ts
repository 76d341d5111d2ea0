import type { Node, Parent } from 'mdast';
import { UserError } from '../errors.js';

/**
 * How deep Markdown may nest: quotes in quotes, lists in lists, emphasis in emphasis. A plan needs
 * three or four levels; every stage after the parser walks the tree recursively, and thousands of
 * levels (`> > > …`) would overflow the stack, so a deeper file is refused before any walk.
 */
export const MAX_NESTING = 100;

/**
 * Throws a `UserError` naming the first place where the tree nests deeper than
 * {@link MAX_NESTING}. Walks with its own stack, so the check itself cannot overflow.
 * `linesBefore` turns body lines into file lines.
 */
export function assertNesting(tree: Parent, file: string, linesBefore: number): void {
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_NESTING) {
      const start = node.position?.start;
      throw new UserError('invalid', [
        {
          file,
          line: (start?.line ?? 1) + linesBefore,
          column: start?.column ?? 1,
          message: `Markdown 嵌套层数过多：引用（>）、列表或强调（*）一层套一层，超过了 ${MAX_NESTING} 层的上限。工作计划用不到这么多层，请去掉多余的“>”“-”“*”`,
        },
      ]);
    }
    if ('children' in node && Array.isArray((node as Parent).children)) {
      const children = (node as Parent).children;
      // Last child first onto the stack, so the first deep place in the file is the one reported.
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1 });
    }
  }
}
