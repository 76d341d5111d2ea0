import { UserError } from '../../errors.js';
import { readTextFile } from '../../io/read-text-file.js';
import { splitFrontMatter } from '../../text/front-matter.js';
import YAML from 'yaml';
import type { FontRole } from '../../vocab/fonts.js';

const ROLE_NAMES: Record<FontRole, string> = {
  title: '标题',
  body: '正文',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
  pageNumber: '页码',
  table: '表格',
};

/** The `fonts:` setting of an outline or a Markdown plan, when one is given. */
async function fontsOf(file: string): Promise<Partial<Record<FontRole, string>> | undefined> {
  const text = await readTextFile(file);
  const yaml = /\.(md|markdown)$/i.test(file) ? (splitFrontMatter(text).yaml ?? '') : text;
  let data: unknown;
  try {
    data = YAML.parse(yaml);
  } catch {
    throw new UserError('invalid', [{ file, message: 'YAML 格式有误，无法读取其中的 fonts 设置；运行 unionplan build 可看到具体位置' }]);
  }
  const fonts = (data as { fonts?: unknown } | null)?.fonts;
  return typeof fonts === 'object' && fonts !== null ? (fonts as Partial<Record<FontRole, string>>) : undefined;
}

/**
 * What `unionplan fonts` does, loaded only when it runs.
 */
export async function fontsAction(file: string | undefined, options: { fontDir?: string[] }): Promise<void> {
  // The PDF code is loaded only for this command and for --format pdf.
  const { describeFonts } = await import('../../writers/pdf/index.js');
  const fonts = file ? await fontsOf(file) : undefined;
  for (const entry of describeFonts({ fontDirs: options.fontDir ?? [], fonts })) {
    const note = entry.note ? `（${entry.note}）` : '';
    process.stdout.write(`${ROLE_NAMES[entry.role]}\t${entry.family}\t→ ${entry.used}\t${entry.source}${note}\n`);
  }
}
