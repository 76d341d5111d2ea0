/**
 * The package's parts are XML files under `parts/`, laid out one element a line, with comments,
 * to be read and edited; a part is written without that layout and without the comments, as Word
 * writes its own. `{{name}}` marks where a value goes (a font, the body); the values are XML already.
 */

/** The part's text without comments and without the line breaks and indentation between its elements. */
export function compactXml(text: string): string {
  return text
    .replace(/\s*<!--[\s\S]*?-->/g, '')
    .replace(/>\r?\n\s*</g, '><')
    .trim();
}

/** `template` with each `{{name}}` replaced by `values[name]`; a name without a value is our bug. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`DOCX part template: no value for {{${name}}}`);
    return value;
  });
}
