/** The names of the temporary files of atomic writes, and whether the process that wrote one is gone. */
import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { hex8, shortHash } from './short-hash.js';

/**
 * This machine, in eight hex digits: a pid says whether a writer is alive only on its own machine.
 * Not a hash of node:crypto, which would cost every build some 8 ms to load for a name that needs
 * no secrecy.
 */
const HOST = shortHash(hostname());

/**
 * `.plan.docx.unionplan-1a2b3c4d-4242-0a1b2c3d.tmp`: hidden, beside its file, unique (the random
 * part need not be unguessable: the file is opened with `wx`, so a taken name fails), and
 * recognisably its — with the machine and process that write it, so that one left by a killed
 * run (SIGKILL, a power cut) can be told from one still being written.
 */
export function tempFileFor(file: string, pid: number = process.pid): string {
  return join(dirname(file), `.${basename(file)}.unionplan-${HOST}-${pid}-${hex8(Math.random() * 0x1_0000_0000)}.tmp`);
}

/** A temporary file's name: what it is written for, the host, the pid. */
export const TEMP_NAME = /^\.(.+)\.unionplan-([0-9a-f]{8})-(\d+)-[0-9a-f]{8}\.tmp$/;

/** A temporary file older than this is stale whoever wrote it (another machine on a shared folder). */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Whether process `pid` of this machine is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the temporary file `entry` in `dir` was left behind by a run that cannot finish it: its
 * writer, on this machine, is gone, or it is a day old (written from another machine).
 */
export function leftBehind(dir: string, entry: string): boolean {
  const match = TEMP_NAME.exec(entry);
  if (!match) return false;
  if (match[2] === HOST) return !alive(Number(match[3]));
  try {
    return Date.now() - statSync(join(dir, entry)).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}
