import { dirname, resolve } from 'node:path';
import { findConfigFile as findUnitConfig, readConfig } from '../config/read-config.js';
import { UserError, quote, type Problem } from '../errors.js';
import { CHECK_FIELDS } from '../vocab/definition/check-fields.js';
import { keysOf } from '../vocab/definition/field.js';
import type { FieldPath } from '../io/field-path.js';
import type { YamlSource } from '../io/yaml-source.js';
import { unreadableReferences } from './references/references.js';
import { sessionCache } from '../session/session.js';

export { CONFIG_FILE } from '../config/config-fields.js';

/** What a `check:` setting says: rules to turn off, and extra lists (outdated and current wordings, check's words). */
export interface CheckSettings {
  disable: string[];
  /** Absolute paths of the user's outdated-wording lists. */
  references: string[];
  /** Absolute paths of the user's current-wording lists (laid over src/templates/wording.yaml). */
  wording: string[];
  /** Absolute paths of the user's word lists (added to src/check/lists/check-lists.yaml). */
  lists: string[];
}

export const NO_SETTINGS: CheckSettings = { disable: [], references: [], wording: [], lists: [] };

/** Both settings together: a rule off in either is off, and every list is read. */
export function mergeSettings(a: CheckSettings, b: CheckSettings): CheckSettings {
  return {
    disable: [...new Set([...a.disable, ...b.disable])],
    references: [...new Set([...a.references, ...b.references])],
    wording: [...new Set([...a.wording, ...b.wording])],
    lists: [...new Set([...a.lists, ...b.lists])],
  };
}

/**
 * Reads and checks the `check:` setting at `path` in a YAML source (an outline, a plan's front
 * matter or the config file), with every problem at its line and column. `references` paths are
 * relative to the folder of the file that names them.
 */
export function readCheckSettings(source: YamlSource, path: FieldPath, ruleIds: readonly string[]): CheckSettings {
  let node: unknown = source.data();
  for (const part of path) node = (node as Record<string | number, unknown> | undefined)?.[part];
  const problems: Problem[] = [];
  const fail = (at: FieldPath, message: string, where: 'key' | 'value' = 'value') =>
    problems.push({ file: source.file, ...source.locate(at, where), message });
  const settings: CheckSettings = { disable: [], references: [], wording: [], lists: [] };
  if (node === null || node === undefined) return NO_SETTINGS;
  if (typeof node !== 'object' || Array.isArray(node)) {
    throw new UserError('invalid', [
      { file: source.file, ...source.locate(path), message: 'check（检查设置）应为键值对，如 check: { disable: [stale-year] }' },
    ]);
  }
  const check = node as Record<string, unknown>;
  for (const key of Object.keys(check)) {
    if (!keysOf(CHECK_FIELDS).includes(key))
      fail([...path, key], `check 中的未知字段 ${quote(key)}，可用的字段：${keysOf(CHECK_FIELDS).join('、')}`, 'key');
  }
  const list = (key: string): unknown[] => {
    const v = check[key];
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v;
    fail([...path, key], `check.${key} 应为文本或列表`);
    return [];
  };
  const single = typeof check.disable === 'string';
  list('disable').forEach((id, i) => {
    const at = single ? [...path, 'disable'] : [...path, 'disable', i];
    if (typeof id === 'string' && ruleIds.includes(id)) settings.disable.push(id);
    else fail(at, `check.disable 中的 ${quote(id)} 不是检查规则，可用的规则：${ruleIds.join('、')}`);
  });
  const base = dirname(resolve(source.file));
  const files = (key: 'references' | 'wording' | 'lists', what: string, example: string) => {
    const single = typeof check[key] === 'string';
    list(key).forEach((file, i) => {
      const at = single ? [...path, key] : [...path, key, i];
      if (typeof file !== 'string' || file.trim() === '') fail(at, `check.${key} 应为${what}文件的路径，如 ${key}: ${example}`);
      else {
        const problem = unreadableReferences(resolve(base, file));
        if (problem) fail(at, `check.${key} 中的文件 ${quote(file)} ${problem}（路径相对于 ${source.file} 所在的文件夹）`);
        else settings[key].push(resolve(base, file));
      }
    });
  };
  files('references', '过时提法列表', '过时提法.yaml');
  files('wording', '现行提法列表', '现行提法.yaml');
  files('lists', '检查词表', '检查词表.yaml');
  if (problems.length)
    throw new UserError(
      'invalid',
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
    );
  return settings;
}

/** The nearest `unionplan.config.yaml` in the file's folder or a folder above it (src/config/read-config.ts). */
export function findConfigFile(file: string): string | undefined {
  return findUnitConfig(dirname(resolve(file)));
}

const configCache = sessionCache<string, CheckSettings>('check-config-files', 256);

/**
 * The `check:` settings of a config file (read once per run). The whole file is checked first by
 * its definition, so a mistake anywhere in it is reported wherever it is read.
 */
export function readConfigFile(configFile: string, ruleIds: readonly string[]): CheckSettings {
  const cached = configCache.get(configFile);
  if (cached) return cached;
  let settings = NO_SETTINGS;
  readConfig(configFile, undefined, (source) => {
    settings = readCheckSettings(source, ['check'], ruleIds);
  });
  configCache.set(configFile, settings);
  return settings;
}
