import { readdirSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { currentSession, sessionCache } from '../session/session.js';
import { errnoReason } from './errno.js';
import { leftBehind, TEMP_NAME, tempFileFor } from './temp-name.js';

/**
 * Removes the temporary files a killed run left in `dir` (SIGKILL cannot be caught, so that run
 * could not): ours by name, and only when the process that wrote it is gone from this machine,
 * or the file is a day old. A run still writing into the same folder keeps its files.
 */
export async function removeStaleTemps(dir: string): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    if (!leftBehind(dir, entry)) continue;
    try {
      await unlink(join(dir, entry));
      removed++;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/**
 * Removes the temporary files of writes to `dir/NAME` (for the names given) that never
 * finished: a worker thread stopped mid-write, or a process killed outright, cannot clean up
 * after itself. Synchronous, so that it can run while the process exits. Returns how many
 * were removed.
 */
export function removeLeftoverTemps(dir: string, names: ReadonlySet<string>): number {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const target = TEMP_NAME.exec(entry)?.[1];
    if (target === undefined || !names.has(target)) continue;
    try {
      unlinkSync(join(dir, entry));
      removed++;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EISDIR' ? '同名的文件夹已存在' : code === 'EACCES' ? '没有写入权限' : errnoReason(error);
}

/** Folders made (or found) by this session: a batch writes thousands of files into a few. */
const madeFolders = sessionCache<string, true>('made-folders', 1_000);

async function ensureFolder(dir: string): Promise<void> {
  if (madeFolders.has(dir)) return;
  await mkdir(dir, { recursive: true });
  madeFolders.set(dir, true);
  await removeStaleTemps(dir);
}

/** How {@link writeAtomically} fills a file and what it says when it cannot. */
export interface AtomicWrite {
  /** Replace an existing file; without it, an existing file is kept and reported. */
  force?: boolean;
  /** Writes the whole content into `temp`, creating it exclusively (`wx`), syncs it to the disk and closes it. */
  fill: (temp: string) => Promise<void>;
  /** The message for an existing file kept (no `force`). */
  exists: string;
  /** The message for any other failure, from its reason. */
  failed: (reason: string) => string;
}

/**
 * The one atomic write: the bytes go to a temporary file beside `file` (held by the current
 * session, so that an interrupted run removes it), reach the disk, and are renamed into place only
 * when complete; an interrupted run never leaves a half-written file. An existing file is kept
 * unless `force` is set. An `AbortError` from `fill` passes through as it is.
 */
export async function writeAtomically(file: string, write: AtomicWrite): Promise<void> {
  const dir = dirname(file);
  const problem = (error: unknown): UserError => {
    if (error instanceof UserError) return error;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return new UserError('output', [{ file, message: write.exists }]);
    return new UserError('output', [{ file, message: write.failed(writeReason(error)) }]);
  };
  const temp = tempFileFor(file);
  const release = currentSession().holdTemp(temp);
  try {
    await ensureFolder(dir);
    try {
      await write.fill(temp);
    } catch (error) {
      // The folder was there earlier in this run and has been removed since: make it again, once.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !madeFolders.delete(dir)) throw error;
      await ensureFolder(dir);
      await write.fill(temp);
    }
    if (write.force) {
      await rename(temp, file);
    } else {
      // link() fails if the target exists, so no file is clobbered even in a race.
      await link(temp, file);
      await unlink(temp);
    }
  } catch (error) {
    await unlink(temp).catch(() => {});
    if ((error as Error).name === 'AbortError') throw error;
    throw problem(error);
  } finally {
    release();
  }
}

/**
 * Writes a file atomically (see {@link writeAtomically}). An existing file is kept unless `force`
 * is set.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string, options: { force?: boolean } = {}): Promise<void> {
  await writeAtomically(file, {
    ...(options.force !== undefined ? { force: options.force } : {}),
    fill: async (temp) => {
      const handle: FileHandle = await open(temp, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    exists: '文件已存在，未覆盖。要覆盖请加 --force，或用 -o/--out 换个位置',
    failed: (reason) => `无法写入：${reason}`,
  });
}
