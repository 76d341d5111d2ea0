/** The formatted problems of an outline text, for the outline tests. */
import { expect } from 'vitest';
import { UserError, formatProblem } from '../../src/errors.js';
import { parseOutline } from '../../src/outline/load.js';

type ParseOptions = Parameters<typeof parseOutline>[2];

/** The problems `plan.yaml` with this text has, formatted as the CLI prints them, or [] when it loads. */
export function outlineProblems(text: string, options: ParseOptions): string[] {
  try {
    parseOutline('plan.yaml', text, options);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).problems.map(formatProblem);
  }
}
