import { quote } from '../../errors.js';
import type { TemplateRegistry } from '../../templates/registry.js';
import { typeNames, type TypeNames } from '../../templates/type-names.js';
import type { BatchSettings } from '../batch-options.js';
import { loadBaseOutline, type BaseOutline } from '../rows/base-outline.js';
import { readRoster } from './read-roster.js';
import type { Roster } from './roster.js';
import { checkRosterColumns } from './roster-columns.js';

/** A roster read and checked as a whole, with what its rows are read against. */
export interface LoadedRoster {
  roster: Roster;
  /** `--outline base.yaml`, when given. */
  base?: BaseOutline;
  /** The plan types' names, for the type column. */
  types: TypeNames;
}

/**
 * The first phase of a batch: the base outline and the roster, checked as a whole (no such file,
 * no recognised column, no union …) before any row is read; ignored columns are noted.
 */
export async function loadRoster(options: BatchSettings, registry: TemplateRegistry, today: Date): Promise<LoadedRoster> {
  const types = await typeNames(registry);
  const base = options.outline !== undefined ? await loadBaseOutline(options.outline, registry, today) : undefined;
  const roster = await readRoster(options.list, { sheet: options.sheet });
  checkRosterColumns(roster, typeof base?.fields.type === 'string');
  if (roster.ignoredHeaders.length > 0) {
    options.log(`提示：名录中的这些列不是计划的字段，已忽略：${roster.ignoredHeaders.map((h) => quote(h)).join('、')}`);
  }
  return { roster, ...(base ? { base } : {}), types };
}
