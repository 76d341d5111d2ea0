import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { Reply } from './reply.js';
import { sessionCache } from '../session/session.js';

/** The page's files, built by `scripts/build.mjs` into `dist/ui/`; nothing else is ever served from disk. */
const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

const cache = sessionCache<string, Buffer>('ui-page-files', 8);

/** The page file for a URL path, or undefined: a fixed table, so no path from the page reaches the disk. */
export async function staticReply(pathname: string, token: string): Promise<Reply | undefined> {
  const entry = FILES[pathname];
  if (!entry) return undefined;
  let bytes = cache.get(entry.file);
  if (!bytes) {
    bytes = await readFile(join(packageRoot(), 'dist', 'ui', entry.file));
    cache.set(entry.file, bytes);
  }
  // The page asks for its script and style with the token (every request carries it); the
  // token is URL-safe base64, so it goes into the HTML as it is.
  if (entry.file === 'index.html') bytes = Buffer.from(bytes.toString('utf8').replaceAll('__TOKEN__', token), 'utf8');
  return { bytes, type: entry.type };
}
