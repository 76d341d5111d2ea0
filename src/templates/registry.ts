import { readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { UserError, quote } from '../errors.js';
import { readTextFile } from '../outline/load.js';
import { isPeriod } from '../outline/periods.js';
import type { Period } from '../outline/types.js';
import { packageRoot } from '../package-root.js';
import { splitFrontMatter } from '../text/front-matter.js';

/** What a template's front matter says: the type's name, description, period and default outline. */
export interface TemplateMeta {
  name: string;
  description: string;
  period: Period;
  /** The default outline fields (guidance, targets, sections, schedule …). */
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
        { file: userDir, message: '--templates 应为模板文件夹（其中每个计划类型一个子文件夹，内含 template.md），这里给出的是一个文件。可运行 unionplan eject 文件夹名 得到一个模板文件夹' },
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

  /** Loads the template of a type, or says which types exist. */
  async get(type: string): Promise<Template> {
    const cached = this.cache.get(type);
    if (cached) return cached;
    for (const { dir, builtIn } of this.dirs()) {
      const file = join(dir, type, 'template.md');
      if (!existsSync(file)) continue;
      const { yaml, body } = splitFrontMatter(await readTextFile(file));
      const template = new Template(type, file, builtIn, yaml ?? '', body);
      this.cache.set(type, template);
      return template;
    }
    throw new UserError('usage', `未知的计划类型 ${quote(type)}。可用的类型：${this.types().join('、')}（运行 unionplan types 查看说明）`);
  }
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
  const period = data.period ?? 'annual';
  const problems = [];
  if (defaults !== undefined && (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults))) {
    problems.push({ file, message: 'front matter 中的 defaults 应为键值对（默认提纲）' });
  }
  if (!isPeriod(period)) problems.push({ file, message: `front matter 中的 period 值 ${quote(period)} 无效，应为 annual、first-half 或 second-half` });
  if (problems.length) throw new UserError('invalid', problems);
  return {
    name: typeof data.name === 'string' ? data.name : type,
    description: typeof data.description === 'string' ? data.description : '',
    period: period as Period,
    defaults: (defaults as Record<string, unknown> | undefined) ?? {},
  };
}
