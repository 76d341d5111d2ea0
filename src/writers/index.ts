import { UserError, quote } from '../errors.js';
import type { Writer } from './writer.js';

/**
 * The one table of output formats. Each writer is loaded only when asked for, so building
 * Markdown never pays for the DOCX or PDF libraries at start-up.
 */
const WRITERS: Record<string, () => Promise<Writer>> = {
  md: async () => (await import('./markdown.js')).writer,
  docx: async () => (await import('./docx/index.js')).writer,
  pdf: async () => (await import('./pdf/index.js')).writer,
};

export const FORMATS = Object.keys(WRITERS);

/** Parses `--format md,docx` into a list, reporting every unknown name at once. */
export function parseFormats(value: string): string[] {
  const names = value
    .split(/[,，\s]+/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(name in WRITERS));
  if (unknown.length) {
    throw new UserError('usage', `不支持的输出格式 ${unknown.map(quote).join('、')}，--format 可用：${FORMATS.join('、')}（可用逗号分隔多个，如 --format docx,pdf）`);
  }
  if (names.length === 0) throw new UserError('usage', `--format 不能为空，可用：${FORMATS.join('、')}`);
  return [...new Set(names)];
}

/** The writer of a format named in `FORMATS`. */
export async function loadWriter(format: string): Promise<Writer> {
  const load = WRITERS[format];
  if (!load) throw new UserError('usage', `不支持的输出格式 ${quote(format)}`);
  return load();
}
