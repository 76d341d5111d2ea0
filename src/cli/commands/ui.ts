import type { Command } from 'commander';
import { UserError, quote } from '../../errors.js';
import { CONFIG_FILE } from '../../config/config-fields.js';
import type { UiCommandOptions } from './ui-action.js';

/** `--port 8080`; 0 lets the system choose a free port. */
function parsePort(value: string): number {
  if (/^\s*\d+\s*$/.test(value) && Number(value) <= 65535) return Number(value);
  throw new UserError('usage', `--port 的值 ${quote(value)} 无效，应为 0–65535 的端口号（0 表示自动选择）`);
}

/** Registers `unionplan ui`; its server and page load only when it runs. */
export function registerUi(program: Command): void {
  program
    .command('ui')
    .description('在浏览器中填写提纲、预览并下载 Word、PDF（本机网页，不需要命令行）')
    .option('--port <n>', '端口（默认由系统自动选择空闲端口）', parsePort)
    .option('--no-open', '不自动打开浏览器')
    .option('--templates <dir>', '使用自己的模板文件夹')
    .option('--font-dir <dir>', '字体文件夹（PDF 用，可重复）', (value: string, previous: string[] = []) => [...previous, value])
    .option(
      '--config <file>',
      `本单位的设置文件（默认为当前文件夹或上级文件夹中最近的 ${CONFIG_FILE}；ui 用其中的 org、superior、type 填好表格，并用其中的 templates 和 fontDir）`,
    )
    .action(async (options: UiCommandOptions) => {
      const { uiAction } = await import('./ui-action.js');
      await uiAction(options);
    });
}
