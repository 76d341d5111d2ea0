import { UserError } from '../errors.js';
import { decodeText } from './decode-text.js';
import { errnoReason } from './errno.js';
import { readInput, readInputSync } from './read-input.js';

/** A missing or unreadable file, said so that a user can act on it. */
function unreadable(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError('input', [{ file, message: '文件不存在，请检查文件名和所在文件夹' }]);
  if (code === 'EISDIR') return new UserError('input', [{ file, message: '这是一个文件夹，请给出文件' }]);
  if (code === 'EACCES' || code === 'EPERM') return new UserError('input', [{ file, message: '没有读取这个文件的权限' }]);
  return new UserError('input', [{ file, message: `无法读取文件：${errnoReason(error)}` }]);
}

/**
 * Reads a text file, decoded as {@link decodeText} decides (UTF-8, UTF-16, GBK; never by
 * replacing bytes), turning a missing or unreadable file — or a device, a pipe, a file over
 * the size limit of read-input.ts — into a message a user can act on.
 */
export async function readTextFile(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(file);
  } catch (error) {
    throw error instanceof UserError ? error : unreadable(file, error);
  }
  return decodeText(file, bytes).text;
}

/** `readTextFile` for the few small files read where nothing else is waiting (check's lists). */
export function readTextFileSync(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readInputSync(file);
  } catch (error) {
    throw error instanceof UserError ? error : unreadable(file, error);
  }
  return decodeText(file, bytes).text;
}
