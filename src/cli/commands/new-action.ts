import { basename, dirname, resolve } from 'node:path';
import { CONFIG_FILE } from '../../config/config-fields.js';
import { unitConfig, unitConfigWithType } from '../unit-config.js';
import { UserError } from '../../errors.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { defaultPlanDate, defaultPlanYear } from '../../vocab/dates.js';
import type { Period } from '../../vocab/periods.js';
import { TemplateRegistry } from '../../templates/registry.js';
import { newOutlineText } from '../../templates/new-outline.js';
import { invocation } from '../invocation.js';
import { settingsFor } from '../../check/check.js';
import type { Level } from '../../vocab/level.js';

/** The options of `unionplan new`, as commander parses them. */
export interface NewOptions {
  type?: string;
  org?: string;
  superior?: string;
  level?: Level;
  year?: number;
  period?: Period;
  date?: string;
  output: string;
  force?: boolean;
  templates?: string;
  config?: string;
}

/**
 * What `unionplan new` does, loaded only when it runs.
 */
export async function newAction(options: NewOptions): Promise<void> {
  // The unit's defaults that will apply to the new plan: those of its folder.
  const dir = dirname(resolve(options.output));
  // The file's type: is checked only when it is the one used (no --type).
  const config = options.type ? unitConfig(dir, options.config) : unitConfigWithType(dir, options.config, options.templates);
  const org = options.org ?? config?.org;
  if (!org || org.trim() === '') {
    throw new UserError('usage', `请用 --org 给出工会全称，如 --org 城南实验小学工会（也可写在 ${CONFIG_FILE} 的 org: 一行）`);
  }
  const type = options.type ?? config?.type;
  if (!type)
    throw new UserError(
      'usage',
      `请用 --type 给出计划类型，如 --type 学校（运行 unionplan types 查看全部；也可写在 ${CONFIG_FILE} 的 type: 一行）`,
    );
  const registry = new TemplateRegistry(options.templates ?? config?.templates);
  const template = await registry.get(type);
  const year = options.year ?? defaultPlanYear();
  const period = options.period ?? template.meta.period;
  // The user's wording lists named by the unionplan.config.yaml that will apply to the new plan.
  const wording = settingsFor(options.output, config?.file).wording;
  const level = options.level ?? config?.level;
  const text = newOutlineText(
    template,
    {
      org: org.trim(),
      superior: (options.superior ?? config?.superior)?.trim(),
      ...(level ? { level } : {}),
      ...(wording.length ? { wordingFiles: wording } : {}),
      year,
      period,
      date: options.date ?? defaultPlanDate(year, period),
    },
    basename(options.output),
    invocation(),
  );
  await writeFileAtomic(options.output, text, { force: options.force });
  process.stdout.write(
    `已生成提纲 ${options.output}（${template.name}，${year}年）。修改后运行：${invocation()} build ${options.output}\n`,
  );
}
