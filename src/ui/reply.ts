import type { ServerResponse } from 'node:http';

/** What a handler answers: JSON, or bytes (a file to download when `download` names it). */
export type Reply = { status?: number; json: unknown } | { status?: number; bytes: Uint8Array; type: string; download?: string };

/**
 * Headers every answer carries: nothing cached, nothing loaded from elsewhere, no framing by
 * another site, and no Referer that would carry the token off the page.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Sends a reply. */
export function send(response: ServerResponse, reply: Reply): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  response.statusCode = reply.status ?? 200;
  if ('json' in reply) {
    const body = Buffer.from(JSON.stringify(reply.json), 'utf8');
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', body.length);
    response.end(body);
    return;
  }
  response.setHeader('Content-Type', reply.type);
  response.setHeader('Content-Length', reply.bytes.byteLength);
  if (reply.download !== undefined) {
    // RFC 6266: an ASCII fallback, and the real (Chinese) name encoded.
    const encoded = encodeURIComponent(reply.download).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="plan${reply.download.slice(reply.download.lastIndexOf('.'))}"; filename*=UTF-8''${encoded}`,
    );
  }
  response.end(reply.bytes);
}

/** An error as JSON with a Chinese message. */
export function sendError(response: ServerResponse, status: number, message: string): void {
  send(response, { status, json: { message } });
}
