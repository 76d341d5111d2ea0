/**
 * How the user started unionplan, for the commands a hint tells them to run next: `npx unionplan`
 * works inside a project that has it as a dependency, `unionplan` after a global install — and a
 * hint naming the other one fails (npx outside the project asks the public registry).
 */
export function invocation(): string {
  return process.env.npm_command === 'exec' ? 'npx unionplan' : 'unionplan';
}
