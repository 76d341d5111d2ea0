/**
 * Opening a written .docx for tests: unzip it (jszip), parse each part (fast-xml-parser, order
 * kept) into a small element tree, and read paragraphs back as text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import type { PlanDocument } from '../../../src/document/model.js';
import type { WriterWarning } from '../../../src/writers/writer.js';
import { writer } from '../../../src/writers/docx/index.js';

/** An XML element: its qualified name, attributes, and children (text nodes have name `#text`). */
export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

type Ordered = Record<string, unknown>;

function toEl(node: Ordered): El {
  const attrs = (node[':@'] ?? {}) as Record<string, string>;
  const name = Object.keys(node).find((key) => key !== ':@') ?? '';
  if (name === '#text') return { name, attrs: {}, children: [], text: String(node[name]) };
  const children = ((node[name] ?? []) as Ordered[]).map(toEl);
  return { name, attrs, children };
}

/** Parses an XML string into its root element. */
export function parseXml(xml: string): El {
  const nodes = parser.parse(xml) as Ordered[];
  const root = nodes.map(toEl).find((el) => el.name !== '?xml' && el.name !== '#text');
  if (!root) throw new Error('no root element');
  return root;
}

/** Every descendant (depth first, document order) named `name`. */
export function all(el: El, name: string): El[] {
  const found: El[] = [];
  for (const child of el.children) {
    if (child.name === name) found.push(child);
    found.push(...all(child, name));
  }
  return found;
}

/** The first descendant named `name`; throws so a missing element fails the test loudly. */
export function first(el: El, name: string): El {
  const found = all(el, name)[0];
  if (!found) throw new Error(`no <${name}> in <${el.name}>`);
  return found;
}

/** The first descendant named `name`, or undefined. */
export function maybe(el: El, name: string): El | undefined {
  return all(el, name)[0];
}

/** Direct children named `name`. */
export function kids(el: El, name: string): El[] {
  return el.children.filter((child) => child.name === name);
}

/** The text a paragraph shows: w:t text, tabs as \t, line breaks as \n. Field codes are left out. */
export function paragraphText(p: El): string {
  let text = '';
  for (const run of kids(p, 'w:r')) {
    for (const child of run.children) {
      if (child.name === 'w:t') text += child.children.map((node) => node.text ?? '').join('');
      else if (child.name === 'w:tab') text += '\t';
      else if (child.name === 'w:br') text += '\n';
    }
  }
  return text;
}

/** A written .docx, opened. */
export interface Docx {
  bytes: Uint8Array;
  files: string[];
  xml(path: string): Promise<string>;
  part(path: string): Promise<El>;
  /** The body's own paragraphs and tables, in order (not the paragraphs inside cells). */
  body(): Promise<El[]>;
  /** The style element with this id from styles.xml. */
  style(id: string): Promise<El>;
  /** The footer part a `w:footerReference` of this type points to. */
  footer(type: 'default' | 'even'): Promise<El>;
  warnings: WriterWarning[];
}

/** Opens .docx bytes. */
export async function openDocx(bytes: Uint8Array, warnings: WriterWarning[] = []): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`no ${path} in the package`);
    return file.async('string');
  };
  const part = async (path: string) => parseXml(await xml(path));
  return {
    bytes,
    files: Object.keys(zip.files),
    warnings,
    xml,
    part,
    async body() {
      const body = first(await part('word/document.xml'), 'w:body');
      return body.children.filter((child) => child.name === 'w:p' || child.name === 'w:tbl');
    },
    async style(id: string) {
      const styles = all(await part('word/styles.xml'), 'w:style');
      const found = styles.filter((style) => style.attrs['w:styleId'] === id);
      if (found.length !== 1) throw new Error(`${found.length} styles with id ${id}`);
      return found[0] as El;
    },
    async footer(type) {
      const document = await part('word/document.xml');
      const reference = all(document, 'w:footerReference').find((ref) => ref.attrs['w:type'] === type);
      if (!reference) throw new Error(`no ${type} footer`);
      const rels = all(await part('word/_rels/document.xml.rels'), 'Relationship');
      const target = rels.find((rel) => rel.attrs.Id === reference.attrs['r:id'])?.attrs.Target;
      if (!target) throw new Error(`footer relationship ${reference.attrs['r:id']} missing`);
      return part(`word/${target}`);
    },
  };
}

/** Writes a plan with the DOCX writer and opens the result, collecting warnings. */
export async function writeAndOpen(doc: PlanDocument): Promise<Docx> {
  const warnings: WriterWarning[] = [];
  const bytes = await writer.write(doc, { warn: (warning) => warnings.push(warning) });
  return openDocx(bytes, warnings);
}

/** The sample plan from the fixtures. */
export function samplePlan(): PlanDocument {
  return JSON.parse(readFileSync(new URL('../../fixtures/documents/sample-plan.json', import.meta.url), 'utf8')) as PlanDocument;
}

/** With `DOCX_OUT` set, saves the bytes there, to look at the file in Word or LibreOffice. */
export function saveIfAsked(bytes: Uint8Array): void {
  const path = process.env.DOCX_OUT;
  if (path) writeFileSync(path, bytes);
}

/**
 * Effective formatting as Word works it out: the paragraph's own properties, then its style and
 * the styles it is based on, then the document defaults. This is what shows that the body's
 * first-line indent does not leak into the title, cells, footers or signature.
 */
export interface Resolver {
  /** An attribute of a paragraph property (e.g. `w:ind` `w:firstLineChars`). */
  para(p: El, element: string, attr: string): string | undefined;
  /** An attribute of a run property, for run `r` in paragraph `p`. */
  run(p: El, r: El | undefined, element: string, attr: string): string | undefined;
  /** Whether an on/off run property (`w:b`) is on. */
  runOn(p: El, r: El | undefined, element: string): boolean;
}

/** A resolver over this package's styles. */
export async function resolver(docx: Docx): Promise<Resolver> {
  const styles = await docx.part('word/styles.xml');
  const byId = new Map(all(styles, 'w:style').map((style) => [style.attrs['w:styleId'] ?? '', style]));
  const defaults = first(styles, 'w:docDefaults');
  const chain = (p: El): El[] => {
    const pPr = kids(p, 'w:pPr')[0];
    let id: string | undefined = (pPr && kids(pPr, 'w:pStyle')[0]?.attrs['w:val']) ?? 'Normal';
    const found: El[] = [];
    while (id !== undefined) {
      const style = byId.get(id);
      if (!style || found.includes(style)) break;
      found.push(style);
      id = kids(style, 'w:basedOn')[0]?.attrs['w:val'];
    }
    return found;
  };
  const fromProps = (props: El | undefined, element: string, attr: string) => (props ? kids(props, element)[0]?.attrs[attr] : undefined);
  const lookup = (sources: (El | undefined)[], element: string, attr: string) => {
    for (const source of sources) {
      const value = fromProps(source, element, attr);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const runSources = (p: El, r: El | undefined) => [
    r ? kids(r, 'w:rPr')[0] : undefined,
    ...chain(p).map((style) => kids(style, 'w:rPr')[0]),
    maybe(defaults, 'w:rPr'),
  ];
  return {
    para: (p, element, attr) =>
      lookup([kids(p, 'w:pPr')[0], ...chain(p).map((style) => kids(style, 'w:pPr')[0]), maybe(defaults, 'w:pPr')], element, attr),
    run: (p, r, element, attr) => lookup(runSources(p, r), element, attr),
    runOn(p, r, element) {
      for (const source of runSources(p, r)) {
        const found = source ? kids(source, element)[0] : undefined;
        if (found) return !['0', 'false', 'off'].includes(found.attrs['w:val'] ?? 'true');
      }
      return false;
    },
  };
}
