/**
 * The launcher's half in dist/ (dist/launch.cjs, which bin/unionplan.cjs loads): runs the command
 * line's bundle (dist/cli.cjs) with its compiled code kept in the cache folder, `code/`.
 * NODE_DISABLE_COMPILE_CACHE=1, Node's own switch for its compile cache, turns it off.
 */
import { join } from 'node:path';
import { cacheFolder } from '../io/cache-folder.js';
import { type CodeCacheState, runWithCodeCache } from '../io/code-cache.js';

/** Runs the command line in `bundle`; what became of its code cache, for tests. */
export function launch(bundle: string, env: NodeJS.ProcessEnv = process.env): CodeCacheState {
  const base = env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFolder(env);
  return runWithCodeCache(bundle, base && join(base, 'code'));
}
