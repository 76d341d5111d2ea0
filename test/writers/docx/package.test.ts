/**
 * The writer assembles each .docx from parts it reuses (the package made once per set of fonts,
 * each block's XML kept once written). These tests hold it to what the `docx` library itself
 * writes for the whole document, part by part and byte by byte, and check the zip it makes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../src/document/model.js';
import { parseMarkdown } from '../../../src/document/parse.js';
import { buildDocument, writer } from '../../../src/writers/docx/index.js';
import { STYLES_PATH, completeStyles } from '../../../src/writers/docx/package-skeleton.js';
import type { WriterWarning } from '../../../src/writers/writer.js';
import { samplePlan } from './helpers.js';

const GOLDEN = new URL('../../golden/', import.meta.url);

/** Every plan type's golden Markdown, as the document model. */
function goldenPlans(): [string, PlanDocument][] {
  return readdirSync(GOLDEN)
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, parseMarkdown(name, readFileSync(new URL(name, GOLDEN), 'utf8'))]);
}

/** The parts of a zip in its order, as text. */
async function partsOf(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  return Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('string')] as [string, string]));
}

/**
 * The library's own package for the plan: every part as the `docx` library writes it, but for the
 * styles, which the writer completes on purpose (`completeStyles`, tested in styles.test.ts).
 */
async function libraryParts(doc: PlanDocument): Promise<[string, string][]> {
  const parts = await partsOf(await Packer.pack(buildDocument(doc), 'uint8array'));
  return parts.map(([name, text]) =>
    name === STYLES_PATH ? [name, new TextDecoder().decode(completeStyles(new TextEncoder().encode(text)))] : [name, text],
  );
}

/** Each entry's stored size and CRC-32 against its inflated bytes, read from the central directory. */
function zipEntries(bytes: Uint8Array): { name: string; ok: boolean }[] {
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
    entries.push({ name, ok: data.length === size && crc32(data) === crc });
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
}

async function write(doc: PlanDocument, warnings: WriterWarning[] = []): Promise<Uint8Array> {
  return writer.write(doc, { warn: (warning) => warnings.push(warning) });
}

describe('docx package assembly', () => {
  it.each(goldenPlans())('writes %s exactly as the docx library does, part by part', async (_name, doc) => {
    // Twice: the second time the blocks come from the cache.
    for (let round = 0; round < 2; round++) {
      const ours = await partsOf(await write(doc));
      const theirs = await libraryParts(doc);
      expect(ours.map(([name]) => name)).toEqual(theirs.map(([name]) => name));
      for (const [index, [name, text]] of ours.entries()) {
        // The core properties are ours on purpose (the plan's date, not the clock).
        if (name === 'docProps/core.xml') continue;
        expect(text, name).toBe(theirs[index]![1]);
      }
    }
  });

  it('writes special characters, tables side by side and a last table as the library does', async () => {
    const doc: PlanDocument = {
      meta: { title: '<标题> & "引号" \'单\'', org: 'A&B' },
      blocks: [
        { type: 'paragraph', content: [{ text: 'a < b && c > d "q" \'s\' \t tab', bold: false, italic: false }] },
        { type: 'table', header: [[[{ text: '项目&', bold: false, italic: false }]]], rows: [[[[{ text: '<x>', bold: true, italic: false }]]]] },
        { type: 'table', header: [[[{ text: '二', bold: false, italic: false }]]], rows: [] },
      ],
    };
    const ours = await partsOf(await write(doc));
    const theirs = await libraryParts(doc);
    const document = (parts: [string, string][]) => parts.find(([name]) => name === 'word/document.xml')![1];
    expect(document(ours)).toBe(document(theirs));
    expect(document(ours)).toContain('a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &apos;s&apos;');
  });

  it('makes a zip whose every entry has the size and CRC-32 it records', async () => {
    const entries = zipEntries(await write(samplePlan()));
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.filter((entry) => !entry.ok)).toEqual([]);
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
