import { UserError, type Problem } from '../errors.js';
import { YamlSource } from '../io/yaml-source.js';
import { carriedCheck } from '../vocab/check-paths.js';
import { keysOf } from '../vocab/definition/field.js';
import { FONT_FIELDS, PLAN_FIELDS } from '../vocab/definition/plan-fields.js';
import { readValue } from '../vocab/definition/read-value.js';
import type { FontRole } from '../vocab/fonts.js';
import { readIssuing } from '../vocab/issuing.js';
import type { DocumentMeta } from './model.js';

/** The one-value keys a front matter may have (the issuing keys have their own reader). */
const FRONT_MATTER_SCALARS = PLAN_FIELDS.filter(
  (f) => f.frontMatter && !['object', 'list'].includes(f.kind) && !['kind', 'seal'].includes(f.key),
);

/**
 * Reads and checks the front matter of a Markdown plan. Every problem is reported with its line
 * and column in the Markdown file.
 */
export function readMeta(file: string, yaml: string | undefined): DocumentMeta {
  if (yaml === undefined) return { title: '' };
  const source = new YamlSource(file, yaml, 1);
  const syntax = source.syntaxProblems();
  if (syntax.length) throw new UserError('invalid', syntax);
  const data = (source.data() ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const fail = (key: string, message: string) => problems.push({ file, ...source.locate([key]), message });
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError('invalid', [{ file, line: 2, column: 1, message: 'front matter 应为键值对（title: …、org: …）' }]);
  }
  const meta: DocumentMeta = { title: '' };
  // The scalar keys of the outline's definition that a Markdown plan carries, read as an outline
  // reads them (a Chinese period as its key); a plan type is any text here (no registry is asked).
  for (const field of FRONT_MATTER_SCALARS) {
    const value = data[field.key];
    if (value === undefined || value === null) continue;
    const read = readValue(field, value, field.key);
    if (read.message !== undefined) fail(field.key, `front matter 中的${read.message}`);
    else if (read.value !== '' || field.key === 'title') (meta as unknown as Record<string, unknown>)[field.key] = read.value;
  }
  if (data.fonts !== undefined) {
    const fonts = data.fonts;
    if (typeof fonts !== 'object' || fonts === null || Array.isArray(fonts)) fail('fonts', 'front matter 中的 fonts（字体）应为键值对');
    else {
      const chosen: Partial<Record<FontRole, string>> = {};
      for (const [role, name] of Object.entries(fonts)) {
        if (keysOf(FONT_FIELDS).includes(role) && typeof name === 'string') chosen[role as FontRole] = name;
        else fail('fonts', `front matter 中的 fonts.${role} 无效：角色应为 ${keysOf(FONT_FIELDS).join('、')} 之一，值应为字体名称`);
      }
      meta.fonts = chosen;
    }
  }
  const issuing = readIssuing(data);
  for (const issue of issuing.issues)
    problems.push({ file, ...source.locate(issue.path, issue.at), message: `front matter 中的${issue.message}` });
  Object.assign(meta, issuing.fields);
  // `check` validates its settings itself, with positions; a mapping is carried on as it is.
  const check = carriedCheck(data.check, file);
  if (check) meta.check = check;
  if (problems.length) throw new UserError('invalid', problems);
  return meta;
}
