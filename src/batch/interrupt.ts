/** Ctrl-C, `kill`, and SIGHUP: a closed terminal window or a dropped SSH session. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl-C (and SIGTERM, SIGHUP) during a batch. The first one asks the run to stop: the plans being
 * built finish, the rest are cancelled, and the report is still written. A second one stops
 * at once, after the given clean-up.
 */
export class Interrupt {
  private readonly controller = new AbortController();
  private readonly listeners: (() => void)[] = [];
  private readonly handler = (): void => {
    if (this.controller.signal.aborted) {
      this.hardStop();
      process.exit(130);
    }
    this.controller.abort();
    for (const listener of this.listeners) listener();
  };

  constructor(
    /** Synchronous: runs while the process is exiting. */
    private readonly hardStop: () => void,
  ) {
    for (const signal of SIGNALS) process.on(signal, this.handler);
  }

  /** Aborted by the first Ctrl-C. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get interrupted(): boolean {
    return this.controller.signal.aborted;
  }

  /** Runs `listener` at the first Ctrl-C. */
  onStop(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Gives Ctrl-C back to its default (and to other handlers). */
  dispose(): void {
    for (const signal of SIGNALS) process.off(signal, this.handler);
  }
}
