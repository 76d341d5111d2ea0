import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../helpers/cli.js';
import { startUi, stopUi, type RunningUi } from './server.js';

/** One raw HTTP request, with exactly the headers given (a browser would not let us forge Host). */
function send(ui: RunningUi, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(ui.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('unionplan ui refuses what does not come from its own page', () => {
  let ui: RunningUi;
  let host: string;
  const outline = JSON.stringify({ outline: { type: 'school', org: '城南实验小学工会', year: 2027 } });

  beforeAll(async () => {
    requireBuild();
    ui = await startUi();
    host = new URL(ui.url).host;
  });

  afterAll(async () => {
    if (ui) expect(await stopUi(ui)).toBe(0);
    expect(ui.output()).toContain('已停止');
  });

  it('prints its address on 127.0.0.1 with a fresh token', () => {
    expect(ui.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('serves the page with the token, and refuses it without or with a wrong one', async () => {
    const ok = await send(ui, 'GET', `/?token=${ui.token}`, { Host: host });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('<label');
    expect((await send(ui, 'GET', '/', { Host: host })).status).toBe(403);
    expect((await send(ui, 'GET', `/?token=${ui.token.slice(0, -1)}x`, { Host: host })).status).toBe(403);
    expect((await send(ui, 'GET', '/api/types', { Host: host })).status).toBe(403);
    const refused = await send(ui, 'POST', '/api/preview', { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json' }, outline);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).message).toContain('访问令牌');
  });

  it('refuses a foreign Host (DNS rebinding), even with the token', async () => {
    const port = new URL(ui.url).port;
    for (const foreign of [`evil.example:${port}`, 'localhost', `127.0.0.1:${Number(port) + 1}`]) {
      const answer = await send(ui, 'GET', `/?token=${ui.token}`, { Host: foreign });
      expect(answer.status).toBe(421);
      expect(answer.text).not.toContain('<label');
    }
    expect((await send(ui, 'GET', `/?token=${ui.token}`, { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a POST from a foreign Origin, or without one, even with the token', async () => {
    const headers = { Host: host, 'X-Unionplan-Token': ui.token, 'Content-Type': 'application/json' };
    const accepted = await send(ui, 'POST', '/api/preview', { ...headers, Origin: `http://${host}` }, outline);
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.text).title).toBe('城南实验小学工会2027年工作计划');
    for (const origin of ['http://evil.example', 'null', `https://${host}`]) {
      const refused = await send(ui, 'POST', '/api/preview', { ...headers, Origin: origin }, outline);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).message).toContain('请求来源');
    }
    expect((await send(ui, 'POST', '/api/preview', headers, outline)).status).toBe(403);
  });

  it('never serves a file from disk by its path', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/app.js/../../package.json', '/dist/ui/app.js', '/index.html']) {
      const answer = await send(ui, 'GET', `${path}?token=${ui.token}`, { Host: host });
      expect(answer.status).toBe(404);
    }
  });

  it('refuses an upload over its size limit', async () => {
    const big = 'a'.repeat(6 * 1024 * 1024);
    const answer = await send(ui, 'POST', '/api/open', { Host: host, Origin: `http://${host}`, 'X-Unionplan-Token': ui.token, 'X-File-Name': 'plan.yaml' }, big);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).message).toContain('上限为 5 MB');
  });
});
