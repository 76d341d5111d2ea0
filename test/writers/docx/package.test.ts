/**
 * The writer assembles each .docx from parts it reuses (the package made once per set of fonts,
 * each block's XML kept once written); golden-parts.test.ts holds its XML to golden parts byte by
 * byte. These tests check the zip it makes and that reuse never mixes one plan into another.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { writer } from '../../../src/writers/docx/index.js';
import { crc32 as crc32Of } from '../../../src/writers/docx/zip-package.js';
import type { WriterWarning } from '../../../src/writers/writer.js';
import { loadDocument } from '../../../src/pipeline.js';
import { TemplateRegistry } from '../../../src/templates/registry.js';
import { EXAMPLES, requireBuild, run, tempDir } from '../../helpers/cli.js';
import { samplePlan } from './helpers.js';

/** The parts of a zip in its order, as text. */
async function partsOf(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  return Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('string')] as [string, string]));
}

/** Each entry's stored size and CRC-32 against its inflated bytes, read from the central directory. */
function zipEntries(bytes: Uint8Array): { name: string; ok: boolean; time: number; date: number; localTime: number; localDate: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(offset + 10, true);
    const crc = view.getUint32(offset + 16, true);
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extra = view.getUint16(offset + 30, true);
    const comment = view.getUint16(offset + 32, true);
    const local = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const stored = bytes.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(stored) : stored;
    entries.push({
      name,
      ok: data.length === size && crc32(data) === crc,
      time: view.getUint16(offset + 12, true),
      date: view.getUint16(offset + 14, true),
      localTime: view.getUint16(local + 10, true),
      localDate: view.getUint16(local + 12, true),
    });
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
}

async function write(doc: PlanDocument, warnings: WriterWarning[] = []): Promise<Uint8Array> {
  return writer.write(doc, { warn: (warning) => warnings.push(warning) });
}

describe('docx package assembly', () => {
  it("computes CRC-32 as zlib does, also on a Node 20 without zlib's", () => {
    const data = new Uint8Array(10_000).map((_, i) => (i * 7919) % 251);
    expect(crc32Of(new TextEncoder().encode('123456789'), false)).toBe(0xcbf43926);
    expect(crc32Of(data, false)).toBe(crc32(data));
    expect(crc32Of(data)).toBe(crc32(data));
  });

  it('makes a zip whose every entry has the size and CRC-32 it records', async () => {
    const entries = zipEntries(await write(samplePlan()));
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.filter((entry) => !entry.ok)).toEqual([]);
  });

  it("dates every entry with the plan's date, in the local header and the central directory", async () => {
    const doc = samplePlan();
    doc.meta = { ...doc.meta, date: '2027-01-05' };
    // DOS date: years since 1980 in bits 9–15, month in 5–8, day in 0–4; time midnight.
    const dosDate = ((2027 - 1980) << 9) | (1 << 5) | 5;
    for (const entry of zipEntries(await write(doc))) {
      expect([entry.name, entry.date, entry.localDate, entry.time, entry.localTime]).toEqual([entry.name, dosDate, dosDate, 0, 0]);
    }
    const undated = zipEntries(await write({ ...doc, meta: { ...doc.meta, date: undefined } }));
    expect(new Set(undated.map((entry) => entry.date))).toEqual(new Set([(0 << 9) | (1 << 5) | 1]));
    // The same plan gives the same bytes, build after build.
    expect(Buffer.from(await write(doc)).equals(Buffer.from(await write(doc)))).toBe(true);
  });

  it('gives each plan the styles of its own fonts, whichever plan came before', async () => {
    const plain = samplePlan();
    const other: PlanDocument = { ...plain, meta: { ...plain.meta, fonts: { body: '华文中宋' } } };
    const styles = async (doc: PlanDocument) => (await partsOf(await write(doc))).find(([name]) => name === 'word/styles.xml')![1];
    const first = await styles(plain);
    expect((await styles(other)).includes('w:eastAsia="华文中宋"')).toBe(true);
    expect(await styles(plain)).toBe(first);
    expect(first.includes('华文中宋')).toBe(false);
  });

  it('warns about a bad character in every plan that has it, not only the first', async () => {
    const doc: PlanDocument = {
      meta: { title: '标题' },
      blocks: [{ type: 'paragraph', content: [{ text: '坏\u0001字符', bold: false, italic: false }] }],
    };
    for (let round = 0; round < 2; round++) {
      const warnings: WriterWarning[] = [];
      await write(doc, warnings);
      expect(warnings.map((warning) => warning.message).join('\n')).toMatch(/第1段/);
    }
  });
});

describe('the parts compressed at build time', () => {
  it('make the same .docx as parts compressed at run time, with the default fonts and with others', async () => {
    requireBuild();
    const dir = tempDir();
    const plans = { school: join(EXAMPLES, 'school.yaml'), song: join(dir, 'song.yaml') };
    writeFileSync(plans.song, `${readFileSync(join(EXAMPLES, 'town.yaml'), 'utf8')}\nfonts:\n  body: 宋体\n`);
    for (const [name, plan] of Object.entries(plans)) {
      // The built CLI copies the parts embedded by scripts/build.mjs; the source compresses them itself.
      expect(run(dir, 'build', plan, '--format', 'docx', '--out', dir, '--force').status).toBe(0);
      const fromSource = await writer.write(await loadDocument(plan, new TemplateRegistry()));
      expect(Buffer.from(readFileSync(join(dir, `${name}.docx`))).equals(Buffer.from(fromSource)), name).toBe(true);
    }
  });
});
