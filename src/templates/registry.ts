import { readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { PRECOMPILED } from './precompiled.js';
import { UserError, quote } from '../errors.js';
import { readTextFile, readTextFileSync } from '../io/read-text-file.js';
import type { TypeChoices } from '../vocab/definition/read-value.js';
import { PERIOD_CHOICES, toPeriod, type Period } from '../vocab/periods.js';
import { ITEM_STYLES, type ItemStyle } from '../vocab/item-style.js';
import { packageRoot } from '../package-root.js';
import { LEVELS, isLevel, type Level } from '../vocab/level.js';
import { splitFrontMatter } from '../text/front-matter.js';
import { typeNames, typeNamesFrom, type TypeNames } from './type-names.js';

/** What a template's front matter says: the type's name, description, period and default outline. */
export interface TemplateMeta {
  name: string;
  description: string;
  period: Period;
  /** What `new` writes: a 工作要点 when the template says `kind: points` (a 区/县 federation's). */
  kind?: 'points';
  /** How the type's items are set, when its template says (`itemStyle:`); run-in otherwise. */
  itemStyle?: ItemStyle;
  /** The default outline fields (guidance, targets, sections, schedule …). */
  defaults: Record<string, unknown>;
  /**
   * Default outlines of their own for some levels (`variants:`), in place of `defaults`: a 乡's
   * plan is not a 镇's with words swapped, a 县总工会's 经审会 audits the unions below it.
   */
  variants: TemplateVariant[];
}

/** A default outline written for some levels of a type. */
export interface TemplateVariant {
  levels: Level[];
  defaults: Record<string, unknown>;
}

/**
 * A plan type's template: what `types` shows, the outline `new` writes, and the Handlebars body.
 * The front matter is parsed only when asked for: `build` needs just the body, and the default
 * outline is the largest YAML the tool reads.
 */
export class Template {
  private parsedMeta?: TemplateMeta;

  constructor(
    readonly type: string,
    /** The file it was read from. */
    readonly file: string,
    /** Whether it comes with unionplan or from the user's `--templates` folder. */
    readonly builtIn: boolean,
    private readonly frontMatter: string,
    /** Handlebars source that lays an outline out as Markdown. */
    readonly body: string,
  ) {}

  get meta(): TemplateMeta {
    this.parsedMeta ??= parseTemplateMeta(this.file, this.type, this.frontMatter);
    return this.parsedMeta;
  }

  get name(): string {
    return this.meta.name;
  }

  /**
   * How the template sets items (`itemStyle:` in its front matter), read without parsing the whole
   * front matter, which `build` otherwise never needs; anything but a plain valid value is left to
   * the full parse, which reports it.
   */
  get itemStyle(): ItemStyle | undefined {
    const match = /^itemStyle:[ \t]*["']?([\w-]*)["']?[ \t]*(?:#.*)?$/m.exec(this.frontMatter);
    if (!match) return /^itemStyle:/m.test(this.frontMatter) ? this.meta.itemStyle : undefined;
    return (ITEM_STYLES as readonly string[]).includes(match[1]!) ? (match[1] as ItemStyle) : this.meta.itemStyle;
  }
}

/** Where templates are looked up: the user's folder first, then the built-in ones. */
export class TemplateRegistry {
  private readonly cache = new Map<string, Template>();

  constructor(private readonly userDir?: string) {
    if (userDir === undefined) return;
    if (!existsSync(userDir)) {
      throw new UserError('input', [{ file: userDir, message: '模板文件夹不存在（--templates）' }]);
    }
    // A file here would only fail later, deep inside, as a "not a directory" error.
    if (!statSync(userDir).isDirectory()) {
      throw new UserError('usage', [
        {
          file: userDir,
          message:
            '--templates 应为模板文件夹（其中每个计划类型一个子文件夹，内含 template.md），这里给出的是一个文件。可运行 unionplan eject 文件夹名 得到一个模板文件夹',
        },
      ]);
    }
  }

  static builtInDir(): string {
    return join(packageRoot(), 'templates');
  }

  private dirs(): { dir: string; builtIn: boolean }[] {
    const list = [{ dir: TemplateRegistry.builtInDir(), builtIn: true }];
    if (this.userDir) list.unshift({ dir: this.userDir, builtIn: false });
    return list;
  }

  /** Every type that has a template, built-in types first in their documented order. */
  types(): string[] {
    const found = new Set<string>(BUILT_IN_ORDER);
    for (const { dir } of this.dirs()) {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && existsSync(join(dir, entry.name, 'template.md'))) found.add(entry.name);
      }
    }
    return [...found];
  }

  /**
   * Loads the template of a type, named by its key (`school`) or its Chinese name (学校, 学校工会),
   * or says which types exist and which one a misspelt name most likely meant.
   */
  async get(type: string): Promise<Template> {
    const found = await this.load(type);
    if (found) return found;
    const names = await typeNames(this);
    const resolved = names.resolve(type);
    if (resolved !== undefined && resolved !== type) {
      const template = await this.load(resolved);
      if (template) return template;
    }
    const near = names.suggest(type);
    const hint = near ? `是不是 ${near}？` : '';
    throw new UserError('usage', `未知的计划类型 ${quote(type)}。${hint}可用的类型：${names.list}（运行 unionplan types 查看说明）`);
  }

  /**
   * The types as an outline's `type:` may name them: by key, or by a Chinese name (学校). The
   * templates are read for their names only when a value is not a key (here, and in callers that
   * look at `keys` first), so a plan that says `type: school` costs nothing more.
   */
  typeChoices(): TypeChoices {
    const keys = this.types();
    let names: TypeNames | undefined;
    const named = (): TypeNames => (names ??= typeNamesFrom(keys.map((type) => ({ type, name: this.loadSync(type)?.name ?? type }))));
    return {
      keys,
      resolve: (text) => (keys.includes(text) ? text : named().resolve(text)),
      suggest: (text) => named().suggest(text),
      get list() {
        return named().list;
      },
    };
  }

  /** {@link load} for {@link typeChoices}, which validation calls without waiting. */
  private loadSync(type: string): Template | undefined {
    const cached = this.cache.get(type);
    if (cached) return cached;
    for (const { dir, builtIn } of this.dirs()) {
      const file = join(dir, type, 'template.md');
      if (!existsSync(file)) continue;
      const { yaml, body } = splitFrontMatter(readTextFileSync(file));
      const template = new Template(type, file, builtIn, yaml ?? '', body);
      this.cache.set(type, template);
      return template;
    }
    return undefined;
  }

  private async load(type: string): Promise<Template | undefined> {
    const cached = this.cache.get(type);
    if (cached) return cached;
    for (const { dir, builtIn } of this.dirs()) {
      const file = join(dir, type, 'template.md');
      if (!existsSync(file)) continue;
      // A built-in template comes compiled with the program (see precompiled.ts), its text with it.
      const pre = builtIn ? await PRECOMPILED[type]?.() : undefined;
      const { yaml, body } = pre ? { yaml: pre.frontMatter, body: pre.body } : splitFrontMatter(await readTextFile(file));
      const template = new Template(type, file, builtIn, yaml ?? '', body);
      this.cache.set(type, template);
      return template;
    }
    return undefined;
  }
}

/** The default outline of a template for a level: the variant that names it, else `defaults`. */
export function defaultsFor(meta: TemplateMeta, level: Level | undefined): Record<string, unknown> {
  return (level && meta.variants.find((variant) => variant.levels.includes(level))?.defaults) || meta.defaults;
}

/** The eight built-in types in the order the README and `types` list them. */
export const BUILT_IN_ORDER = ['school', 'kindergarten', 'enterprise', 'town', 'street', 'community', 'district', 'audit'];

function parseTemplateMeta(file: string, type: string, frontMatter: string): TemplateMeta {
  let data: Record<string, unknown>;
  try {
    data = (YAML.parse(frontMatter) ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new UserError('invalid', [{ file, message: `模板的 front matter 不是有效的 YAML：${(error as Error).message.split('\n')[0]}` }]);
  }
  const defaults = data.defaults;
  const period = toPeriod(data.period ?? 'annual');
  const problems = [];
  if (defaults !== undefined && (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults))) {
    problems.push({ file, message: 'front matter 中的 defaults 应为键值对（默认提纲）' });
  }
  if (!period) problems.push({ file, message: `front matter 中的 period 值 ${quote(data.period)} 无效，应为 ${PERIOD_CHOICES} 之一` });
  const itemStyle = data.itemStyle;
  if (itemStyle !== undefined && !(ITEM_STYLES as readonly unknown[]).includes(itemStyle)) {
    problems.push({ file, message: `front matter 中的 itemStyle 值 ${quote(itemStyle)} 无效，应为 ${ITEM_STYLES.join('、')} 之一` });
  }
  const variants: TemplateVariant[] = [];
  if (data.variants !== undefined) {
    if (!Array.isArray(data.variants))
      problems.push({ file, message: 'front matter 中的 variants 应为列表，每项含 levels（本级列表）和 defaults（默认提纲）' });
    else
      data.variants.forEach((variant: unknown, i) => {
        const at = `front matter 中 variants 的第 ${i + 1} 项`;
        const v = (typeof variant === 'object' && variant !== null ? variant : {}) as Record<string, unknown>;
        const levels = Array.isArray(v.levels) ? v.levels : [];
        const bad = levels.filter((level) => !isLevel(level));
        if (levels.length === 0 || bad.length)
          problems.push({ file, message: `${at}的 levels 应为本级列表（${LEVELS.join('、')}），实际为 ${quote(v.levels)}` });
        if (typeof v.defaults !== 'object' || v.defaults === null || Array.isArray(v.defaults))
          problems.push({ file, message: `${at}的 defaults 应为键值对（默认提纲）` });
        else if (!bad.length) variants.push({ levels: levels as Level[], defaults: v.defaults as Record<string, unknown> });
      });
  }
  if (data.kind !== undefined && data.kind !== 'points' && data.kind !== 'plan')
    problems.push({ file, message: `front matter 中的 kind 值 ${quote(data.kind)} 无效，应为 plan（工作计划）或 points（工作要点）` });
  if (problems.length) throw new UserError('invalid', problems);
  return {
    ...(data.kind === 'points' ? { kind: 'points' as const } : {}),
    variants,
    ...(itemStyle !== undefined ? { itemStyle: itemStyle as ItemStyle } : {}),
    name: typeof data.name === 'string' ? data.name : type,
    description: typeof data.description === 'string' ? data.description : '',
    period: period ?? 'annual',
    defaults: (defaults as Record<string, unknown> | undefined) ?? {},
  };
}
