import { AsyncLocalStorage } from 'node:async_hooks';
import { unlinkSync } from 'node:fs';
import { BoundedCache } from './bounded-cache.js';

/** Why a session was stopped: a signal the CLI received, or a library caller's own reason. */
export type StopReason = string;

/**
 * The runtime state of one run — a CLI command, or a library caller's piece of work: the caches
 * (one bounded policy, {@link BoundedCache}), the temporary files being written (removed if the
 * run ends before they are renamed into place), clean-ups for an abrupt end, and an abort signal.
 *
 * A session never touches the process: it installs no signal handler and never exits. The CLI
 * (`src/cli/signals.ts`) turns Ctrl-C, SIGTERM and SIGHUP into {@link Session.abort}, and calls
 * {@link Session.dispose} before it exits.
 */
export class Session {
  private readonly controller = new AbortController();
  private readonly caches = new Map<string, BoundedCache<unknown, unknown>>();
  private readonly temps = new Set<string>();
  private readonly cleanUps = new Set<() => void>();
  private readonly stopListeners = new Set<(reason: StopReason) => void>();
  private disposed = false;

  /** Aborted by {@link Session.abort}: long work (a batch, a zip) stops at its next step. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  /**
   * Whether something running can stop gracefully (it called {@link Session.onStop}): then the
   * CLI aborts at the first Ctrl-C and waits; otherwise it ends the process at once.
   */
  get stopsGracefully(): boolean {
    return this.stopListeners.size > 0;
  }

  /** Asks the work of this session to stop; the second and later calls do nothing. */
  abort(reason: StopReason = 'abort'): void {
    if (this.aborted) return;
    this.controller.abort(reason);
    for (const listener of [...this.stopListeners]) listener(reason);
  }

  /** Runs `listener` when the session is aborted; returns what removes it. */
  onStop(listener: (reason: StopReason) => void): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  /**
   * The cache called `name`, made with room for `limit` entries on first use. Modules declare
   * theirs with {@link sessionCache}; each session has its own.
   */
  cache<K, V>(name: string, limit: number): BoundedCache<K, V> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new BoundedCache<unknown, unknown>(limit);
      this.caches.set(name, cache);
    }
    return cache as BoundedCache<K, V>;
  }

  /** Notes a temporary file being written; returns what forgets it once it is renamed or removed. */
  holdTemp(file: string): () => void {
    this.temps.add(file);
    return () => this.temps.delete(file);
  }

  /**
   * Registers a synchronous clean-up for an abrupt end (a second Ctrl-C, the process exiting);
   * returns what removes it once the work ended normally.
   */
  onDispose(cleanUp: () => void): () => void {
    this.cleanUps.add(cleanUp);
    return () => this.cleanUps.delete(cleanUp);
  }

  /**
   * Ends the session: the clean-ups run (last registered first), unfinished temporary files are
   * removed, the caches are emptied. Synchronous, so that the CLI can call it while the process
   * exits; calling it again does nothing.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const cleanUp of [...this.cleanUps].reverse()) {
      try {
        cleanUp();
      } catch {
        // One failed clean-up must not keep the others from running.
      }
    }
    this.cleanUps.clear();
    for (const file of this.temps) {
      try {
        unlinkSync(file);
      } catch {
        // Already renamed into place, or gone.
      }
    }
    this.temps.clear();
    for (const cache of this.caches.values()) cache.clear();
    this.caches.clear();
    this.stopListeners.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /** Runs `work` with this as the {@link currentSession} of everything it calls, awaited or not. */
  run<T>(work: () => T): T {
    return storage.run(this, work);
  }

  /**
   * Makes this the session of the whole thread, for a program that runs one session at a time (the
   * CLI) — as {@link Session.run} would, but without AsyncLocalStorage: once that is in use, Node 20
   * calls a hook for every promise made (some 10 ms of a single build's start-up). A library
   * caller's {@link Session.run} inside still takes precedence. Returns what gives the thread its
   * own session back.
   */
  adoptThread(): () => void {
    const previous = threadSession;
    threadSession = this;
    return () => {
      threadSession = previous;
    };
  }
}

const storage = new AsyncLocalStorage<Session>();

/**
 * The session of a thread that made none (a library caller who never calls {@link createSession},
 * a batch worker thread): lives as long as the thread, and, like every session, never touches the
 * process.
 */
let threadSession = new Session();

/** A new session; `session.run(work)` makes it the current one for `work`. */
export function createSession(): Session {
  return new Session();
}

/** The session running the current code: the one of the innermost {@link Session.run}, or the thread's. */
export function currentSession(): Session {
  return storage.getStore() ?? threadSession;
}

/** A module's cache, looked up in the current session on each use: `sessionCache('parse', 64).get(key)`. */
export function sessionCache<K, V>(
  name: string,
  limit: number,
): { readonly current: BoundedCache<K, V> } & Pick<BoundedCache<K, V>, 'get' | 'set' | 'has' | 'getOrMake' | 'delete'> {
  const current = (): BoundedCache<K, V> => currentSession().cache<K, V>(name, limit);
  return {
    get current() {
      return current();
    },
    get: (key) => current().get(key),
    set: (key, value) => current().set(key, value),
    has: (key) => current().has(key),
    getOrMake: (key, make) => current().getOrMake(key, make),
    delete: (key) => current().delete(key),
  };
}
