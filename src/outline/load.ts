import { UserError, type Problem } from '../errors.js';
import { readTextFile } from '../io/read-text-file.js';
import { YamlSource } from '../io/yaml-source.js';
import { carriedCheck } from '../vocab/check-paths.js';
import { defaultPlanDate, defaultPlanYear } from '../vocab/dates.js';
import type { TypeChoices } from '../vocab/definition/read-value.js';
import type { Outline } from './types.js';
import { validateOutline } from './validate.js';

/** What the loader needs to know besides the file. */
export interface LoadOptions {
  /** The plan types, by key or with their Chinese names (`TemplateRegistry.typeChoices()`). */
  types: readonly string[] | TypeChoices;
  today?: Date;
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
