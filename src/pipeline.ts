import { basename, dirname, extname, join, resolve } from 'node:path';
import { checkTextWithModel, settingsFor, type CheckResult, type InputKind } from './check/check.js';
import { failing, type Finding } from './check/finding.js';
import { parseMarkdown, parseMarkdownSource, type ParsedMarkdown } from './document/parse.js';
import type { PlanDocument } from './document/model.js';
import type { FontRole } from './vocab/fonts.js';
import { UserError, quote } from './errors.js';
import { writeFileAtomic } from './io/write-file.js';
import { relativeReferences } from './vocab/check-paths.js';
import { parseOutline } from './outline/load.js';
import { readTextFile } from './io/read-text-file.js';
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
  /**
   * Runs `check` on the input before anything is written and hands the findings to `report`.
   * With `strict`, an input with an error finding is not built (a `check` UserError).
   */
  check?: { strict?: boolean; report: (findings: Finding[]) => void };
  /** The unionplan.config.yaml whose `check:` applies (`--config`); default: the nearest one. */
  configFile?: string;
  /** The unit's fonts (unionplan.config.yaml), under the plan's own choice for each role. */
  fonts?: Partial<Record<FontRole, string>>;
}

const OUTLINE_EXTENSIONS = ['.yaml', '.yml'];
const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];

/** The Markdown (front matter + body) of an outline, through its type's template. */
export async function renderOutlineFile(outline: Outline, registry: TemplateRegistry): Promise<string> {
  return await renderOutline(outline, await registry.get(outline.type));
}

/** Receives an input's `check` findings before anything is built from it; throwing stops it. */
export type CheckHook = (findings: Finding[]) => void;

/** Checks an input's text, hands the findings on, and returns what the check read it into. */
function checked(
  input: string,
  text: string,
  kind: InputKind,
  registry: TemplateRegistry,
  today: Date | undefined,
  hook: CheckHook,
  configFile?: string,
): CheckResult {
  const result = checkTextWithModel(input, text, { kind, types: registry.typeChoices(), today, settings: settingsFor(input, configFile) });
  hook(result.findings);
  return result;
}

/**
 * Reads an input — an outline (.yaml) or a Markdown plan (.md) — into the document model. Both
 * paths end in the same parser, so every format agrees whichever input it came from. With
 * `check`, the input is checked from the same parse (one read, one parse: build stays fast).
 */
export async function loadDocument(
  input: string,
  registry: TemplateRegistry,
  today?: Date,
  check?: CheckHook,
  configFile?: string,
): Promise<PlanDocument> {
  const ext = extname(input).toLowerCase();
  if (OUTLINE_EXTENSIONS.includes(ext)) {
    const text = await readTextFile(input);
    const outline = check
      ? checked(input, text, 'outline', registry, today, check, configFile).outline!
      : parseOutline(input, text, { types: registry.typeChoices(), today });
    return parseMarkdown(input, await renderOutlineFile(outline, registry));
  }
  if (MARKDOWN_EXTENSIONS.includes(ext)) {
    const text = await readTextFile(input);
    return check ? checked(input, text, 'markdown', registry, today, check, configFile).markdown!.doc : parseMarkdown(input, text);
  }
  throw new UserError('usage', [
    { file: input, message: `无法识别的文件类型 ${quote(ext || '（无扩展名）')}：请给出提纲（.yaml）或 Markdown 计划（.md）` },
  ]);
}

/** Where and how {@link writeDocument} writes a document's files. */
export interface WriteOptions {
  formats: string[];
  outDir: string;
  /** File name without extension; each writer adds its own. */
  stem: string;
  force?: boolean;
  fontDirs?: string[];
  warn?: (warning: WriterWarning & { file: string }) => void;
  /** The file the document was read from, so that it is never overwritten by its own output. */
  input?: string;
}

/**
 * Writes a document in every requested format and returns the files written. The one writer
 * loop: `build` (one input file) and `batch` (one outline per roster row) both end here.
 */
export async function writeDocument(doc: PlanDocument, options: WriteOptions): Promise<string[]> {
  const written: string[] = [];
  // The files are written into outDir: settings that name other files must name them from there.
  if (doc.meta.check) doc = { ...doc, meta: { ...doc.meta, check: relativeReferences(doc.meta.check, options.outDir) } };
  for (const format of options.formats) {
    const writer = await loadWriter(format);
    const file = join(options.outDir, options.stem + writer.extension);
    const bytes = await writer.write(doc, {
      fontDirs: options.fontDirs,
      warn: (warning) => options.warn?.({ ...warning, file }),
    });
    if (options.input !== undefined && resolve(file) === resolve(options.input) && !options.force) {
      throw new UserError('output', [
        { file, message: '输出文件就是输入文件本身，未覆盖。要按新编号重写它请加 --force，或用 --out 指定其他文件夹' },
      ]);
    }
    await writeFileAtomic(file, bytes, { force: options.force });
    written.push(file);
  }
  return written;
}

/** What {@link buildOutline} needs besides the outline. */
export interface BuildOutlineOptions extends Omit<WriteOptions, 'input'> {
  registry: TemplateRegistry;
  /** Name for messages about the rendered Markdown (a roster row has no file of its own). */
  source?: string;
  /** Runs on the finished document before anything is written; throwing stops this plan. */
  beforeWrite?: (parsed: ParsedMarkdown, markdown: string) => Promise<void> | void;
}

/**
 * Builds an outline that is already validated (a roster row, say) into every requested format:
 * the same template, parser and writers as an outline file takes.
 */
export async function buildOutline(outline: Outline, options: BuildOutlineOptions): Promise<string[]> {
  const markdown = await renderOutlineFile(outline, options.registry);
  const parsed = parseMarkdownSource(options.source ?? options.stem, markdown);
  await options.beforeWrite?.(parsed, markdown);
  return await writeDocument(parsed.doc, options);
}

/** Builds one input into every requested format and returns the files written. */
export async function buildPlan(input: string, options: BuildOptions): Promise<string[]> {
  const registry = options.registry ?? new TemplateRegistry();
  const { check } = options;
  const hook: CheckHook | undefined =
    check &&
    ((findings) => {
      check.report(findings);
      const errors = failing(findings).length;
      if (check.strict && errors > 0) {
        throw new UserError('check', [
          { file: input, message: `检查发现 ${errors} 个错误，未生成任何文件（--strict）。改正后再运行，或运行 unionplan check 查看详情` },
        ]);
      }
    });
  let doc = await loadDocument(input, registry, options.today, hook, options.configFile);
  if (options.fonts) doc = { ...doc, meta: { ...doc.meta, fonts: { ...options.fonts, ...doc.meta.fonts } } };
  return await writeDocument(doc, {
    formats: options.formats,
    outDir: options.outDir ?? dirname(input),
    stem: basename(input, extname(input)),
    force: options.force,
    fontDirs: options.fontDirs,
    warn: options.warn,
    input,
  });
}
