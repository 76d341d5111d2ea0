/** Starting `unionplan ui` as a user does, for the browser tests. */
import type { ChildProcess } from 'node:child_process';
import { start, tempDir } from '../helpers/cli.js';

/** A running `unionplan ui --no-open` and the address it printed. */
export interface RunningUi {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
}

/** Starts the built CLI's `ui` (in `dir`, a new empty folder by default) and waits for the address line. */
export async function startUi(dir: string = tempDir('unionplan-ui-')): Promise<RunningUi> {
  const child = start(dir, 'ui', '--no-open');
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ui did not start: ${out}`)), 30_000);
    const look = (): void => {
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out)?.[0];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', () => reject(new Error(`ui exited: ${out}`)));
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token')!, child, output: () => out };
}

/** Ctrl-C, and the exit status it ends with. */
export async function stopUi(ui: RunningUi): Promise<number | null> {
  if (ui.child.exitCode !== null) return ui.child.exitCode;
  const exited = new Promise<number | null>((resolve) => ui.child.once('exit', (code) => resolve(code)));
  ui.child.kill('SIGINT');
  return exited;
}
