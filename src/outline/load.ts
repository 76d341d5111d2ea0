import { UserError, type Problem } from '../errors.js';
import { decodeText } from '../io/decode-text.js';
import { errnoReason } from '../io/errno.js';
import { readInput, readInputSync } from '../io/read-input.js';
import { carriedCheck } from './check-paths.js';
import { defaultPlanDate, defaultPlanYear } from './dates.js';
import type { TypeChoices } from './definition/read-value.js';
import type { Outline } from './types.js';
import { validateOutline } from './validate.js';
import { YamlSource } from './yaml-source.js';

/** What the loader needs to know besides the file. */
export interface LoadOptions {
  /** The plan types, by key or with their Chinese names (`TemplateRegistry.typeChoices()`). */
  types: readonly string[] | TypeChoices;
  today?: Date;
}

/** A missing or unreadable file, said so that a user can act on it. */
function unreadable(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError('input', [{ file, message: '文件不存在，请检查文件名和所在文件夹' }]);
  if (code === 'EISDIR') return new UserError('input', [{ file, message: '这是一个文件夹，请给出文件' }]);
  if (code === 'EACCES' || code === 'EPERM') return new UserError('input', [{ file, message: '没有读取这个文件的权限' }]);
  return new UserError('input', [{ file, message: `无法读取文件：${errnoReason(error)}` }]);
}

/**
 * Reads a text file, decoded as {@link decodeText} decides (UTF-8, UTF-16, GBK; never by
 * replacing bytes), turning a missing or unreadable file — or a device, a pipe, a file over
 * the size limit of read-input.ts — into a message a user can act on.
 */
export async function readTextFile(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(file);
  } catch (error) {
    throw error instanceof UserError ? error : unreadable(file, error);
  }
  return decodeText(file, bytes).text;
}

/** `readTextFile` for the few small files read where nothing else is waiting (check's lists). */
export function readTextFileSync(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readInputSync(file);
  } catch (error) {
    throw error instanceof UserError ? error : unreadable(file, error);
  }
  return decodeText(file, bytes).text;
}

/**
 * Parses and validates outline text. Throws one UserError listing every syntax or schema
 * problem with `file:line:column`.
 */
export function parseOutline(file: string, text: string, options: LoadOptions): Outline {
  return parseOutlineSource(new YamlSource(file, text), options);
}

/** `parseOutline` for a text already parsed (`check` reads the same YAML for positions). */
export function parseOutlineSource(source: YamlSource, options: LoadOptions): Outline {
  const file = source.file;
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) throw new UserError('invalid', syntax);
  const today = options.today ?? new Date();
  const { outline, issues } = validateOutline(source.data(), {
    types: options.types,
    defaultYear: defaultPlanYear(today),
    defaultDate: (year, period) => defaultPlanDate(year, period, today),
  });
  if (!outline) {
    const problems: Problem[] = issues.map((issue) => ({ file, ...source.locate(issue.path, issue.at), message: issue.message }));
    throw new UserError('invalid', problems);
  }
  const check = carriedCheck(outline.check, file);
  if (check) outline.check = check;
  return outline;
}

/** Reads, parses and validates an outline file (plan.yaml). */
export async function loadOutline(file: string, options: LoadOptions): Promise<Outline> {
  return parseOutline(file, await readTextFile(file), options);
}
