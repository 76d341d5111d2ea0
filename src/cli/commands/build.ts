import type { Command } from 'commander';
import { CONFIG_FILE } from '../../config/config-fields.js';
import { collectFontDir } from '../options.js';
import type { BuildCommandOptions } from './build-action.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('把提纲（.yaml）或 Markdown 计划（.md）生成为 Markdown、Word（docx）、PDF')
    .argument('<files...>', '提纲或 Markdown 计划文件')
    .option('--format <list>', `输出格式，逗号分隔：md、docx、pdf（默认取 ${CONFIG_FILE} 的 formats，否则为 md）`)
    .option('--out <dir>', `输出文件夹（默认取 ${CONFIG_FILE} 的 out，否则与输入文件相同）`)
    .option('-f, --force', '覆盖已存在的文件')
    .option('--templates <dir>', '使用自己的模板文件夹')
    .option('--strict', '检查发现错误（如未填写的 xx、__）时不生成')
    .option('--font-dir <dir>', '字体文件夹（PDF 用，可重复）', collectFontDir)
    .option('--config <file>', `本单位的设置文件（默认为输入文件所在文件夹或上级文件夹中最近的 ${CONFIG_FILE}）`)
    .action(async (files: string[], options: BuildCommandOptions) => {
      const { buildAction } = await import('./actions.js');
      await buildAction(files, options);
    });
}
