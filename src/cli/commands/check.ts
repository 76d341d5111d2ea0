import type { Command } from 'commander';
import { CONFIG_FILE } from '../../config/config-fields.js';
import type { CheckCommandOptions } from './check-action.js';

/** The rule table of `check --help`, once {@link loadCheckHelp} has loaded it. */
let rulesTable: string | undefined;

/**
 * Loads the rule table that `check --help` shows. The rules bring the whole checker with them, so
 * they load only when help is asked for, not at every start.
 */
export async function loadCheckHelp(): Promise<void> {
  rulesTable = (await import('./check-help.js')).rulesTable();
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('检查提纲（.yaml）或计划（.md）：未填写的占位符、过时的提法、与本级不符的用词、缺少的常规工作、结构问题、标点和空格')
    .argument('<files...>', '提纲或 Markdown 计划文件（.txt 按 Markdown 检查）')
    .option('--json', '以 JSON 输出全部问题（供其他程序读取）')
    .option('--strict', '警告也算作错误（退出码 1）')
    .option('--fix', '自动改正安全的问题（半角标点、重复标点、中文之间的空格），并说明改了什么')
    .option('--templates <dir>', '使用自己的模板文件夹（提纲中的 type 可以是其中的类型）')
    .option('--config <file>', `本单位的设置文件（默认为各文件所在文件夹或上级文件夹中最近的 ${CONFIG_FILE}）`)
    .addHelpText(
      'after',
      () =>
        `\n检查规则（在提纲、front matter 或 unionplan.config.yaml 中用 check: { disable: [规则] } 关闭）：\n${rulesTable ?? ''}\n\n规则用到的词表可以补充：check: { references: 过时提法.yaml, wording: 现行提法.yaml, lists: 检查词表.yaml }（格式见 README“检查”一节）。\n\n退出码：发现错误（--strict 时包括警告）为 1，否则为 0。`,
    )
    .action(async (files: string[], options: CheckCommandOptions) => {
      const { checkAction } = await import('./actions.js');
      await checkAction(files, options);
    });
}
