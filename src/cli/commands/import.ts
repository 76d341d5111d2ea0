import type { Command } from 'commander';
import { UserError, quote } from '../../errors.js';
import { parseYearOption } from '../options.js';
import type { ImportCommandOptions } from './import-options.js';

function parsePiece(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError('usage', `--piece 的值 ${quote(value)} 无效，应为从 1 起的整数，如 --piece 2`);
  return n;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('导入去年的计划（.docx、.txt、.md），生成今年的提纲（plan.yaml）')
    .argument('<file>', '去年的计划：Word 文档（.docx）、文本（.txt）或 Markdown（.md）')
    .option('-o, --output <file>', '提纲文件', 'plan.yaml')
    .option('-f, --force', '覆盖已存在的文件')
    .option('-t, --type <type>', '计划类型（默认按单位名称和正文猜测）')
    .option('--year <year>', '新提纲的年度（默认原计划的下一年；写原计划的年度则保留原落款日期）', parseYearOption)
    .option('--org <name>', '工会全称（默认取原文标题或落款中的单位）')
    .option('--piece <n>', '网页中有多篇范文时，导入第几篇（默认第 1 篇）', parsePiece)
    .option('--templates <dir>', '使用自己的模板文件夹')
    .action(async (file: string, options: ImportCommandOptions) => {
      // The reader and its XML parser load only when a plan is imported.
      const { importAction } = await import('./import-action.js');
      await importAction(file, options);
    });
}
