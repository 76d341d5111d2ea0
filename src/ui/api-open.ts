import type { IncomingMessage } from 'node:http';
import { extname } from 'node:path';
import { YamlSource } from '../io/yaml-source.js';
import { LIMITS, readBody, uploadName } from './body.js';
import { HttpError } from './http-error.js';
import type { Reply } from './reply.js';

/** What opening a file gives the form: the outline's fields, and notes for the user. */
export interface Opened {
  outline: Record<string, unknown>;
  notes: string[];
}

/** Reads an uploaded file (its bytes and the name it had on the user's machine) into a form outline. */
export type Opener = (bytes: Buffer, name: string) => Promise<Opened>;

/**
 * An outline (plan.yaml), read as `build` reads one: UTF-8, a byte-order mark dropped, YAML
 * syntax errors reported with line and column. The fields go to the form as written, so a wrong
 * value is marked on its field (by the preview's validation) rather than refusing the file.
 */
async function openOutline(bytes: Buffer, name: string): Promise<Opened> {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const source = new YamlSource(name, text);
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) throw new HttpError(422, syntax.map((p) => `${name}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  const outline = source.doc.toJS() as unknown;
  if (typeof outline !== 'object' || outline === null || Array.isArray(outline)) {
    throw new HttpError(422, `${name}: 不是提纲：提纲应为键值对（type:、org: 等字段），请打开 unionplan new 生成的 .yaml 文件`);
  }
  const notes: string[] = [];
  const check = (outline as Record<string, unknown>).check;
  if (typeof check === 'object' && check !== null && 'references' in check) {
    notes.push('提纲中 check.references 指向的补充过时提法列表是本机文件，网页中不读取，已忽略');
  }
  return { outline: outline as Record<string, unknown>, notes };
}

/**
 * Last year's plan (Word, text or Markdown) through `unionplan import`: the outline for the next
 * year, with the import's summary as notes. The import code loads only when a plan is imported.
 */
async function importLastYear(bytes: Buffer, name: string): Promise<Opened> {
  const { importPlan } = await import('../import/import-plan.js');
  const { formatSummary } = await import('../import/summary.js');
  const result = await importPlan(new Uint8Array(bytes), name);
  const outline = new YamlSource(name, result.yaml).doc.toJS() as Record<string, unknown>;
  const notes = formatSummary(result.summary)
    .split('\n')
    .filter((line) => line.trim() !== '');
  return { outline, notes };
}

/** What 打开 accepts, by extension: an outline, or last year's plan to import. */
export const OPENERS: Record<string, Opener> = {
  '.yaml': openOutline,
  '.yml': openOutline,
  '.docx': importLastYear,
  '.txt': importLastYear,
  '.md': importLastYear,
};

/** 打开: an uploaded file, through the opener for its extension. No path on disk is involved. */
export async function openReply(request: IncomingMessage): Promise<Reply> {
  const name = uploadName(request);
  const ext = extname(name).toLowerCase();
  const opener = OPENERS[ext];
  if (!opener) {
    const known = Object.keys(OPENERS).join('、');
    const hint = ext === '.doc' || ext === '.wps' ? '旧版 Word/WPS 文件请先在 Word 或 WPS 中另存为 .docx；' : '';
    // Read nothing more than the limit even when refusing.
    await readBody(request, LIMITS.open);
    throw new HttpError(415, `无法打开 ${JSON.stringify(name)}：${hint}可以打开的文件：${known}`);
  }
  const bytes = await readBody(request, LIMITS.open);
  const opened = await opener(bytes, name || 'plan.yaml');
  return { json: opened };
}
