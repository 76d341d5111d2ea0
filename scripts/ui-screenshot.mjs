// Takes docs/ui.png, the README's picture of `unionplan ui`: the built page at 1366×768 in
// Debian's chromium, a school plan with one finding of `check` shown beside its field.
// Run after `npm run build`: node scripts/ui-screenshot.mjs
import { startUi } from './start-ui.mjs';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const ui = startUi(`${root}bin/unionplan.cjs`);
const { child } = ui;
const url = await ui.url;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await page.goto(url);
  await page.getByLabel('工会全称').fill('城南实验小学工会');
  await page.getByLabel('上级工会').fill('城南区教育工会');
  await page.getByLabel('落款日期').fill('2027-01-05');
  // Choosing the type again fills its default text with the superior just typed, as `new --superior` does.
  await page.getByLabel('计划类型').selectOption('kindergarten');
  await page.getByLabel('计划类型').selectOption('school');
  await page.waitForFunction(() => document.querySelector('#f-preface')?.value.includes('城南区教育工会'), null, { timeout: 60_000 });
  await page.getByLabel('落款日期').fill('2027-01-05');
  const preface = page.getByLabel('开头语');
  await preface.fill((await preface.inputValue()).replace('制定本计划', '制定20xx年工作计划'));
  await page.waitForFunction(
    () => document.querySelector('#f-preface-note')?.textContent && !document.querySelector('#preview[aria-busy]'),
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(1000);
  await page.locator('body').click({ position: { x: 5, y: 760 } });
  await page.screenshot({ path: `${root}docs/ui.png` });
} finally {
  await browser.close();
  child.kill('SIGINT');
}
