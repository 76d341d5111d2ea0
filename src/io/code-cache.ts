import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';
import { keepInCache } from './keep-in-cache.js';
import { shortHash } from './short-hash.js';
import { leftBehind } from './temp-name.js';

/**
 * What became of the code cache in a run: none asked for (`off`), none kept yet and now made
 * (`created`), kept and used (`used`), or kept but refused by V8 (another Node, other flags) and
 * made again (`rejected`).
 */
export type CodeCacheState = 'off' | 'created' | 'used' | 'rejected';

/** The build id the build writes into the bundle's first line (scripts/build.mjs): a hash of its code. */
const BUILD_ID = /^\/\*unionplan-build:([0-9a-f]{16})\*\//;

/**
 * The file that keeps the compiled code of `bundle` in `folder`: named after the bundle's path
 * (so that two installs keep a file each) and after what makes its code valid: the bundle's build
 * id, size and time, Node's version and the processor. V8 checks its own version and flags, but
 * checks the source only by its length, so a rebuilt bundle must never find the old file; and npm
 * gives every file it installs the same time, so time and size alone would not tell two versions.
 */
export function codeCacheFile(folder: string, bundle: string, source: string, size: number, mtimeMs: number): string {
  const stamp = shortHash(`${BUILD_ID.exec(source)?.[1]}:${size}:${mtimeMs}:${process.version}:${process.arch}`);
  return join(folder, `${basename(bundle)}-${shortHash(bundle)}-${stamp}.v8`);
}

/**
 * Runs the CommonJS file `bundle` as `require` would, but compiled with V8's code cache kept in
 * `folder` (undefined: no cache). Node 22 keeps such a cache itself (`module.enableCompileCache`);
 * Node 20 does not, and compiling the command line's 1.7 MB was the largest single part of a
 * build's start-up. The cache is made right after compiling, before the code runs, so it holds
 * the code every command runs first whatever this run's command is, and is written once: later
 * runs only read it. A cache that cannot be kept costs nothing but the compile next time.
 */
export function runWithCodeCache(bundle: string, folder: string | undefined): CodeCacheState {
  const bytes = readFileSync(bundle);
  // The build writes the bundle in ASCII (scripts/ascii-only.mjs): read as Latin-1 it becomes a
  // one-byte string without decoding, which also parses faster than the two-byte string UTF-8
  // gives; any other byte falls back to UTF-8.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  if (folder) {
    const { size, mtimeMs } = statSync(bundle);
    cacheFile = codeCacheFile(folder, bundle, source, size, mtimeMs);
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // None kept yet.
    }
  }
  // Node's own wrapper of a CommonJS module, so that the bundle sees what `require` gives it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
    // An import() in the bundle loads as it would in a module (Node 20.12 and later).
    ...(constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  const state: CodeCacheState = !cacheFile ? 'off' : !cachedData ? 'created' : script.cachedDataRejected ? 'rejected' : 'used';
  if (cacheFile && state !== 'used' && keepInCache(cacheFile, script.createCachedData())) tidy(cacheFile);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return state;
}

/**
 * Removes, beside a cache file just written, the caches of the same bundle's earlier builds (or of
 * another Node) and the temporary files of writes that were killed.
 */
function tidy(cacheFile: string): void {
  const folder = dirname(cacheFile);
  const name = basename(cacheFile);
  const sameBundle = name.slice(0, name.lastIndexOf('-') + 1);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const old = entry !== name && entry.startsWith(sameBundle) && entry.endsWith('.v8');
    if (!old && !leftBehind(folder, entry)) continue;
    try {
      unlinkSync(join(folder, entry));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
