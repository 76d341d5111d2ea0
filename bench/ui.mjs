// npm run bench, part three — `unionplan ui`: the page's size, and the time from a pause in typing
// to the updated preview, measured in Debian's chromium (skipped when it is not installed). A
// benchmark, not a test: it prints, it asserts nothing.
import { spawnSync } from 'node:child_process';
import { startUi } from '../scripts/start-ui.mjs';
import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/unionplan.cjs');
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 10);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0,
);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (t) => `${t.toFixed(0)} ms`;

// The page as shipped: what the browser loads before the first preview.
const files = ['index.html', 'app.js', 'app.css'].map((name) => {
  const bytes = readFileSync(join(root, 'dist/ui', name));
  return { file: `dist/ui/${name}`, size: kb(bytes.length), gzip: kb(gzipSync(bytes).length) };
});
const total = files.reduce((sum, f) => sum + statSync(join(root, f.file)).size, 0);
console.log('\nunionplan ui — 页面大小 / page size (no CDN: everything the page loads)');
console.table([...files, { file: '合计 / total', size: kb(total), gzip: '' }]);

if (!CHROMIUM) {
  console.log('chromium 不可用（未安装），跳过预览计时 / no chromium: preview timing skipped');
  process.exit(0);
}
const { chromium } = await import('playwright-core');
const ui = startUi(bin);
const { child } = ui;
const url = await ui.url;
const browser = await chromium.launch({ executablePath: CHROMIUM });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // Each update of the preview is recorded with the time of the last keystroke before it.
  await page.addInitScript(() => {
    window.__typed = 0;
    window.__shown = [];
    document.addEventListener('input', () => (window.__typed = performance.now()), true);
    new MutationObserver(() => window.__shown.push({ at: performance.now(), typed: window.__typed })).observe(document, {
      subtree: true,
      attributeFilter: ['data-version'],
    });
  });
  const answerSizes = [];
  const pageSizes = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (path === '/api/preview') answerSizes.push((await response.body()).length);
    else if (path.startsWith('/api/preview/')) pageSizes.push((await response.body()).length);
  });
  await page.goto(url);
  const org = page.getByLabel('工会全称');
  await org.fill('城南实验小学工会');
  await page.waitForFunction(() => window.__shown.length > 0, null, { timeout: 60_000 });
  const times = [];
  const parts = [];
  for (let i = 0; i < RUNS; i++) {
    const before = await page.evaluate(() => window.__shown.length);
    await org.press('End');
    await page.keyboard.type(String(i % 10), { delay: 40 });
    await page.waitForFunction((n) => window.__shown.length > n, before, { timeout: 60_000 });
    const last = await page.evaluate(() => {
      const mark = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
      return {
        ...window.__shown[window.__shown.length - 1],
        request: mark('preview-request'),
        answer: mark('preview-answer'),
        shown: mark('preview-shown'),
      };
    });
    times.push(last.at - last.typed);
    parts.push({ server: last.answer - last.request, draw: last.shown - last.answer });
    await page.waitForTimeout(200);
  }
  const mid = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const median = mid(times);
  times.sort((a, b) => a - b);
  console.log(
    `\nunionplan ui — 停止输入到预览更新（学校计划，9 页；中位数，${RUNS} 次）/ pause in typing to updated preview (median of ${RUNS})`,
  );
  console.table([
    {
      what: 'last keystroke → preview shown',
      median: ms(median),
      min: ms(times[0]),
      max: ms(times[times.length - 1]),
      'waiting for the pause': '300 ms',
      'request → answer (layout)': ms(mid(parts.map((p) => p.server))),
      'answer → pages drawn': ms(mid(parts.map((p) => p.draw))),
      'answer (JSON)': answerSizes.length ? kb(mid(answerSizes)) : '',
      'one page (SVG)': pageSizes.length ? kb(mid(pageSizes)) : '',
    },
  ]);
} finally {
  await browser.close();
  child.kill('SIGINT');
}
