import type { Command } from 'commander';
import { collectFontDir } from '../options.js';

export function registerFonts(program: Command): void {
  program
    .command('fonts')
    .description('列出 PDF 各部分将使用的字体及其来源')
    .argument('[file]', '提纲或 Markdown 计划（读取其中的 fonts 设置）')
    .option('--font-dir <dir>', '字体文件夹（可重复）', collectFontDir)
    .action(async (file: string | undefined, options: { fontDir?: string[] }) => {
      const { fontsAction } = await import('./actions.js');
      await fontsAction(file, options);
    });
}
