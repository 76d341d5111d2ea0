import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Root } from 'mdast';
import { loadDocument } from '../../src/pipeline.js';
import { BUILT_IN_ORDER, TemplateRegistry } from '../../src/templates/registry.js';
import { splitFrontMatter } from '../../src/text/front-matter.js';
import { toMarkdown } from '../../src/writers/markdown.js';
import { all, kids, paragraphText, writeAndOpen } from '../writers/docx/helpers.js';

const root = new URL('../../', import.meta.url);
const registry = new TemplateRegistry();

/** The text of a Markdown node as a reader sees it; `<br>` in a cell is a line break. */
function text(node: Nodes): string {
  if (node.type === 'html') return /^<br\s*\/?>$/i.test(node.value) ? '\n' : node.value;
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(text).join('');
  return '';
}

/**
 * The Markdown file's paragraphs, read with remark on its own (not through unionplan's document
 * parser): front-matter title, headings, paragraphs, then each table cell's lines, the signature.
 */
function markdownParagraphs(markdown: string): string[] {
  const { yaml, body } = splitFrontMatter(markdown);
  const title = /^title: (.*)$/m.exec(yaml ?? '')?.[1] ?? '';
  const processor = unified().use(remarkParse);
  const data = processor.data();
  data.micromarkExtensions = [gfmTable()];
  data.fromMarkdownExtensions = [gfmTableFromMarkdown()];
  const tree = processor.parse(body) as Root;
  const out = [title];
  for (const node of tree.children) {
    if (node.type === 'table') {
      for (const row of node.children) for (const cell of row.children) out.push(...text(cell).split('\n'));
    } else if (node.type !== 'html') out.push(text(node).replace(/\n/g, ''));
  }
  return out;
}

describe.each(BUILT_IN_ORDER)('%s', (type) => {
  it('DOCX paragraphs carry exactly the text of the Markdown output', async () => {
    const doc = await loadDocument(new URL(`examples/${type}.yaml`, root).pathname, registry);
    const markdown = toMarkdown(doc);
    const docx = await writeAndOpen(doc);
    const paragraphs: string[] = [];
    for (const element of await docx.body()) {
      if (element.name === 'w:p') paragraphs.push(paragraphText(element).replace(/\n/g, ''));
      else for (const cell of all(element, 'w:tc')) paragraphs.push(...kids(cell, 'w:p').map(paragraphText));
    }
    expect(paragraphs.filter((p) => p !== '')).toEqual(markdownParagraphs(markdown).filter((p) => p !== ''));
  });
});
