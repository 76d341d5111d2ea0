import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { FontRole } from '../vocab/fonts.js';
import { UserError, quote, type Problem } from '../errors.js';
import { editDistance } from '../text/edit-distance.js';
import { fieldOf, keysOf, type FieldDef } from '../vocab/definition/field.js';
import { describeValue, readValue, type TypeChoices } from '../vocab/definition/read-value.js';
import type { Level } from '../vocab/level.js';
import { readTextFileSync } from '../io/read-text-file.js';
import { YamlSource } from '../io/yaml-source.js';
import { CONFIG_FIELDS, CONFIG_FILE } from './config-fields.js';

/** A unit's defaults as `unionplan.config.yaml` gives them; paths are absolute. */
export interface UnitConfig {
  /** The file they were read from. */
  file: string;
  org?: string;
  superior?: string;
  /** As written (学校 or school): `new` resolves it as it resolves `--type`. */
  type?: string;
  level?: Level;
  fonts?: Partial<Record<FontRole, string>>;
  fontDirs?: string[];
  formats?: string[];
  out?: string;
  templates?: string;
}

/**
 * The nearest `unionplan.config.yaml`: in `dir` or the folder above it, and so on up to the root
 * of the drive. The nearest one applies alone (files are not merged), like an .editorconfig with
 * `root = true`: a unit keeps one file beside its plans, and one in the home folder serves every
 * folder below it.
 */
export function findConfigFile(dir: string): string | undefined {
  let at = resolve(dir);
  for (;;) {
    const candidate = join(at, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(at);
    if (parent === at) return undefined;
    at = parent;
  }
}

/** A found file as messages name it: relative to the working folder when that is shorter. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length ? rel : file;
}

/** The config file named by `--config`, or the nearest one to `dir`; undefined when there is none. */
export function configFileFor(dir: string, explicit?: string): string | undefined {
  if (explicit === undefined) {
    const found = findConfigFile(dir);
    return found === undefined ? undefined : shown(found);
  }
  let file = false;
  try {
    file = statSync(explicit).isFile();
  } catch {
    throw new UserError('input', [{ file: explicit, message: '--config 指定的设置文件不存在，请检查文件名和所在文件夹' }]);
  }
  if (!file) throw new UserError('input', [{ file: explicit, message: `--config 应指定一个设置文件（${CONFIG_FILE}），这里是一个文件夹` }]);
  return explicit;
}

function near(key: string, allowed: readonly string[]): string {
  const guess = allowed.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return guess ? `，是否想写 ${guess}？` : '。';
}

/**
 * Reads and checks a `unionplan.config.yaml` by its definition (config-fields.ts): every problem
 * at its line and column, all of them at once. `check:` is check's to read (check/settings.ts),
 * which it does whenever a plan is checked or built; `types` lets `type:` be checked here.
 */
export function readConfig(file: string, types?: TypeChoices, checkSettings?: (source: YamlSource) => void): UnitConfig {
  const source = new YamlSource(file, readTextFileSync(file));
  const syntax = source.syntaxProblems();
  if (syntax.length) throw new UserError('invalid', syntax);
  const data: unknown = source.data();
  const config: UnitConfig = { file };
  if (data === null || data === undefined) return config;
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError('invalid', [
      { file, line: 1, column: 1, message: `${CONFIG_FILE} 应为键值对，如 superior: 城南区教育工会，实际为${describeValue(data)}` },
    ]);
  }
  const raw = data as Record<string, unknown>;
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string, at: 'key' | 'value' = 'value') =>
    problems.push({ file, ...source.locate(path, at), message });
  const keys = keysOf(CONFIG_FIELDS);
  for (const key of Object.keys(raw)) {
    if (!keys.includes(key)) fail([key], `未知字段 ${quote(key)}${near(key, keys)}${CONFIG_FILE} 中可用的字段：${keys.join('、')}`, 'key');
  }
  const base = dirname(file);
  /** A one-value key by its definition; undefined when absent, empty or refused (and told). */
  const scalar = (key: string): unknown => {
    const value = raw[key];
    if (value === undefined || value === null) return undefined;
    const read = readValue(fieldOf(CONFIG_FIELDS, key), value, key);
    if (read.message !== undefined) {
      fail([key], read.message);
      return undefined;
    }
    return typeof read.value === 'string' && read.value.trim() === '' ? undefined : read.value;
  };
  const text = (key: string) => (scalar(key) as string | undefined)?.trim();
  const org = text('org');
  const superior = text('superior');
  const type = text('type');
  if (type !== undefined && types) {
    // Checked as an outline checks it, with the types the registry knows.
    const read = readValue(fieldOf(CONFIG_FIELDS, 'type'), type, 'type', { types });
    if (read.message !== undefined) fail(['type'], read.message);
  }
  const level = scalar('level') as Level | undefined;
  const out = text('out');
  const templates = text('templates');
  const fonts = readFonts(raw.fonts, fail);
  const list = (key: string): string[] | undefined => {
    const value = raw[key];
    if (value === undefined || value === null) return undefined;
    const field = fieldOf(CONFIG_FIELDS, key);
    const items = Array.isArray(value) ? value : field.single ? [value] : undefined;
    if (!items) {
      fail([key], `${key}（${field.label}）应为列表，如 ${key}: [a, b]，实际为${describeValue(value)}`);
      return undefined;
    }
    const entry: FieldDef = field.entry!;
    const got: string[] = [];
    items.forEach((item, i) => {
      const at = Array.isArray(value) ? [key, i] : [key];
      const read = readValue(entry, item, Array.isArray(value) ? `${key}[${i}]` : key);
      if (read.message !== undefined) fail(at, read.message);
      else got.push(String(read.value).trim());
    });
    return got;
  };
  // A formats entry may be “docx,pdf” as --format takes it.
  const formatsRaw = typeof raw.formats === 'string' ? raw.formats.split(/[,，\s]+/).filter(Boolean) : raw.formats;
  const fontDirs = list('fontDir')
    ?.filter((dir, i) => {
      let folder = false;
      try {
        folder = statSync(resolve(base, dir)).isDirectory();
      } catch {
        // said below
      }
      if (!folder)
        fail(
          Array.isArray(raw.fontDir) ? ['fontDir', i] : ['fontDir'],
          `fontDir（字体文件夹）中的 ${quote(dir)} 不是一个存在的文件夹（路径相对于 ${file} 所在的文件夹）`,
        );
      return folder;
    })
    .map((dir) => resolve(base, dir));
  const formatList = readFormats(formatsRaw, raw.formats, fail);
  // check: is check's to judge; its problems are told with the others.
  if (checkSettings) {
    try {
      checkSettings(source);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (templates !== undefined && !existsSync(resolve(base, templates))) {
    fail(['templates'], `templates（模板文件夹）${quote(templates)} 不存在（路径相对于 ${file} 所在的文件夹）`);
  }
  if (problems.length)
    throw new UserError(
      'invalid',
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
    );
  return {
    file,
    ...(org ? { org } : {}),
    ...(superior ? { superior } : {}),
    ...(type ? { type } : {}),
    ...(level ? { level } : {}),
    ...(fonts ? { fonts } : {}),
    ...(fontDirs?.length ? { fontDirs } : {}),
    ...(formatList?.length ? { formats: formatList } : {}),
    ...(out ? { out: resolve(base, out) } : {}),
    ...(templates ? { templates: resolve(base, templates) } : {}),
  };
}

type Fail = (path: (string | number)[], message: string, at?: 'key' | 'value') => void;

function readFonts(value: unknown, fail: Fail): Partial<Record<FontRole, string>> | undefined {
  if (value === undefined || value === null) return undefined;
  const field = fieldOf(CONFIG_FIELDS, 'fonts');
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail(['fonts'], `fonts（字体）应为键值对，如 body: 仿宋_GB2312，实际为${describeValue(value)}`);
    return undefined;
  }
  const roles = keysOf(field.fields ?? []);
  const fonts: Partial<Record<FontRole, string>> = {};
  for (const [role, name] of Object.entries(value)) {
    if (!roles.includes(role)) {
      fail(['fonts', role], `未知字段 ${quote(role)}${near(role, roles)}fonts 中可用的字段：${roles.join('、')}`, 'key');
      continue;
    }
    const read = readValue(fieldOf(field.fields ?? [], role), name, `fonts.${role}`);
    if (read.message !== undefined) fail(['fonts', role], read.message);
    else if (String(read.value).trim()) fonts[role as FontRole] = String(read.value).trim();
  }
  return fonts;
}

function readFormats(list: unknown, written: unknown, fail: Fail): string[] | undefined {
  if (list === undefined || list === null) return undefined;
  const field = fieldOf(CONFIG_FIELDS, 'formats');
  if (!Array.isArray(list)) {
    fail(['formats'], `formats（输出格式）应为列表，如 formats: [docx, pdf]，实际为${describeValue(list)}`);
    return undefined;
  }
  const out: string[] = [];
  list.forEach((item, i) => {
    const at = Array.isArray(written) ? ['formats', i] : ['formats'];
    const read = readValue(field.entry!, item, Array.isArray(written) ? `formats[${i}]` : 'formats');
    if (read.message !== undefined) fail(at, read.message);
    else if (!out.includes(read.value as string)) out.push(read.value as string);
  });
  return out;
}
