import type { Command } from 'commander';
import { CONFIG_FILE } from '../../config/config-fields.js';
import { parseDateOption, parseLevelOption, parsePeriodOption, parseYearOption } from '../options.js';
import type { NewOptions } from './new-action.js';

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
      const { newAction } = await import('./actions.js');
      await newAction(options);
    });
}
