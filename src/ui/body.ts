import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** Upload limits, stated in the README: an outline is a few kilobytes, a roster of thousands of unions a few megabytes. */
export const LIMITS = {
  /** The form's outline as JSON. */
  json: 2 * 1024 * 1024,
  /** An outline (.yaml) or a plan to import, opened from the page. */
  open: 5 * 1024 * 1024,
  /** A roster (CSV, XLSX, YAML) for 批量生成. */
  roster: 20 * 1024 * 1024,
} as const;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** The request body, refused (413) once it grows past `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `文件过大（${megabytes(declared)}），上限为 ${megabytes(limit)}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      request.resume();
      throw new HttpError(413, `文件过大，上限为 ${megabytes(limit)}`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The body as JSON, or a 400 that says so. */
export async function readJson(request: IncomingMessage, limit = LIMITS.json): Promise<unknown> {
  const text = (await readBody(request, limit)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, '请求内容不是有效的 JSON');
  }
}

/**
 * The name of an uploaded file, sent by the page in the `X-File-Name` header (URI-encoded): only
 * its last part is kept and it only ever chooses a decoder, never a place on disk.
 */
export function uploadName(request: IncomingMessage): string {
  const header = request.headers['x-file-name'];
  let name = '';
  try {
    name = typeof header === 'string' ? decodeURIComponent(header) : '';
  } catch {
    name = '';
  }
  return name.split(/[\\/]/).pop() ?? '';
}
