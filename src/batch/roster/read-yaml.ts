import { UserError } from '../../errors.js';
import { YamlSource } from '../../io/yaml-source.js';
import { columnFor } from './columns.js';
import type { Roster, RosterRow } from './roster.js';

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Reads a YAML roster: a list with one mapping per union, keyed like the columns of a CSV
 * (`org` or 单位名称 …). Fields such as `targets` and `sections` are written as in plan.yaml.
 * Row numbers are the lines where each union and each field start. Returns undefined when
 * no union has a known field.
 */
export function readYamlRoster(file: string, text: string): Roster | undefined {
  const source = new YamlSource(file, text);
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) throw new UserError('invalid', syntax);
  const data: unknown = source.data();
  if (data === null || data === undefined) return { file, format: 'yaml', rows: [], ignoredHeaders: [] };
  if (!Array.isArray(data)) {
    throw new UserError('invalid', [
      { file, line: 1, column: 1, message: 'YAML 名录应为列表：每个单位一项，以“- ”开头，如 “- 单位名称: 城南实验小学工会”' },
    ]);
  }
  const ignored = new Set<string>();
  let known = false;
  const rows: RosterRow[] = data.map((item, i) => {
    const row = source.locate([i]).line;
    if (!isDict(item)) return { index: i + 1, row, cells: [], problem: '这一项应为键值对（如 单位名称: 某某工会），每个单位一项' };
    const cells = Object.entries(item).map(([header, value]) => {
      if (columnFor(header)) known = true;
      else ignored.add(header);
      return { header, value, line: source.locate([i, header], 'key').line };
    });
    return { index: i + 1, row, cells };
  });
  if (rows.length > 0 && !known) return undefined;
  return { file, format: 'yaml', rows, ignoredHeaders: [...ignored] };
}
