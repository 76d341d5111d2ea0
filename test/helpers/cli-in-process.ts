/**
 * The CLI run in this process: the same commands, messages and exit statuses as `bin/unionplan.cjs`
 * (`src/cli/program.ts` is what `dist/cli.cjs` runs), without starting Node for every call. Each
 * call gets a session of its own, as a process would. What only a real process shows — signals,
 * a closed pipe, the bundle itself — is tested by spawning it (`cli.ts`).
 */
import { main } from '../../src/cli/program.js';
import { visible } from '../../src/io/terminal.js';
import { createSession } from '../../src/session/session.js';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

type Write = typeof process.stdout.write;

/** Collects what is written to a stream, made visible as the guarded streams of `main.ts` print it. */
function capture(into: string[]): Write {
  return ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    into.push(typeof chunk === 'string' ? visible(chunk) : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }) as Write;
}

let running = false;

/**
 * Runs `unionplan …` in `cwd`, in this process, and returns its exit status and output. Calls must
 * not overlap: the working folder and the standard streams are the process's.
 */
export async function runCli(cwd: string, ...args: string[]): Promise<CliResult> {
  if (running) throw new Error('runCli calls must not overlap');
  running = true;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = {
    cwd: process.cwd(),
    out: process.stdout.write,
    err: process.stderr.write,
    outTty: process.stdout.isTTY,
    errTty: process.stderr.isTTY,
  };
  process.chdir(cwd);
  process.stdout.write = capture(stdout);
  process.stderr.write = capture(stderr);
  // As through a pipe: no progress bar, no browser opened.
  process.stdout.isTTY = false;
  process.stderr.isTTY = false;
  const session = createSession();
  try {
    const status = await session.run(() => main(args));
    return { status, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    session.dispose();
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.stdout.isTTY = saved.outTty;
    process.stderr.isTTY = saved.errTty;
    process.chdir(saved.cwd);
    running = false;
  }
}
