import { UserError, type Problem } from '../../errors.js';
import { carriedCheck } from '../../vocab/check-paths.js';
import { defaultPlanDate, defaultPlanYear } from '../../vocab/dates.js';
import { readTextFile } from '../../io/read-text-file.js';
import { validateOutline } from '../../outline/validate.js';
import { YamlSource } from '../../io/yaml-source.js';
import type { TemplateRegistry } from '../../templates/registry.js';

/** The shared outline of `--outline`: every row starts from its fields. */
export interface BaseOutline {
  file: string;
  fields: Record<string, unknown>;
}

/**
 * Reads `--outline base.yaml` and checks it now, once, with `file:line:column`, so that a mistake
 * in it is not reported again for every row. It may leave out `org` (each row names its union)
 * and `type` (when every row gives one).
 */
export async function loadBaseOutline(file: string, registry: TemplateRegistry, today: Date): Promise<BaseOutline> {
  const source = new YamlSource(file, await readTextFile(file));
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) throw new UserError('invalid', syntax);
  const data: unknown = source.data();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError('invalid', [{ file, message: '--outline 给出的提纲应为键值对（与 plan.yaml 相同），如 guidance: …、sections: …' }]);
  }
  const fields = { ...(data as Record<string, unknown>) };
  // Its `check.references` name files beside it, wherever the roster and the plans are.
  const check = carriedCheck(fields.check, file);
  if (check) fields.check = check;
  // Stand-ins for what rows supply, so only the shared fields are judged here.
  const probe = { ...fields, type: fields.type ?? registry.types()[0], org: fields.org ?? '工会' };
  const { issues } = validateOutline(probe, {
    types: registry.typeChoices(),
    defaultYear: defaultPlanYear(today),
    defaultDate: (year, period) => defaultPlanDate(year, period, today),
  });
  if (issues.length > 0) {
    const problems: Problem[] = issues.map((issue) => ({ file, ...source.locate(issue.path, issue.at), message: issue.message }));
    throw new UserError('invalid', problems);
  }
  return { file, fields };
}
