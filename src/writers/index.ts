import { UserError, quote } from '../errors.js';
import { writer as markdownWriter } from './markdown.js';
import type { Writer } from './writer.js';

/**
 * The one table of output formats. The DOCX and PDF writers are loaded only when asked for, so
 * building Markdown never pays for them at start-up. The Markdown writer, a few kilobytes of what
 * every build loads anyway, comes with the pipeline: a file of its own cost a build more to load.
 */
const WRITERS: Record<string, () => Promise<Writer>> = {
  md: async () => markdownWriter,
  docx: async () => (await import('./docx/index.js')).writer,
  pdf: async () => {
    try {
      return (await import('./pdf/index.js')).writer;
    } catch (error) {
      if (isMissingModule(error)) throw new UserError('usage', PDF_NOT_INSTALLED);
      throw error;
    }
  },
};

/**
 * PDF needs the Typst compiler, installed as an optional dependency so that a Word-only install
 * (`npm install --omit=optional`) stays small. The fonts ship in the package itself.
 */
const PDF_NOT_INSTALLED =
  '本次安装不含 PDF 所需的 Typst 排版程序（安装时用了 --omit=optional）。' +
  '只需 Word 和 Markdown 时用 --format docx 或 --format md；需要 PDF 时重新安装 unionplan，不加 --omit=optional';

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && /typst-ts-node-compiler/.test(String((error as Error).message))
  );
}

export const FORMATS = Object.keys(WRITERS);

/** Parses `--format md,docx` into a list, reporting every unknown name at once. */
export function parseFormats(value: string): string[] {
  const names = value
    .split(/[,，\s]+/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(name in WRITERS));
  if (unknown.length) {
    throw new UserError(
      'usage',
      `不支持的输出格式 ${unknown.map(quote).join('、')}，--format 可用：${FORMATS.join('、')}（可用逗号分隔多个，如 --format docx,pdf）`,
    );
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
