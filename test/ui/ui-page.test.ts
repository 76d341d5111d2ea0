import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, requireBuild, run, tempDir } from '../helpers/cli.js';
import { all, openDocx, paragraphText } from '../writers/docx/helpers.js';
import { CHROMIUM } from './chromium.js';
import { startUi, stopUi, type RunningUi } from './server.js';
import { machinePaths } from '../helpers/machine-path.js';

const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
const work = tempDir('unionplan-ui-test-');

/** The outline `unionplan new` writes for a type, as data. */
function newOutline(type: string): Record<string, unknown> {
  const file = join(work, `${type}-new.yaml`);
  const result = run(work, 'new', '--type', type, '--org', '某单位工会', '-o', file, '--force');
  expect(result.status).toBe(0);
  return YAML.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Saves a download and returns its bytes. */
async function saved(download: Download): Promise<Buffer> {
  const file = join(work, download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file);
}

/** Waits until the preview shows a plan whose title contains `text`. */
async function previewShows(page: Page, text: string): Promise<void> {
  const region = page.getByRole('region', { name: '预览' });
  await expect.poll(async () => (await region.locator('h2').textContent()) ?? '', { timeout: 30_000 }).toContain(text);
  await expect.poll(async () => region.locator('.page img').first().getAttribute('alt'), { timeout: 30_000 }).toContain(text);
}

// One browser and one server for the file; a few pages, each test its own.
describe.skipIf(!CHROMIUM)('unionplan ui in a real browser (Debian chromium)', () => {
  let ui: RunningUi;
  let browser: Browser;

  beforeAll(async () => {
    requireBuild();
    ui = await startUi();
    browser = await chromium.launch({ executablePath: CHROMIUM! });
  });

  afterAll(async () => {
    await browser?.close();
    if (ui) expect(await stopUi(ui)).toBe(0);
  });

  /** A fresh page on the server, with the default type's outline loaded. */
  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.goto(ui.url);
    await expect.poll(async () => page.getByLabel('指导思想').inputValue(), { timeout: 30_000 }).not.toBe('');
    return page;
  }

  it('choosing a type fills the form with that type’s defaults, as `new` does; typing the unit’s name updates the preview', async () => {
    const page = await open();
    await page.getByLabel('工会全称').fill('东方红机械厂工会');
    await page.getByLabel('计划类型').selectOption({ label: '企业' });
    const expected = newOutline('enterprise');
    const sections = expected.sections as { title: string }[];
    await expect.poll(async () => page.locator('#f-sections-0-title').inputValue(), { timeout: 30_000 }).toBe(sections[0]!.title);
    expect(await page.getByLabel('指导思想').inputValue()).toBe(expected.guidance);
    expect(await page.getByLabel('板块标题').count()).toBe(sections.length);
    // The unit's name was kept across the change of type.
    expect(await page.getByLabel('工会全称').inputValue()).toBe('东方红机械厂工会');
    await previewShows(page, '东方红机械厂工会');

    await page.getByLabel('工会全称').fill('红旗纺织厂工会');
    await previewShows(page, '红旗纺织厂工会2027年工作计划'.replace('2027', await page.getByLabel('计划年度').inputValue()));
    await page.close();
  });

  it('texts still as the type wrote them follow a superior or unit typed afterwards; edited texts stay', async () => {
    const page = await open();
    await page.getByLabel('计划类型').selectOption({ label: '乡镇' });
    // Wait for the town's own text: the first type's preface also says 根据上级工会的工作部署.
    await expect.poll(async () => page.getByLabel('开头语').inputValue(), { timeout: 30_000 }).toContain('结合全镇实际');
    expect(await page.getByLabel('开头语').inputValue()).toContain('根据上级工会的工作部署');
    await page.getByLabel('指导思想').fill('本镇自己写的指导思想。');
    await page.getByLabel('上级工会').fill('城南区总工会');
    await page.getByLabel('上级工会').press('Tab');
    await expect.poll(async () => page.getByLabel('开头语').inputValue(), { timeout: 30_000 }).toContain('根据城南区总工会的工作部署');
    expect(await page.getByLabel('指导思想').inputValue()).toBe('本镇自己写的指导思想。');
    // A town's name sets the level the texts speak of (全镇 → 全乡).
    await page.getByLabel('工会全称').fill('石门乡总工会');
    await page.getByLabel('工会全称').press('Tab');
    await expect.poll(async () => page.getByLabel('开头语').inputValue(), { timeout: 30_000 }).toContain('结合全乡实际');
    expect(await page.getByLabel('开头语').inputValue()).toContain('根据城南区总工会的工作部署');
    expect(await page.getByLabel('上级工会').inputValue()).toBe('城南区总工会');
    await page.close();
  });

  it('下载 Word, PDF and Markdown give valid files that carry the unit’s name; 保存提纲 gives an outline the CLI builds', async () => {
    const page = await open();
    await page.getByLabel('工会全称').fill('青山街道总工会');
    await previewShows(page, '青山街道总工会');

    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(word.suggestedFilename()).toMatch(/^青山街道总工会\d{4}年工作计划\.docx$/);
    const docx = await openDocx(await saved(word));
    const paragraphs = all(await docx.part('word/document.xml'), 'w:p').map(paragraphText);
    expect(paragraphs[0]).toMatch(/^青山街道总工会\d{4}年工作计划$/);
    expect(paragraphs).toContain('青山街道总工会');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await saved(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftotext) {
      const file = join(work, 'download.pdf');
      writeFileSync(file, bytes);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('青山街道总工会');
    }

    const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Markdown' }).click()]);
    expect((await saved(markdown)).toString('utf8')).toMatch(/^title: 青山街道总工会\d{4}年工作计划$/m);

    // 保存提纲 gives a plan.yaml that the CLI builds to the same plan.
    const [outline] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存提纲' }).click()]);
    expect(outline.suggestedFilename()).toMatch(/\.yaml$/);
    const yamlFile = join(work, 'saved.yaml');
    writeFileSync(yamlFile, await saved(outline));
    expect(readFileSync(yamlFile, 'utf8')).toContain('由 unionplan ui 生成');
    expect(machinePaths(readFileSync(yamlFile, 'utf8'), work)).toEqual([]);
    const built = run(work, 'build', yamlFile, '--force');
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(join(work, 'saved.md'), 'utf8')).toMatch(/^title: 青山街道总工会\d{4}年工作计划$/m);
    await page.close();
  });

  it('sections and items are added, moved and removed from the keyboard, and the plan follows', async () => {
    const page = await open();
    await page.getByLabel('工会全称').fill('城南第二中学工会');
    const titles = page.getByLabel('板块标题');
    const first = await titles.nth(0).inputValue();
    const second = await titles.nth(1).inputValue();
    const count = await titles.count();
    // 下移 on section 1, pressed with the keyboard: the focus stays on the moved section's button.
    await page.getByRole('button', { name: '下移板块 1', exact: true }).focus();
    await page.keyboard.press('Enter');
    expect(await titles.nth(0).inputValue()).toBe(second);
    expect(await titles.nth(1).inputValue()).toBe(first);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('下移板块 2');
    // A new item in section 1 gets the focus in its title; typing fills it.
    await page.locator('#f-sections-0-items-add').click();
    await page.keyboard.type('组织教职工趣味运动会');
    await page.getByRole('button', { name: '删除板块 3', exact: true }).click();
    expect(await titles.count()).toBe(count - 1);

    const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Markdown' }).click()]);
    const text = (await saved(markdown)).toString('utf8');
    const headings = [...text.matchAll(/^## （.）(.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 2)).toEqual([second, first]);
    expect(headings).toHaveLength(count - 1);
    const firstSection = text.slice(text.indexOf(`## （一）${second}`), text.indexOf(`## （二）${first}`));
    // Run in, as every item is by default; with no text it takes no 。.
    expect(firstSection).toMatch(/^\d+\.组织教职工趣味运动会$/m);
    await page.close();
  });

  it('a year like 20x7 is marked on its field, with a message, and stays as typed', async () => {
    const page = await open();
    const year = page.getByLabel('计划年度');
    await year.fill('20x7');
    await expect.poll(async () => year.getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
    const note = page.locator('#f-year-note');
    expect(await note.textContent()).toContain('“20x7” 无效，应为四位数的年份');
    expect(await year.getAttribute('aria-describedby')).toContain('f-year-note');
    expect(await year.inputValue()).toBe('20x7');
    await year.fill('2028');
    await expect.poll(async () => year.getAttribute('aria-invalid'), { timeout: 30_000 }).toBeNull();
    await page.close();
  });

  it('打开 loads an outline into the form', async () => {
    const page = await open();
    const file = join(EXAMPLES, 'district.yaml');
    const outline = YAML.parse(readFileSync(file, 'utf8')) as { org: string; sections: { title?: string }[] };
    await page.locator('#open-file').setInputFiles(file);
    await expect.poll(async () => page.getByLabel('工会全称').inputValue(), { timeout: 30_000 }).toBe(outline.org);
    expect(await page.getByLabel('计划类型').inputValue()).toBe('district');
    expect(await page.getByLabel('板块标题').count()).toBe(outline.sections.length);
    await previewShows(page, outline.org);

    // A wrong value in an opened file is shown as written and marked, not replaced by a valid one.
    const wrong = join(work, 'wrong.yaml');
    writeFileSync(wrong, `type: town\norg: 青山镇总工会\nperiod: 全学年\n`);
    await page.locator('#open-file').setInputFiles(wrong);
    const period = page.getByLabel('计划期间');
    await expect.poll(async () => period.getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
    expect(await period.inputValue()).toBe('全学年');
    expect(await page.locator('#f-period-note').textContent()).toContain('“全学年” 无效');

    // A broken Word file is said to be broken, and the form is kept.
    const broken = join(work, 'broken.docx');
    writeFileSync(broken, 'PK\u0003\u0004');
    await page.locator('#open-file').setInputFiles(broken);
    await expect.poll(async () => page.locator('#status').textContent(), { timeout: 30_000 }).toContain('无法打开');
    expect(await page.getByLabel('工会全称').inputValue()).toBe('青山镇总工会');

    // Last year's Word plan is imported into next year's outline.
    const built = run(work, 'build', join(EXAMPLES, 'street.yaml'), '--format', 'docx', '--out', work, '--force');
    expect(built.status).toBe(0);
    await page.locator('#open-file').setInputFiles(join(work, 'street.docx'));
    await expect.poll(async () => page.getByLabel('工会全称').inputValue(), { timeout: 30_000 }).toBe('城东街道总工会');
    expect(await page.getByLabel('计划年度').inputValue()).toBe('2028');
    expect(await page.locator('#status').textContent()).toContain('已打开 street.docx');
    await previewShows(page, '城东街道总工会2028年工作计划');
    await page.close();
  });

  it('starts from the unit, superior and type of the folder’s unionplan.config.yaml, and offers the terms', async () => {
    const dir = tempDir('unionplan-ui-unit-');
    writeFileSync(join(dir, 'unionplan.config.yaml'), 'org: 城南区向日葵幼儿园工会\nsuperior: 城南区教育工会\ntype: 幼儿园\n');
    const unitUi = await startUi(dir);
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(unitUi.url);
      await expect.poll(async () => page.getByLabel('工会全称').inputValue(), { timeout: 30_000 }).toBe('城南区向日葵幼儿园工会');
      expect(await page.getByLabel('上级工会').inputValue()).toBe('城南区教育工会');
      expect(await page.getByLabel('计划类型').inputValue()).toBe('kindergarten');
      await expect.poll(async () => page.getByLabel('开头语').inputValue(), { timeout: 30_000 }).toContain('城南区教育工会');
      await previewShows(page, '城南区向日葵幼儿园工会');
      const periods = await page.getByLabel('计划期间').locator('option').allTextContents();
      expect(periods).toEqual(expect.arrayContaining(['全年', '上半年', '下半年', '第一学期', '第二学期']));
      await page.close();
    } finally {
      expect(await stopUi(unitUi)).toBe(0);
    }
  });

  it('批量生成 takes a roster and gives a zip of the plans', async () => {
    const page = await open();
    await page.getByRole('tab', { name: '批量生成' }).click();
    await page.getByLabel('名录文件（CSV 或 Excel）').setInputFiles(join(EXAMPLES, 'units.csv'));
    await page.getByRole('button', { name: '开始生成' }).click();
    const zipButton = page.getByRole('button', { name: '下载压缩包' });
    await zipButton.waitFor({ state: 'visible', timeout: 120_000 });
    const rows = await page.locator('#batch-results tbody tr').count();
    const [download] = await Promise.all([page.waitForEvent('download'), zipButton.click()]);
    const zip = await JSZip.loadAsync(await saved(download));
    const names = Object.keys(zip.files);
    const roster = readFileSync(join(EXAMPLES, 'units.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows).toBe(roster.length);
    expect(names).toContain('城南实验小学工会.docx');
    expect(names.every((name) => name.endsWith('.docx'))).toBe(true);
    expect(names.length).toBe(await page.locator('#batch-results tbody tr:not(.failed)').count());
    const docx = await openDocx(await zip.file('城南实验小学工会.docx')!.async('uint8array'));
    expect(all(await docx.part('word/document.xml'), 'w:p').map(paragraphText)).toContain('城南实验小学工会');
    expect(await page.locator('#batch-progress').getAttribute('value')).toBe(await page.locator('#batch-progress').getAttribute('max'));
    await page.close();
  });
});
