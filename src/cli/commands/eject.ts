import type { Command } from 'commander';

export function registerEject(program: Command): void {
  program
    .command('eject')
    .description('把内置模板复制出来，作为自己模板的起点（之后用 --templates 文件夹 使用）')
    .requiredOption('-t, --type <type>', '要复制的计划类型')
    .argument('[dir]', '目标模板文件夹', 'templates')
    .option('-f, --force', '覆盖已存在的文件')
    .action(async (dir: string, options: { type: string; force?: boolean }) => {
      const { ejectAction } = await import('./actions.js');
      await ejectAction(dir, options);
    });
}
