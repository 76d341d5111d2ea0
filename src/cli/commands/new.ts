import type { Command } from 'commander';
import { basename, dirname, resolve } from 'node:path';
import { CONFIG_FILE } from '../../config/config-fields.js';
import { unitConfig } from '../unit-config.js';
import { UserError } from '../../errors.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { defaultPlanDate, defaultPlanYear } from '../../vocab/dates.js';
import type { Period } from '../../vocab/periods.js';
import { TemplateRegistry } from '../../templates/registry.js';
import { newOutlineText } from '../../templates/new-outline.js';
import { invocation } from '../invocation.js';
import { parseDateOption, parseLevelOption, parsePeriodOption, parseYearOption } from '../options.js';
import { settingsFor } from '../../check/check.js';
import type { Level } from '../../vocab/level.js';

interface NewOptions {
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

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('按计划类型生成一份待填写的提纲（plan.yaml）')
    .option('-t, --type <type>', '计划类型，如 school 或 学校（运行 unionplan types 查看全部；默认取 unionplan.config.yaml 的 type）')
    .option('--org <name>', '工会全称，如 城南实验小学工会（默认取 unionplan.config.yaml 的 org）')
    .option('--superior <name>', '上级工会，如 城南区教育工会（默认取 unionplan.config.yaml 的 superior）')
    .option('--level <level>', '本级（区县、乡镇、街道类型）：区、县、市、旗、镇、乡、街道（默认从 --org 推断）', parseLevelOption)
    .option('--year <year>', '计划年度（默认今年，10 月起默认明年）', parseYearOption)
    .option(
      '--period <period>',
      '计划期间：annual 全年、first-half 上半年、second-half 下半年、first-term 第一学期、second-term 第二学期，也可写中文（默认按类型）',
      parsePeriodOption,
    )
    .option(
      '--date <date>',
      '落款日期 YYYY-MM-DD（默认为工作日：10—12 月写下一年的计划或在计划期间内写时为今天，否则为计划期间的第一个工作日）',
      parseDateOption,
    )
    .option('-o, --output <file>', '提纲文件', 'plan.yaml')
    .option('-f, --force', '覆盖已存在的文件')
    .option('--templates <dir>', '使用自己的模板文件夹')
    .option('--config <file>', `本单位的设置文件（默认为提纲所在文件夹或上级文件夹中最近的 ${CONFIG_FILE}）`)
    .action(async (options: NewOptions) => {
      // The unit's defaults that will apply to the new plan: those of its folder.
      const config = unitConfig(dirname(resolve(options.output)), options.config);
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
    });
}
