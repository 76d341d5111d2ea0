/**
 * The launcher's half in dist/ (dist/launch.cjs, which bin/unionplan.cjs loads): runs the command
 * line's bundle (dist/cli.cjs) with its compiled code kept in the cache folder, `code/`.
 * NODE_DISABLE_COMPILE_CACHE=1, Node's own switch for its compile cache, turns it off.
 */
import { join } from 'node:path';
import { cacheFolder } from '../io/cache-folder.js';
import { type CodeCacheState, compileBundle } from '../io/code-cache.js';

/**
 * What kind of run `args` ask for, as far as the code it runs goes: the command, and the formats
 * of a build or batch in one order (`build:docx,pdf` for `--format pdf,docx`); `''` for `--version`
 * and `--help`. Each kind keeps a code cache of its own, holding the code such a run compiles. A
 * wrong guess costs only time, never a wrong result.
 */
export function runKind(args: readonly string[]): string {
  const command = args.find((arg) => !arg.startsWith('-')) ?? '';
  const at = args.findIndex((arg) => arg === '--format' || arg.startsWith('--format='));
  const formats = at < 0 ? undefined : args[at]!.startsWith('--format=') ? args[at]!.slice('--format='.length) : args[at + 1];
  if (!formats || (command !== 'build' && command !== 'batch')) return command;
  const list = [...new Set(formats.split(',').map((format) => format.trim().toLowerCase()))].sort();
  return `${command}:${list.join(',')}`;
}

/** Runs the command line in `bundle`; what became of its code cache, for tests. */
export function launch(
  bundle: string,
  env: NodeJS.ProcessEnv = process.env,
  args: readonly string[] = process.argv.slice(2),
): CodeCacheState {
  const base = env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFolder(env);
  const compiled = compileBundle(bundle, base && join(base, 'code'), runKind(args));
  // Kept as the process exits, with the code the run compiled (see compileBundle); only after a run
  // that did its work (0, or 1: check found problems), so that a mistyped command or format leaves
  // no cache of its own behind.
  const { keep } = compiled;
  if (keep) process.once('exit', (status) => status <= 1 && keep());
  compiled.run();
  return compiled.state;
}
