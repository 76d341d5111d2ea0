import { LineCounter, parseDocument, isMap, isPair, isScalar, visit, type Document, type Node as YamlNode } from 'yaml';
import { UserError, type Problem } from '../errors.js';
import type { FieldPath } from './field-path.js';

/** Chinese explanations for the YAML syntax errors users meet most. */
const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: '缩进不正确：同一层的字段要对齐，请用空格（不要用 Tab）缩进',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  MISSING_CHAR: '缺少字符（如引号或括号没有成对）',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不正确（冒号后面要有空格）',
  DUPLICATE_KEY: '同一层里字段名重复',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行，冒号后面要有一个空格',
  UNEXPECTED_TOKEN: '出现了不该出现的符号',
  BAD_SCALAR_START: '文字开头的符号有特殊含义，请把整段文字用引号括起来',
  MULTIPLE_DOCS: '文件里有多个 YAML 文档（多余的“---”）',
  IMPOSSIBLE: '无法解析',
};

/** How often the data of one anchor may be copied by aliases (the \`yaml\` package's default). */
const MAX_ALIAS_COUNT = 100;

/** The offset of the first alias in a document, to point a message at. */
function firstAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias: (_key, node) => {
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}

/** A YAML text parsed with positions, so any field can be pointed at by line and column. */
export class YamlSource {
  readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
    /** Lines before the YAML in the file (front matter starts after `---`). */
    private readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
  }

  /**
   * The document as plain data. Aliases (`*a`) are expanded here, and a few lines of aliases of
   * aliases can expand into billions of values (an "alias bomb"): the \`yaml\` package stops after
   * 100 expansions of one anchor's data, and that is said as the user's problem, not ours.
   */
  data(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
      const anchor = firstAlias(this.doc);
      const where = anchor === undefined ? { line: 1 + this.lineOffset, column: 1 } : this.position(anchor);
      throw new UserError('invalid', [
        {
          file: this.file,
          ...where,
          message: `YAML 别名（*名称）展开后过大：别名引用层层叠加，展开的内容超过上限（每个锚点最多展开 ${MAX_ALIAS_COUNT} 次）。请直接写出内容，不要用 & 和 * 重复引用`,
        },
      ]);
    }
  }

  private position(offset: number): { line: number; column: number } {
    const pos = this.lines.linePos(offset);
    return { line: pos.line + this.lineOffset, column: pos.col };
  }

  /** Syntax errors, each with its place and a Chinese explanation. */
  syntaxProblems(): Problem[] {
    return this.doc.errors.map((error) => {
      const pos = this.lines.linePos(error.pos[0]);
      const detail = error.message.split('\n')[0] ?? '';
      // Thousands of lists or mappings inside each other overflow the parser's stack; it reports that as a syntax error.
      const tooDeep = /call stack/i.test(detail);
      const hint = tooDeep
        ? 'YAML 嵌套层数过多（列表、键值对或 [ ] { } 一层套一层），提纲用不到这么多层，请简化'
        : (YAML_HINTS[error.code] ?? 'YAML 格式不正确');
      if (tooDeep) return { file: this.file, line: pos.line + this.lineOffset, column: pos.col, message: `YAML 语法错误：${hint}` };
      return { file: this.file, line: pos.line + this.lineOffset, column: pos.col, message: `YAML 语法错误：${hint}（${detail}）` };
    });
  }

  /** The line and column of the field at `path`, or of its nearest existing parent. */
  locate(path: FieldPath, at: 'key' | 'value' = 'value'): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let offset = 0;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
        if (!pair) break;
        const keyNode = pair.key as YamlNode;
        if (last && at === 'key') {
          offset = keyNode.range?.[0] ?? offset;
          node = undefined;
          break;
        }
        offset = keyNode.range?.[0] ?? offset;
        node = pair.value;
        const valueNode = node as YamlNode | null;
        if (valueNode?.range) offset = valueNode.range[0];
      } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
        const child = (node as { items: unknown[] }).items[Number(part)] as YamlNode | undefined;
        if (!child) break;
        node = child;
        if (child.range) offset = child.range[0];
      } else break;
    }
    const pos = this.lines.linePos(offset);
    return { line: pos.line + this.lineOffset, column: pos.col };
  }
}
