import { UserError, quote, type Problem } from '../../errors.js';
import { columnFor } from './columns.js';
import { columnLetter, type Roster } from './roster.js';

/**
 * Checks a CSV or Excel roster's header as a whole, before any row: two columns for one field,
 * or no column for the union's name (or for its type, unless `--outline` gives one), would
 * otherwise fail every row alike. A YAML roster's keys are checked row by row instead.
 */
export function checkRosterColumns(roster: Roster, typeFromBase: boolean): void {
  if (roster.format === 'yaml') return;
  const cells = roster.rows[0]?.cells ?? [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const cell of cells) {
    const spec = columnFor(cell.header);
    if (!spec) continue;
    const earlier = seen.get(spec.key);
    if (earlier !== undefined) {
      problems.push({
        file: roster.file,
        message: `${quote(earlier)}列和 ${quote(cell.header)}列（${columnLetter(cell.column ?? 0)} 列）都表示${spec.header}（${spec.key}），请删去一列`,
      });
    } else seen.set(spec.key, cell.header);
  }
  if (!seen.has('org')) problems.push({ file: roster.file, message: '名录缺少“单位名称”列（也可写作 org、工会名称）' });
  if (!seen.has('type') && !typeFromBase) {
    problems.push({ file: roster.file, message: '名录缺少“类型”列（也可写作 type、计划类型）；或用 --outline 给出含 type 的共同提纲' });
  }
  if (problems.length > 0) throw new UserError('invalid', problems);
}
