import type { Command } from 'commander';
import { TemplateRegistry } from '../../templates/registry.js';

export function registerTypes(program: Command): void {
  program
    .command('types')
    .description('列出可用的计划类型')
    .option('--templates <dir>', '同时列出自己的模板文件夹中的类型')
    .action(async (options: { templates?: string }) => {
      const registry = new TemplateRegistry(options.templates);
      const types = registry.types();
      const width = Math.max(...types.map((t) => t.length));
      for (const type of types) {
        const template = await registry.get(type);
        const origin = template.builtIn ? '' : '（自定义）';
        process.stdout.write(`${type.padEnd(width)}  ${template.name}${origin}  ${template.meta.description}\n`);
      }
    });
}
