import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanDocument } from '../../../src/document/model.js';
import { writer } from '../../../src/writers/pdf/index.js';
import type { WriterOptions } from '../../../src/writers/writer.js';

/** The command-line tools the PDF tests read the files with (poppler-utils, qpdf). */
export const TOOLS = ['pdftotext', 'pdffonts', 'pdfinfo', 'qpdf'] as const;

/** Whether every tool is on the PATH. */
export function haveTools(): boolean {
  return TOOLS.every((tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined);
}

/** The sample plan of the fixtures. */
export function samplePlan(): PlanDocument {
  const url = new URL('../../fixtures/documents/sample-plan.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as PlanDocument;
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'unionplan-pdf-'));
}

/** Writes the PDF of a plan into a temporary folder and returns its path. */
export async function writePdf(doc: PlanDocument, options?: WriterOptions): Promise<string> {
  const file = join(tempDir(), 'plan.pdf');
  writeFileSync(file, await writer.write(doc, options));
  return file;
}

/** Runs a tool and returns what it printed. */
export function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The text of a PDF as pdftotext reads it, all white space removed (Typst spaces Latin from Chinese). */
export function pdfText(file: string): string {
  return squeeze(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
}

/** A string with all white space removed. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The fonts pdffonts lists: name, whether embedded, whether subset. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  const lines = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '');
  return lines.map((line) => {
    // name, then type (may contain spaces), encoding, emb, sub, uni, object id, generation.
    const fields = line.trim().split(/\s+/);
    const [emb, sub] = fields.slice(-5, -3);
    return { name: fields[0] ?? '', embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

/** pdfinfo's fields by name. */
export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

/**
 * A copy of a font file whose `name` table says it is another family (e.g. SimHei / 黑体), to
 * stand in for an official font in tests. The new table is appended and the directory entry
 * pointed at it; the rest of the font is left as it was.
 */
export function renameFont(source: string, target: string, names: { family: string; chinese: string }): void {
  const font = readFileSync(source);
  const numTables = font.readUInt16BE(4);
  const records: [number, number, string][] = [
    [0x0409, 1, names.family],
    [0x0409, 2, 'Regular'],
    [0x0409, 4, names.family],
    [0x0409, 6, names.family.replace(/[^A-Za-z0-9-]/g, '')],
    [0x0804, 1, names.chinese],
    [0x0804, 2, 'Regular'],
    [0x0804, 4, names.chinese],
  ];
  const strings = records.map(([, , text]) => {
    const le = Buffer.from(text, 'utf16le');
    return Buffer.from(le).swap16();
  });
  const header = Buffer.alloc(6 + records.length * 12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach(([language, nameId], i) => {
    const at = 6 + i * 12;
    header.writeUInt16BE(3, at);
    header.writeUInt16BE(1, at + 2);
    header.writeUInt16BE(language, at + 4);
    header.writeUInt16BE(nameId, at + 6);
    header.writeUInt16BE(strings[i]?.length ?? 0, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += strings[i]?.length ?? 0;
  });
  const table = Buffer.concat([header, ...strings]);
  const padding = Buffer.alloc((4 - (font.length % 4)) % 4);
  const copy = Buffer.concat([font, padding, table]);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    if (copy.toString('latin1', at, at + 4) === 'name') {
      copy.writeUInt32BE(font.length + padding.length, at + 8);
      copy.writeUInt32BE(table.length, at + 12);
    }
  }
  writeFileSync(target, copy);
}
