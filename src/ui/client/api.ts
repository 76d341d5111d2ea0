/** Requests to the `ui` server: every one carries the page's token. */

const token = document.querySelector<HTMLMetaElement>('meta[name="unionplan-token"]')?.content ?? '';

/** An answer the server refused, with its Chinese message (and field notes, when it has them). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function checked(response: Response): Promise<Response> {
  if (response.ok) return response;
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    body = {};
  }
  throw new ApiError(typeof body.message === 'string' ? body.message : `请求失败（${response.status}）`, response.status, body);
}

/** A URL of this server for an element to load (an image): the token goes in the query. */
export function withToken(path: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/** GET, answered with JSON. */
export async function getJson<T>(path: string): Promise<T> {
  return (await (await checked(await fetch(path, { headers: { 'X-Unionplan-Token': token } }))).json()) as T;
}

/** POST a JSON body. */
export async function postJson(path: string, body: unknown): Promise<Response> {
  return checked(
    await fetch(path, {
      method: 'POST',
      headers: { 'X-Unionplan-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

/** POST a file the user chose, its name in a header (it only picks the decoder). */
export async function postFile(path: string, file: File): Promise<Response> {
  return checked(
    await fetch(path, {
      method: 'POST',
      headers: { 'X-Unionplan-Token': token, 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      body: file,
    }),
  );
}

/** GET a file. */
export async function getFile(path: string): Promise<Response> {
  return checked(await fetch(path, { headers: { 'X-Unionplan-Token': token } }));
}

/** Hands a downloaded answer to the browser as a file, under the name the server gave it. */
export async function saveDownload(response: Response, fallback: string): Promise<string> {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallback;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
