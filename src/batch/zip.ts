import { createWriteStream, unlinkSync } from 'node:fs';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { UserError } from '../errors.js';
import { errnoReason } from '../io/errno.js';
import { tempFileFor } from '../io/write-file.js';

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const STORED = new Set(['.docx', '.pdf', '.xlsx', '.zip']);

/** The zip being written, removed if the process ends before it is complete. */
let writing: string | undefined;
let hooked = false;

function removeUnfinished(): void {
  if (writing === undefined) return;
  try {
    // Synchronous on purpose: this runs while the process is exiting.
    unlinkSync(writing);
  } catch {
    // Already gone.
  }
}

/**
 * Packs files of `dir` into one zip at `file`, atomically: the archive is written beside its
 * place under a temporary name and renamed only when complete, so an interruption never
 * leaves half an archive. An existing zip is replaced only with `force`.
 */
export async function writeZip(file: string, dir: string, names: readonly string[], options: { force?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  if (!hooked) {
    hooked = true;
    process.on('exit', removeUnfinished);
  }
  await mkdir(dirname(file), { recursive: true });
  const temp = tempFileFor(file);
  writing = temp;
  try {
    const zip = new yazl.ZipFile();
    for (const name of names) zip.addFile(join(dir, name), name, { compress: !STORED.has(extname(name).toLowerCase()) });
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx' }), { signal: options.signal });
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.force) await rename(temp, file);
    else {
      // link() fails if the zip exists, so none is clobbered even in a race.
      await link(temp, file);
      await unlink(temp);
    }
  } catch (error) {
    await unlink(temp).catch(() => {});
    if ((error as Error).name === 'AbortError') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError('output', [{ file, message: '压缩包已存在，未覆盖。要覆盖请加 --force' }]);
    throw new UserError('output', [{ file, message: `无法写入压缩包：${errnoReason(error)}` }]);
  } finally {
    writing = undefined;
  }
}
