import { UserError, quote, type Problem } from '../errors.js';
import { FONT_ROLES, type FontRole } from '../vocab/fonts.js';
import { carriedCheck } from '../vocab/check-paths.js';
import { isoFromText, planYear } from '../vocab/dates.js';
import { LEVELS, isLevel } from '../vocab/level.js';
import { readIssuing } from '../vocab/issuing.js';
import { PERIOD_CHOICES, toPeriod } from '../vocab/periods.js';
import { YamlSource } from '../io/yaml-source.js';
import { ITEM_STYLES, type ItemStyle } from '../vocab/item-style.js';
import type { DocumentMeta } from './model.js';

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
  const text = (key: string, label: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    fail(key, `front matter 中的 ${key}（${label}）应为文本，实际为 ${quote(value)}`);
    return undefined;
  };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError('invalid', [{ file, line: 2, column: 1, message: 'front matter 应为键值对（title: …、org: …）' }]);
  }
  const meta: DocumentMeta = { title: text('title', '标题') ?? '' };
  const org = text('org', '工会全称');
  if (org) meta.org = org;
  if (data.level !== undefined && data.level !== null) {
    if (isLevel(data.level)) meta.level = data.level;
    else fail('level', `front matter 中的 level（本级）${quote(data.level)} 无效，应为 ${LEVELS.join('、')} 之一`);
  }
  const superior = text('superior', '上级工会');
  if (superior) meta.superior = superior;
  const type = text('type', '计划类型');
  if (type) meta.type = type;
  if (data.year !== undefined) {
    const year = planYear(data.year);
    if (year !== undefined) meta.year = year;
    else fail('year', `front matter 中的 year（年度）${quote(data.year)} 无效，应为四位数的年份，如 2027`);
  }
  if (data.period !== undefined) {
    const period = toPeriod(data.period);
    if (period) meta.period = period;
    else fail('period', `front matter 中的 period（计划期间）${quote(data.period)} 无效，应为 ${PERIOD_CHOICES} 之一`);
  }
  if (data.itemStyle !== undefined) {
    if ((ITEM_STYLES as readonly unknown[]).includes(data.itemStyle)) meta.itemStyle = data.itemStyle as ItemStyle;
    else fail('itemStyle', `front matter 中的 itemStyle（条目样式）${quote(data.itemStyle)} 无效，应为 ${ITEM_STYLES.join('、')} 之一（条目标题接排正文、接排且加粗、单独成行）`);
  }
  if (data.date !== undefined) {
    const iso = isoFromText(data.date);
    if (iso) meta.date = iso;
    else fail('date', `front matter 中的 date（落款日期）${quote(data.date)} 无效，应为 YYYY-MM-DD 格式，如 2027-01-05`);
  }
  if (data.fonts !== undefined) {
    const fonts = data.fonts;
    if (typeof fonts !== 'object' || fonts === null || Array.isArray(fonts)) fail('fonts', 'front matter 中的 fonts（字体）应为键值对');
    else {
      const chosen: Partial<Record<FontRole, string>> = {};
      for (const [role, name] of Object.entries(fonts)) {
        if ((FONT_ROLES as readonly string[]).includes(role) && typeof name === 'string') chosen[role as FontRole] = name;
        else fail('fonts', `front matter 中的 fonts.${role} 无效：角色应为 ${FONT_ROLES.join('、')} 之一，值应为字体名称`);
      }
      meta.fonts = chosen;
    }
  }
  const issuing = readIssuing(data);
  for (const issue of issuing.issues) problems.push({ file, ...source.locate(issue.path, issue.at), message: `front matter 中的${issue.message}` });
  Object.assign(meta, issuing.fields);
  // `check` validates its settings itself, with positions; a mapping is carried on as it is.
  const check = carriedCheck(data.check, file);
  if (check) meta.check = check;
  if (problems.length) throw new UserError('invalid', problems);
  return meta;
}
