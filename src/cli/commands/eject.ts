import type { Command } from 'commander';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/write-file.js';
import { readTextFile } from '../../io/read-text-file.js';
import { TemplateRegistry } from '../../templates/registry.js';

export function registerEject(program: Command): void {
  program
    .command('eject')
    .description('把内置模板复制出来，作为自己模板的起点（之后用 --templates 文件夹 使用）')
    .requiredOption('-t, --type <type>', '要复制的计划类型')
    .argument('[dir]', '目标模板文件夹', 'templates')
    .option('-f, --force', '覆盖已存在的文件')
    .action(async (dir: string, options: { type: string; force?: boolean }) => {
      const template = await new TemplateRegistry().get(options.type);
      const target = join(dir, template.type, 'template.md');
      await writeFileAtomic(target, await readTextFile(template.file), { force: options.force });
      process.stdout.write(`已复制 ${template.type} 模板到 ${target}。修改后用 --templates ${dir} 使用它\n`);
    });
}
