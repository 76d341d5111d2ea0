import { defaultPlanDate, defaultPlanYear, planYear } from '../../vocab/dates.js';
import { PLAN_KEYS } from '../../vocab/definition/plan-fields.js';
import type { FontRole } from '../../vocab/fonts.js';
import { isLevel } from '../../vocab/level.js';
import { toPeriod } from '../../vocab/periods.js';
import type { Outline } from '../../outline/types.js';
import { validateOutline } from '../../outline/validate.js';
import { newOutlineFields } from '../../templates/new-outline.js';
import type { TemplateRegistry } from '../../templates/registry.js';
import type { BaseOutline } from './base-outline.js';
import type { TypeNames } from '../../templates/type-names.js';
import { cellProblem, rowFields, rowName, type RowProblem } from './row-fields.js';
import { isBlank, type Roster, type RosterRow } from '../roster/roster.js';

/** What turning a row into an outline needs. */
export interface RowContext {
  roster: Roster;
  registry: TemplateRegistry;
  types: TypeNames;
  /** `--outline`: the shared starting outline instead of each type's defaults. */
  base?: BaseOutline;
  /** The unit's defaults (unionplan.config.yaml): a row or the `--outline` base that says otherwise wins. */
  defaults?: RowDefaults;
  today: Date;
}

/** What unionplan.config.yaml gives every row of a batch. */
export interface RowDefaults {
  superior?: string;
  fonts?: Partial<Record<FontRole, string>>;
}

/** A row made into an outline, or the reasons it could not be. */
export interface RowOutline {
  /** The union's name as the row gives it (trimmed), to name its files even when the row fails. */
  name?: string;
  /** The type as resolved, for the report. */
  type?: string;
  /** The validated outline, when the row has no problem. */
  outline?: Outline;
  /** The merged fields as a plan.yaml would list them (`--emit outline`). */
  fields?: Record<string, unknown>;
  problems: RowProblem[];
}

const ORDER = PLAN_KEYS;

function isFontMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The starting outline with the row's fields laid over it, keys in plan.yaml order. */
function merge(start: Record<string, unknown>, row: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = key in row ? row[key] : start[key];
    if (value !== undefined) merged[key] = value;
  }
  for (const [key, value] of Object.entries(start)) if (!(key in merged)) merged[key] = value;
  return merged;
}

/**
 * Makes one roster row into an outline: the type's default outline (as `unionplan new` writes
 * it, for the row's year and period) or the `--outline` base, with the row's fields laid over
 * it, then checked by the same validator as a plan.yaml. Problems point at the row and column.
 */
export async function rowOutline(row: RosterRow, context: RowContext): Promise<RowOutline> {
  const { roster, registry, types, base, today, defaults } = context;
  const { fields, sources, problems } = rowFields(roster, row, types);
  // The config's superior, where neither the row nor the --outline base names one.
  if (defaults?.superior && fields.superior === undefined && base?.fields.superior === undefined) fields.superior = defaults.superior;
  const org = fields.org;
  const name = rowName(row);
  const type = typeof fields.type === 'string' ? fields.type : typeof base?.fields.type === 'string' ? base.fields.type : undefined;
  const orgCell = sources.get('org');
  // A name cell already found wrong (an Excel error value) is not also “empty”.
  if (org === undefined && !(orgCell && problems.some((p) => p.header === orgCell.header))) {
    problems.push(cellProblem(row, orgCell, orgCell ? '单位名称为空：每一行都要写工会全称' : '缺少单位名称（单位名称 / org）'));
  }
  const typeCell = sources.get('type');
  // A type cell with an unknown value has been reported already by rowFields.
  if (type === undefined && (!typeCell || isBlank(typeCell.value))) {
    problems.push(cellProblem(row, typeCell, `${typeCell ? '类型为空' : '缺少类型（类型 / type）'}：应为 ${types.list} 之一`));
  }
  if (problems.length > 0 || type === undefined) return { name, type, problems };

  let start: Record<string, unknown>;
  if (base) start = base.fields;
  else {
    const template = await registry.get(type);
    const year = planYear(fields.year) ?? defaultPlanYear(today);
    const period = toPeriod(fields.period) ?? template.meta.period;
    // The row's superior and level reach the default text (“根据××教育工会的工作部署”, 全县).
    start = newOutlineFields(template, {
      org: String(fields.org),
      ...(typeof fields.superior === 'string' && fields.superior.trim() ? { superior: fields.superior.trim() } : {}),
      ...(isLevel(fields.level) ? { level: fields.level } : {}),
      year,
      period,
      date: defaultPlanDate(year, period, today),
    });
  }
  // The config's fonts lie under the base's and the row's, role by role.
  if (defaults?.fonts) start = { ...start, fonts: { ...defaults.fonts, ...(isFontMap(start.fonts) ? start.fonts : {}) } };
  const merged = merge(start, { ...fields, type });
  const { outline, issues } = validateOutline(merged, {
    types: registry.typeChoices(),
    defaultYear: defaultPlanYear(today),
    defaultDate: (year, period) => defaultPlanDate(year, period, today),
  });
  if (!outline) {
    const key = (path: (string | number)[]): string | undefined => (typeof path[0] === 'string' ? path[0] : undefined);
    return {
      name,
      type,
      problems: issues.map((issue) => {
        const field = key(issue.path);
        const cell = field !== undefined ? sources.get(field) : undefined;
        const from = !cell && base && field !== undefined && field in base.fields ? `（来自 --outline ${base.file}）` : '';
        return cellProblem(row, cell, issue.message + from);
      }),
    };
  }
  // The emitted plan.yaml says the year, period and date it was made for, as `new` does.
  const explicit = merge(merged, { year: outline.year, period: outline.period, date: outline.date });
  return { name: name ?? outline.org, type, outline, fields: explicit, problems: [] };
}
