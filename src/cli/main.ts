/**
 * The executable's entry (dist/cli.js): makes the standard streams safe, creates the run's session,
 * turns signals into its abort, runs the command and sets the exit status. The commands themselves
 * are in `program.ts`, which tests also run in-process.
 */
import { guardStream } from '../io/terminal.js';
import { createSession } from '../session/session.js';
import { main } from './program.js';
import { abortOnSignals } from './signals.js';

guardStream(process.stdout);
guardStream(process.stderr);
// One session for the run: its caches, temporary files and abort signal; signals become its abort.
const session = createSession();
const release = abortOnSignals(session);
const status = await session.run(() => main(process.argv.slice(2)));
release();
session.dispose();
process.exitCode = status;
