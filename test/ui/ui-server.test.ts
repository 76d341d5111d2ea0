import { request } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { requireBuild, run, tempDir } from '../helpers/cli.js';
import { startUi, stopUi, type RunningUi } from './server.js';

/** One raw HTTP request, with exactly the headers given (a browser would not let us forge Host). */
function send(
  ui: RunningUi,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; text: string }> {
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

  it('says so in Chinese, exit 2, when its port is taken or not a port', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const busy = run(tempDir(), 'ui', '--no-open', '--port', String(port));
      expect(busy.status).toBe(2);
      expect(busy.stderr).toContain(`端口 ${port} 已被占用`);
      expect(busy.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      taken.close();
    }
    const wrong = run(tempDir(), 'ui', '--port', '80a');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--port 的值 “80a” 无效');
  });

  it('serves the page with the token, and refuses it without or with a wrong one', async () => {
    const ok = await send(ui, 'GET', `/?token=${ui.token}`, { Host: host });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('<label');
    expect((await send(ui, 'GET', '/', { Host: host })).status).toBe(403);
    // One character changed (a token ends in x one time in 64: then it is changed to y).
    const wrong = `${ui.token.slice(0, -1)}${ui.token.endsWith('x') ? 'y' : 'x'}`;
    expect((await send(ui, 'GET', `/?token=${wrong}`, { Host: host })).status).toBe(403);
    expect((await send(ui, 'GET', '/api/types', { Host: host })).status).toBe(403);
    const refused = await send(
      ui,
      'POST',
      '/api/preview',
      { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json' },
      outline,
    );
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
    const answer = await send(
      ui,
      'POST',
      '/api/open',
      { Host: host, Origin: `http://${host}`, 'X-Unionplan-Token': ui.token, 'X-File-Name': 'plan.yaml' },
      big,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).message).toContain('上限为 5 MB');
  });

  /** A POST from the page, as the page sends it. */
  function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
    return send(ui, 'POST', path, { Host: host, Origin: `http://${host}`, 'X-Unionplan-Token': ui.token, ...headers }, body);
  }

  it('打开 reads an outline as build does: a YAML mistake is named by line and column', async () => {
    const good = await post('/api/open', 'type: town\norg: 青山镇总工会\nyear: 20x7\n', {
      'X-File-Name': encodeURIComponent('青山镇.yaml'),
    });
    expect(good.status).toBe(200);
    // Opened as written: the wrong year goes to the form, where the preview marks it.
    expect(JSON.parse(good.text).outline).toEqual({ type: 'town', org: '青山镇总工会', year: '20x7' });
    const bad = await post('/api/open', 'type: town\norg: [青山镇总工会\n', { 'X-File-Name': encodeURIComponent('青山镇.yaml') });
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text).message).toMatch(/^青山镇\.yaml:\d+:\d+: YAML 语法错误/);
    // Last year's Word plan goes through import: a broken one is said to be broken.
    const word = await post('/api/open', 'PK', { 'X-File-Name': encodeURIComponent('去年的计划.docx') });
    expect(word.status).toBe(422);
    expect(JSON.parse(word.text).message).toContain('去年的计划.docx');
    const old = await post('/api/open', 'x', { 'X-File-Name': encodeURIComponent('去年的计划.doc') });
    expect(old.status).toBe(415);
    expect(JSON.parse(old.text).message).toContain('另存为 .docx');
  });

  it('批量生成 runs batch on the roster: a bad row is reported with its row, the others are built', async () => {
    const roster =
      '\uFEFF单位名称,类型,年度\n城南实验小学工会,学校,2027\n某某村委会,村委会,2027\n青山镇总工会,乡镇,20x7\n柳溪街道总工会,街道,2027\n';
    const started = await post('/api/batch?format=docx', roster, { 'X-File-Name': encodeURIComponent('名录.csv') });
    expect(started.status).toBe(200);
    const { id } = JSON.parse(started.text) as { id: string };
    let status: { state: string; units: { row: number; name: string; failed: boolean; problems: string[] }[]; zip: boolean } | undefined;
    for (let i = 0; i < 600; i++) {
      status = JSON.parse((await send(ui, 'GET', `/api/batch/${id}?token=${ui.token}`, { Host: host })).text);
      if (status!.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status!.state).toBe('done');
    expect(status!.units.map((u) => [u.row, u.failed])).toEqual([
      [2, false],
      [3, true],
      [4, true],
      [5, false],
    ]);
    expect(status!.units[1]!.problems.join()).toContain('村委会');
    expect(status!.units[2]!.problems.join()).toContain('20x7');
    const zip = await send(ui, 'GET', `/api/batch/${id}/zip?token=${ui.token}`, { Host: host });
    expect(zip.status).toBe(200);
    expect(zip.text.startsWith('PK')).toBe(true);
  });

  it('批量生成 reads an Excel roster as batch does: a formula error is named with its row', async () => {
    // Saved by LibreOffice Calc (test/fixtures/batch/xlsx/README.md).
    const workbook = readFileSync(new URL('../fixtures/batch/xlsx/libreoffice.xlsx', import.meta.url));
    const started = await post('/api/batch?format=md', workbook, { 'X-File-Name': encodeURIComponent('名录.xlsx') });
    expect(started.status).toBe(200);
    const { id } = JSON.parse(started.text) as { id: string };
    let status: { state: string; units: { row: number; name: string; failed: boolean; problems: string[] }[] } | undefined;
    for (let i = 0; i < 600; i++) {
      status = JSON.parse((await send(ui, 'GET', `/api/batch/${id}?token=${ui.token}`, { Host: host })).text);
      if (status!.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status!.state).toBe('done');
    expect(status!.units.map((u) => [u.row, u.name, u.failed])).toEqual([
      [3, '城南实验小学工会', false],
      [4, '青山镇总工会', true],
      [6, '柳溪街道总工会', true],
      [7, '红星社区工会', true],
    ]);
    expect(status!.units[1]!.problems.join()).toContain('错误值 “#DIV/0!”');
  });
});

describe('unionplan ui starts from the unit’s settings', () => {
  it('hands the page the unit, superior and type of unionplan.config.yaml, the type named in Chinese', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'unionplan.config.yaml'), 'org: 城南实验小学工会\nsuperior: 城南区教育工会\ntype: 学校\n');
    const ui = await startUi(dir);
    try {
      const host = new URL(ui.url).host;
      const answer = await send(ui, 'GET', `/api/types?token=${ui.token}`, { Host: host });
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.text) as { unit: unknown }).unit).toEqual({
        org: '城南实验小学工会',
        superior: '城南区教育工会',
        type: 'school',
      });
    } finally {
      expect(await stopUi(ui)).toBe(0);
    }
  });

  it('without settings the page starts from nothing', async () => {
    const ui = await startUi();
    try {
      const answer = await send(ui, 'GET', `/api/types?token=${ui.token}`, { Host: new URL(ui.url).host });
      expect((JSON.parse(answer.text) as { unit: unknown }).unit).toEqual({});
    } finally {
      expect(await stopUi(ui)).toBe(0);
    }
  });

  it('a type in the settings that is none is told at its line before the address, exit 4', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'unionplan.config.yaml'), 'org: 城南实验小学工会\ntype: 学效\n');
    const result = run(dir, 'ui', '--no-open');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('unionplan.config.yaml:2:7: type（计划类型）的值 “学效” 无效');
    expect(result.stdout).not.toContain('http://');
  });
});
