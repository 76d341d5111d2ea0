import type { Command } from 'commander';

export function registerTypes(program: Command): void {
  program
    .command('types')
    .description('列出可用的计划类型')
    .option('--templates <dir>', '同时列出自己的模板文件夹中的类型')
    .action(async (options: { templates?: string }) => {
      const { typesAction } = await import('./actions.js');
      await typesAction(options);
    });
}
