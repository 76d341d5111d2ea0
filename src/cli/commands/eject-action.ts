import { join } from 'node:path';
import { writeFileAtomic } from '../../io/write-file.js';
import { readTextFile } from '../../io/read-text-file.js';
import { TemplateRegistry } from '../../templates/registry.js';

/**
 * What `unionplan eject` does, loaded only when it runs.
 */
export async function ejectAction(dir: string, options: { type: string; force?: boolean }): Promise<void> {
  const template = await new TemplateRegistry().get(options.type);
  const target = join(dir, template.type, 'template.md');
  await writeFileAtomic(target, await readTextFile(template.file), { force: options.force });
  process.stdout.write(`已复制 ${template.type} 模板到 ${target}。修改后用 --templates ${dir} 使用它\n`);
}
