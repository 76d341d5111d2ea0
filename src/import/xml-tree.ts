import { XMLParser } from 'fast-xml-parser';

/** An element as fast-xml-parser gives it in document order: one tag key, attributes under `:@`. */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // WordprocessingML is always namespaced; the prefix a writer chose (w:, ns0:) does not matter.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

/** Parses one XML part into its top-level nodes. */
export function parseXml(text: string): XmlNode[] {
  return parser.parse(text) as XmlNode[];
}

/** The element's tag, or `#text` for text. */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

/** The element's child nodes. */
export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** An attribute's value (namespace prefix removed). */
export function attrOf(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The first child with a tag. */
export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag);
}

/** Every descendant with a tag, in document order (not looking inside a match). */
export function findAll(nodes: XmlNode[], tag: string, out: XmlNode[] = []): XmlNode[] {
  for (const node of nodes) {
    if (tagOf(node) === tag) out.push(node);
    else findAll(childrenOf(node), tag, out);
  }
  return out;
}

/** The `val` of a child element, as in `<w:pStyle w:val="Heading1"/>`. */
export function childVal(node: XmlNode | undefined, tag: string): string | undefined {
  const child = node ? childOf(node, tag) : undefined;
  return child ? attrOf(child, 'val') : undefined;
}
