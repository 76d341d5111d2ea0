/**
 * The XML of one `docx` element, for the writer's block cache. `docx` turns its elements into
 * objects in the xml package's shape (`{ "w:b": { _attr: { "w:val": false } } }`) with the public
 * `prepForXml`, then writes them with a serializer it does not export. This writes the same bytes
 * for the same objects, quirks included (the test compares whole documents with docx's own output);
 * the xml package itself writes them too, but a third slower, and it is no longer maintained.
 */
import type { IContext, IXmlableObject } from 'docx';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** XML-illegal control characters are dropped, as docx drops them (the writer warns about them earlier). */
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Strings escaped; numbers and booleans as they are. */
function escapeValue(value: unknown): string {
  return typeof value === 'string' ? value.replace(ESCAPED, (char) => ESCAPES[char] ?? '') : String(value);
}

function attributesOf(attr: Record<string, unknown>): string {
  let text = '';
  for (const key of Object.keys(attr)) text += ` ${key}="${escapeValue(attr[key])}"`;
  return text;
}

/**
 * One element: its name is the object's first key. An array value holds attributes (`_attr`),
 * children and text; as in the xml package, a text drops whatever text came just before it, and
 * an element with an array value is never self-closing.
 */
function stringifyObject(data: IXmlableObject): string {
  const name = Object.keys(data)[0];
  const values: unknown = name === undefined ? undefined : data[name];
  let attributes = '';
  const content: string[] = [];
  if (typeof values === 'object' && values !== null) {
    const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
    if (attr) attributes += attributesOf(attr);
    if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
    if (Array.isArray(values)) {
      let isText = false;
      content.push('');
      for (const value of values as unknown[]) {
        if (typeof value === 'object' && value !== null) {
          const child = value as IXmlableObject;
          if (Object.keys(child)[0] === '_attr') attributes += attributesOf(child._attr as Record<string, unknown>);
          else content.push(stringifyObject(child));
        } else {
          content.pop();
          isText = true;
          content.push(escapeValue(value));
        }
      }
      if (!isText) content.push('');
    }
  } else if (typeof values !== 'object') {
    content.push(values === undefined ? '' : escapeValue(values));
  }
  const open = name === undefined ? '' : `<${name}${attributes}`;
  if (content.length === 0) return `${open}/>`;
  return `${open}${name === undefined ? '' : '>'}${content.join('')}${name === undefined ? '' : `</${name}>`}`;
}

/** The XML of a `docx` element (a paragraph, a table) as it would appear in word/document.xml. */
export function elementXml(element: { prepForXml(context: IContext): IXmlableObject | undefined }, context: IContext): string {
  const data = element.prepForXml(context);
  return data === undefined ? '' : stringifyObject(data);
}
