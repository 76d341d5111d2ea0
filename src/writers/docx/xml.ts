/**
 * Writing WordprocessingML elements. Attributes are written in the order given, values escaped;
 * `undefined` leaves an attribute out. Elements follow the order the schema (ECMA-376) gives them.
 */
import { escapeXml } from './xml-text.js';

/** Attribute values by qualified name; undefined ones are left out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** ` a="1" b="2"`: the attributes that have a value, escaped. */
export function attributes(attrs: Attributes): string {
  let text = '';
  for (const name in attrs) {
    const value = attrs[name];
    if (value !== undefined) text += ` ${name}="${typeof value === 'string' ? escapeXml(value) : String(value)}"`;
  }
  return text;
}

/** An empty element: `<w:b/>`, `<w:ind w:left="320"/>`. */
export function empty(name: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}/>`;
}

/** An element around XML that is already written. */
export function element(name: string, content: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${content}</${name}>`;
}
