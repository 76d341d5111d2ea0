import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempFileFor } from './temp-name.js';

/**
 * Keeps `data` as `file` in the cache folder: written beside it and renamed over it, so that a
 * reader (another run, at the same moment) never sees half of it. False when it cannot be kept (a
 * read-only or full cache folder): what the cache saves is then done again next time.
 */
export function keepInCache(file: string, data: Uint8Array | string): boolean {
  const temp = tempFileFor(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, file);
    return true;
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never made.
    }
    return false;
  }
}
