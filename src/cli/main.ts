/**
 * The executable's entry (dist/cli.cjs, which the launcher runs): makes the standard streams safe,
 * creates the run's session, turns signals into its abort, runs the command and ends the process
 * with its exit status. The commands themselves are in `program.ts`, which tests also run in-process.
 */
import { flushed, guardStream } from '../io/terminal.js';
import { createSession } from '../session/session.js';
import { main } from './program.js';
import { abortOnSignals } from './signals.js';

/** The whole run; a function rather than the module's top level, which a CommonJS bundle cannot await in. */
async function run(): Promise<never> {
  guardStream(process.stdout);
  guardStream(process.stderr);
  // One session for the run: its caches, temporary files and abort signal; signals become its abort.
  const session = createSession();
  const release = abortOnSignals(session);
  // The CLI runs one session in its thread: made the thread's own, it costs nothing per promise.
  const restore = session.adoptThread();
  const status = await main(process.argv.slice(2));
  restore();
  release();
  session.dispose();
  process.exitCode = status;
  // The run is over: ended here once the terminal has all it was sent, instead of when the event loop
  // runs dry, which first tears the whole heap down (some 10 ms of a single build, more with Typst).
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(status);
}

void run();
