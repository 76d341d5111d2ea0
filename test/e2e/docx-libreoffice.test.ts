import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineText, type PlanDocument } from '../../src/document/model.js';
import { loadDocument } from '../../src/pipeline.js';
import { BUILT_IN_ORDER, TemplateRegistry } from '../../src/templates/registry.js';
import { loadWriter } from '../../src/writers/index.js';

const root = new URL('../../', import.meta.url);
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice && command -v pdftotext']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'unionplan-lo-'));
const docs = new Map<string, PlanDocument>();

/** pdftotext joins lines as laid out; compare without the breaks and spaces it inserts. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!hasSoffice)('DOCX of every built-in type, opened by LibreOffice', () => {
  beforeAll(async () => {
    const registry = new TemplateRegistry();
    const writer = await loadWriter('docx');
    const files: string[] = [];
    for (const type of BUILT_IN_ORDER) {
      const doc = await loadDocument(new URL(`examples/${type}.yaml`, root).pathname, registry);
      docs.set(type, doc);
      const file = join(dir, `${type}.docx`);
      writeFileSync(file, await writer.write(doc));
      files.push(file);
    }
    // One LibreOffice start for all eight files: each start costs seconds.
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...files],
      {
        stdio: 'ignore',
        timeout: 300_000,
      },
    );
  }, 320_000);

  it.each(BUILT_IN_ORDER)('%s: A4 pages with every numbered heading and the unit name', (type) => {
    const pdf = join(dir, `${type}.pdf`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(0);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Math.abs(Number(w) - 595.3)).toBeLessThan(1);
    expect(Math.abs(Number(h) - 841.9)).toBeLessThan(1);

    const text = squash(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    const doc = docs.get(type)!;
    expect(text).toContain(squash(doc.meta.org!));
    for (const block of doc.blocks) {
      if (block.type === 'heading') expect(text).toContain(squash(block.number + lineText(block.content)));
    }
    expect(text).toContain(squash('— 1 —'));
  });
});
