import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { Problem } from '../errors.js';
import type { FieldPath } from './validate.js';

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

  /** Syntax errors, each with its place and a Chinese explanation. */
  syntaxProblems(): Problem[] {
    return this.doc.errors.map((error) => {
      const pos = this.lines.linePos(error.pos[0]);
      const hint = YAML_HINTS[error.code] ?? 'YAML 格式不正确';
      const detail = error.message.split('\n')[0] ?? '';
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
