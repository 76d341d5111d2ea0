/** Shared steps of the import tests: outline text → Markdown, and DOCX bytes from a plan. */
import { parseMarkdown } from '../../src/document/parse.js';
import { parseOutline } from '../../src/outline/load.js';
import { renderOutlineFile } from '../../src/pipeline.js';
import { TemplateRegistry } from '../../src/templates/registry.js';
import { loadWriter } from '../../src/writers/index.js';

export const registry = new TemplateRegistry();
export const TODAY = new Date(2026, 10, 23);

/** The Markdown an outline text builds into, as `build --format md` writes it. */
export async function markdownOf(yaml: string, file = 'plan.yaml'): Promise<string> {
  const outline = parseOutline(file, yaml, { types: registry.types(), today: TODAY });
  return await renderOutlineFile(outline, registry);
}

/** The DOCX unionplan writes for an outline text. */
export async function docxOf(yaml: string): Promise<Uint8Array> {
  const markdown = await markdownOf(yaml);
  const writer = await loadWriter('docx');
  return await writer.write(parseMarkdown('plan.md', markdown));
}
