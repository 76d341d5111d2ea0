import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { writeAtomically } from '../../io/write-file.js';

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const STORED = new Set(['.docx', '.pdf', '.xlsx', '.zip']);

/**
 * Packs files of `dir` into one zip at `file`, atomically (the one atomic write of
 * `io/write-file.ts`): an interruption never leaves half an archive. An existing zip is replaced
 * only with `force`; `signal` stops the packing with an `AbortError` and no zip.
 */
export async function writeZip(
  file: string,
  dir: string,
  names: readonly string[],
  options: { force?: boolean; signal?: AbortSignal } = {},
): Promise<void> {
  await writeAtomically(file, {
    ...(options.force !== undefined ? { force: options.force } : {}),
    fill: async (temp) => {
      const zip = new yazl.ZipFile();
      for (const name of names) zip.addFile(join(dir, name), name, { compress: !STORED.has(extname(name).toLowerCase()) });
      zip.end();
      await pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx' }), ...(options.signal ? [{ signal: options.signal }] : []));
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    exists: '压缩包已存在，未覆盖。要覆盖请加 --force',
    failed: (reason) => `无法写入压缩包：${reason}`,
  });
}
