import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
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
 * The file that keeps the compiled code of `bundle` for a kind of run in `folder`: named after the
 * bundle's path (so that two installs keep files of their own), after what makes its code valid
 * (the bundle's build id, size and time, Node's version, the processor) and after the kind. V8
 * checks its own version and flags, but the source only by its length, so a rebuilt bundle must
 * never find the old file; and npm gives every file it installs the same time, so time and size
 * alone would not tell two versions apart.
 */
export function codeCacheFile(folder: string, bundle: string, source: string, size: number, mtimeMs: number, kind = ''): string {
  const stamp = shortHash(`${BUILD_ID.exec(source)?.[1]}:${size}:${mtimeMs}:${process.version}:${process.arch}`);
  return join(folder, `${basename(bundle)}-${shortHash(bundle)}-${stamp}-${shortHash(kind)}.v8`);
}

/** A bundle compiled, ready to run, and its code cache. */
export interface CompiledBundle {
  /** What became of the cache. */
  state: CodeCacheState;
  /** Runs the bundle, as `require` would. */
  run(): void;
  /**
   * Keeps the cache, when there is none yet or V8 refused it: to be called when the process
   * exits, so that the cache holds the code the run compiled as it went (see {@link compileBundle}).
   */
  keep?: () => void;
}

/**
 * Compiles the CommonJS file `bundle` with V8's code cache kept in `folder` (undefined: no
 * cache). Node 22 keeps such a cache itself (`module.enableCompileCache`); Node 20 does not, and
 * compiling the command line's code was the largest single part of a build's start-up.
 *
 * The cache is made when the process exits, so that it holds the code the run compiled as it went,
 * not only the bundle's top level: a cache made before running saved a DOCX build nothing, one made
 * after a DOCX build some 40 ms. Each `kind` of run (the command and its formats, cli/launch.ts)
 * keeps a cache of its own, made by its first run and only read after: one cache for every kind
 * cost a Markdown build some 8 ms of CPU more to read the code of the others. A cache that cannot
 * be kept costs nothing but the compile next time.
 */
export function compileBundle(bundle: string, folder: string | undefined, kind = ''): CompiledBundle {
  const bytes = readFileSync(bundle);
  // The build writes the bundle in ASCII (scripts/ascii-only.mjs): read as Latin-1 it becomes a
  // one-byte string without decoding, which also parses faster than the two-byte string UTF-8
  // gives; any other byte falls back to UTF-8.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  if (folder) {
    const { size, mtimeMs } = statSync(bundle);
    cacheFile = codeCacheFile(folder, bundle, source, size, mtimeMs, kind);
    cachedData = readOwnFile(cacheFile);
  }
  // Node's own wrapper of a CommonJS module, so that the bundle sees what `require` gives it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
    // An import() in the bundle loads as it would in a module (Node 20.12 and later).
    ...(constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  const state: CodeCacheState = !cacheFile ? 'off' : !cachedData ? 'created' : script.cachedDataRejected ? 'rejected' : 'used';
  const run = () => {
    const module = { exports: {} };
    script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  };
  const file = cacheFile;
  if (!file || state === 'used') return { state, run };
  const keep = () => {
    try {
      if (keepInCache(file, script.createCachedData())) tidy(file);
    } catch {
      // Not kept: compiled again next time.
    }
  };
  return { state, run, keep };
}

/**
 * The bytes of `file` when it is there and only this user can have written it: compiled code runs
 * as whoever reads it, and UNIONPLAN_CACHE_DIR may name a folder other users can write to. Where
 * there are no user ids (Windows), any file.
 */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { uid, mode } = fstatSync(fd);
    const user = process.getuid?.();
    if (user !== undefined && (uid !== user || mode & 0o002)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes, beside a cache file just written, the caches of the same bundle's earlier builds (or of
 * another Node) and the temporary files of writes that were killed.
 */
function tidy(cacheFile: string): void {
  const folder = dirname(cacheFile);
  const name = basename(cacheFile);
  // `cli.cjs-<path>-<stamp>-<kind>.v8`: the same bundle, and the same build of it.
  const build = name.slice(0, name.lastIndexOf('-') + 1);
  const bundle = build.slice(0, build.lastIndexOf('-', build.length - 2) + 1);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const old = entry.startsWith(bundle) && !entry.startsWith(build) && entry.endsWith('.v8');
    if (!old && !leftBehind(folder, entry)) continue;
    try {
      unlinkSync(join(folder, entry));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
