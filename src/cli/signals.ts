import type { Session } from '../session/session.js';
import { EXIT } from './exit-codes.js';

/**
 * Ctrl-C, `kill`, and SIGHUP (a closed terminal window, a dropped SSH session), with the status a
 * shell reports for a death by each when the process ends at once.
 */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * The only place the process's signals are handled. The first signal aborts the session when
 * something running can stop gracefully (a batch lets the plans being built finish and writes its
 * report; `ui` closes its server); otherwise, and at a second signal, the session is disposed — its
 * temporary files removed, its worker threads stopped — and the process ends at once. Returns
 * what removes the handlers.
 */
export function abortOnSignals(session: Session): () => void {
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const [signal, status] of Object.entries(SIGNALS) as [keyof typeof SIGNALS, number][]) {
    const handler = (): void => {
      if (!session.aborted && session.stopsGracefully) {
        session.abort(signal);
        return;
      }
      if (session.aborted) process.stderr.write('\n再次中断：立即退出\n');
      session.dispose();
      process.exit(session.aborted ? EXIT.interrupted : status);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  // Whatever way the process ends (an error, `process.exit` above), no temporary file stays.
  const atExit = (): void => session.dispose();
  process.on('exit', atExit);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('exit', atExit);
  };
}
