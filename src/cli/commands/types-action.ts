import { TemplateRegistry } from '../../templates/registry.js';

/**
 * What `unionplan types` does, loaded only when it runs.
 */
export async function typesAction(options: { templates?: string }): Promise<void> {
  const registry = new TemplateRegistry(options.templates);
  const types = registry.types();
  const width = Math.max(...types.map((t) => t.length));
  for (const type of types) {
    const template = await registry.get(type);
    const origin = template.builtIn ? '' : '（自定义）';
    process.stdout.write(`${type.padEnd(width)}  ${template.name}${origin}  ${template.meta.description}\n`);
  }
}
