/** Roles a font can play on the page (GB/T 9704-2012). */
export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'pageNumber' | 'table';

/**
 * Font family per role as GB/T 9704-2012 names them. DOCX writes these names (Word substitutes
 * where one is missing); the PDF writer looks them up on the machine and falls back to bundled
 * fonts. A plan's `fonts` setting overrides any of them, e.g. 仿宋_GB2312 where a locality asks for it.
 */
export const DEFAULT_FONTS: Readonly<Record<FontRole, string>> = {
  title: '方正小标宋简体',
  body: '仿宋',
  heading1: '黑体',
  heading2: '楷体',
  heading3: '仿宋',
  heading4: '仿宋',
  pageNumber: '宋体',
  table: '仿宋',
};

/** Latin letters and digits are set in this face in every role. */
export const LATIN_FONT = 'Times New Roman';

/** Every role, in the order `unionplan fonts` lists them. */
export const FONT_ROLES: readonly FontRole[] = ['title', 'body', 'heading1', 'heading2', 'heading3', 'heading4', 'pageNumber', 'table'];

/** The font family for every role: the plan's own choice where it made one, else the default. */
export function resolveFonts(overrides?: Partial<Record<FontRole, string>>): Record<FontRole, string> {
  const fonts = { ...DEFAULT_FONTS };
  for (const role of FONT_ROLES) {
    const name = overrides?.[role];
    if (name) fonts[role] = name;
  }
  return fonts;
}
