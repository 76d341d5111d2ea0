/**
 * One error type for every failure a user can fix. The CLI's top-level catch maps `kind` to an
 * exit code and prints `problems`; anything else is a bug and is shown as one.
 */

/** A problem at a place in a file (line and column are 1-based), or in a file as a whole. */
export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

/** What went wrong, which decides the exit status (see README, 退出码). */
export type ErrorKind =
  | 'usage' // bad flags or arguments
  | 'input' // a file is missing or unreadable
  | 'invalid' // a file's content is wrong (YAML syntax, schema)
  | 'output' // a file cannot be written, or exists without --force
  | 'check' // `check` found errors
  | 'partial' // `batch` built some plans, but some rows failed
  | 'interrupted'; // Ctrl-C (or SIGTERM) stopped the run; what finished is kept and reported

export class UserError extends Error {
  readonly kind: ErrorKind;
  readonly problems: Problem[];

  constructor(kind: ErrorKind, problems: Problem[] | string) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(list.map(formatProblem).join('\n'));
    this.name = 'UserError';
    this.kind = kind;
    this.problems = list;
  }
}

/** `file:line:column: message`, leaving out what is not known. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** Quotes a user's value for a message, shortened so one bad paragraph does not flood the screen. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === null || value === undefined) text = String(value);
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (text.length > 40) text = `${text.slice(0, 40)}…`;
  return `“${text}”`;
}
