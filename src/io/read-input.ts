import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** The largest outline, Markdown plan or template read: a plan is some ten kilobytes. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/**
 * Refuses what is not a regular file of a sensible size before a byte is read: `/dev/zero`
 * would be read for ever, a FIFO would hang the run, a gigabyte file would fill the memory.
 */
function refuseOdd(file: string, stats: Stats, maxBytes: number, what: string): void {
  if (stats.isDirectory()) return; // Reading it fails with EISDIR, which callers already explain.
  if (!stats.isFile()) {
    throw new UserError('input', [{ file, message: '不是普通文件（是设备、管道或套接字），无法作为输入读取。请给出一个文件' }]);
  }
  if (stats.size > maxBytes) {
    throw new UserError('invalid', [
      {
        file,
        message: `文件有 ${Math.ceil(stats.size / 1024 / 1024)} MB，超过${what}的上限 ${Math.round(maxBytes / 1024 / 1024)} MB，没有读取。请检查是否选错了文件`,
      },
    ]);
  }
}

/**
 * Reads an input file's bytes after {@link refuseOdd}. Errors of the file system (no such file,
 * no permission) are thrown as they are, for the caller to explain.
 */
export async function readInput(file: string, maxBytes: number = MAX_TEXT_BYTES, what = '输入文件'): Promise<Uint8Array> {
  refuseOdd(file, await stat(file), maxBytes, what);
  return await readFile(file);
}

/** {@link readInput} for the few places that read synchronously. */
export function readInputSync(file: string, maxBytes: number = MAX_TEXT_BYTES, what = '输入文件'): Uint8Array {
  refuseOdd(file, statSync(file), maxBytes, what);
  return readFileSync(file);
}
