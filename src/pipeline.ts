import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseMarkdown } from './document/parse.js';
import type { PlanDocument } from './document/model.js';
import { UserError, quote } from './errors.js';
import { writeFileAtomic } from './io/write-file.js';
import { parseOutline, readTextFile } from './outline/load.js';
import type { Outline } from './outline/types.js';
import { TemplateRegistry } from './templates/registry.js';
import { renderOutline } from './templates/render.js';
import { loadWriter } from './writers/index.js';
import type { WriterWarning } from './writers/writer.js';

/** How a plan is built. */
export interface BuildOptions {
  formats: string[];
  /** Folder for the outputs; default: beside the input. */
  outDir?: string;
  force?: boolean;
  fontDirs?: string[];
  registry?: TemplateRegistry;
  today?: Date;
  warn?: (warning: WriterWarning & { file: string }) => void;
}

const OUTLINE_EXTENSIONS = ['.yaml', '.yml'];
const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];

/** The Markdown (front matter + body) of an outline, through its type's template. */
export async function renderOutlineFile(outline: Outline, registry: TemplateRegistry): Promise<string> {
  return await renderOutline(outline, await registry.get(outline.type));
}

/**
 * Reads an input — an outline (.yaml) or a Markdown plan (.md) — into the document model. Both
 * paths end in the same parser, so every format agrees whichever input it came from.
 */
export async function loadDocument(input: string, registry: TemplateRegistry, today?: Date): Promise<PlanDocument> {
  const ext = extname(input).toLowerCase();
  if (OUTLINE_EXTENSIONS.includes(ext)) {
    const text = await readTextFile(input);
    const outline = parseOutline(input, text, { types: registry.types(), today });
    return parseMarkdown(input, await renderOutlineFile(outline, registry));
  }
  if (MARKDOWN_EXTENSIONS.includes(ext)) return parseMarkdown(input, await readTextFile(input));
  throw new UserError('usage', [{ file: input, message: `无法识别的文件类型 ${quote(ext || '（无扩展名）')}：请给出提纲（.yaml）或 Markdown 计划（.md）` }]);
}

/** Builds one input into every requested format and returns the files written. */
export async function buildPlan(input: string, options: BuildOptions): Promise<string[]> {
  const registry = options.registry ?? new TemplateRegistry();
  const doc = await loadDocument(input, registry, options.today);
  const outDir = options.outDir ?? dirname(input);
  const stem = basename(input, extname(input));
  const written: string[] = [];
  for (const format of options.formats) {
    const writer = await loadWriter(format);
    const file = join(outDir, stem + writer.extension);
    const bytes = await writer.write(doc, {
      fontDirs: options.fontDirs,
      warn: (warning) => options.warn?.({ ...warning, file }),
    });
    if (resolve(file) === resolve(input) && !options.force) {
      throw new UserError('output', [{ file, message: '输出文件就是输入文件本身，未覆盖。要按新编号重写它请加 --force，或用 --out 指定其他文件夹' }]);
    }
    await writeFileAtomic(file, bytes, { force: options.force });
    written.push(file);
  }
  return written;
}
