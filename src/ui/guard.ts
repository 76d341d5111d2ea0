import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * What every request to the `ui` server must show before it is served: the page's token, a Host
 * naming this server (so a web site that rebinds its own name to 127.0.0.1 is refused), and for
 * requests that change anything an Origin of this server (so another site's form cannot post).
 */

/** A fresh token for one run of the server: 24 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Why a request was refused: the HTTP status and a Chinese message. */
export interface Refusal {
  status: number;
  message: string;
}

/** The server a guard protects. */
export interface GuardSettings {
  token: string;
  port: number;
}

/** The `host:port` values this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: the `token` query parameter or the `X-Unionplan-Token` header. */
function tokenOf(request: IncomingMessage, url: URL): string {
  const header = request.headers['x-unionplan-token'];
  if (typeof header === 'string') return header;
  return url.searchParams.get('token') ?? '';
}

/** Methods that only read; everything else must come from this server's own page. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Checks Host, token and (for state-changing requests) Origin; undefined when all is well. */
export function refuse(request: IncomingMessage, url: URL, settings: GuardSettings): Refusal | undefined {
  const hosts = allowedHosts(settings.port);
  const host = (request.headers.host ?? '').toLowerCase();
  if (!hosts.includes(host))
    return { status: 421, message: `拒绝访问：Host ${JSON.stringify(host)} 不是本机地址（只接受 ${hosts.join('、')}）` };
  if (!sameToken(tokenOf(request, url), settings.token)) {
    return { status: 403, message: '拒绝访问：缺少或错误的访问令牌。请使用启动 unionplan ui 时显示的完整地址（含 ?token=…）' };
  }
  if (!SAFE_METHODS.has(request.method ?? 'GET')) {
    const origin = (request.headers.origin ?? '').toLowerCase();
    if (!hosts.some((h) => origin === `http://${h}`)) {
      return { status: 403, message: `拒绝访问：请求来源 ${JSON.stringify(origin)} 不是本页面` };
    }
  }
  return undefined;
}
