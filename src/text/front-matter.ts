/**
 * Splits `---\nyaml\n---\nbody`. unionplan reads the YAML itself with the `yaml` package, so
 * front matter errors get the same positions and messages as outlines; gray-matter would also
 * load js-yaml (and esprima) at start-up for nothing.
 */
export function splitFrontMatter(text: string): { yaml?: string; body: string } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text };
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) };
}
