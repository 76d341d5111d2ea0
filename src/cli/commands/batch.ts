import type { Command } from 'commander';
import { collectFontDir } from '../options.js';
import { parseShard } from '../../batch/rows/shard.js';
import { UserError, quote } from '../../errors.js';
import { CONFIG_FILE } from '../../config/config-fields.js';
import type { BatchCommandOptions } from './batch-options.js';

/** `--jobs 4` */
function parseJobs(value: string): number {
  if (/^\s*\d+\s*$/.test(value) && Number(value) >= 1) return Number(value);
  throw new UserError(
    'usage',
    `--jobs 的值 ${quote(value)} 无效，应为正整数（同时生成的份数，默认并且最多等于本机处理器数，内存每 512 MB 一份）`,
  );
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('按基层工会名录（CSV、Excel、YAML）为每个单位生成计划或提纲')
    .argument('<list>', '名录文件：.csv（UTF-8 或 GBK）、.xlsx、.yaml')
    .option('--out <dir>', `输出文件夹（必填；也可写在 ${CONFIG_FILE} 的 out: 一行）`)
    .option('--format <list>', `输出格式，逗号分隔：docx、pdf、md（默认取 ${CONFIG_FILE} 的 formats，否则为 docx）`)
    .option('--outline <file>', '所有单位共用的提纲（plan.yaml），代替各类型的默认内容；名录中的字段覆盖它')
    .option('--emit <what>', 'plan：生成计划文件（默认）；outline：每个单位生成一份提纲 .yaml 供其填写', 'plan')
    .option('--sheet <name>', 'Excel 名录中要读取的工作表（默认第一个）')
    .option('-f, --force', '覆盖已存在的文件')
    .option('--skip-existing', '跳过已生成的文件（接着上次中断的运行继续）')
    .option('-j, --jobs <n>', '同时生成的份数（默认并且最多等于本机处理器数，内存每 512 MB 一份）', parseJobs)
    .option('--zip <file>', '把生成的文件打包成一个 .zip')
    .option(
      '--shard <k/n>',
      '只生成名录 N 等份中的第 K 份（多台机器分担时用；只写 N 时 K 取自环境变量 JOB_COMPLETION_INDEX + 1）',
      (value: string) => parseShard(value, process.env.JOB_COMPLETION_INDEX),
    )
    .option('--report <file>', '把每个单位的结果写入报告（.json 或 .csv）')
    .option('--strict', '检查（unionplan check）发现错误的单位不生成文件')
    .option('-q, --quiet', '不显示进度和汇总表（出错的单位仍会列出）')
    .option('--templates <dir>', '使用自己的模板文件夹')
    .option('--font-dir <dir>', '字体文件夹（PDF 用，可重复）', collectFontDir)
    .option('--config <file>', `本单位的设置文件（默认为名录所在文件夹或上级文件夹中最近的 ${CONFIG_FILE}）`)
    .action(async (list: string, options: BatchCommandOptions) => {
      const { batchAction } = await import('./batch-action.js');
      await batchAction(list, options);
    });
}
