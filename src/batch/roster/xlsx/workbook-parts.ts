/**
 * Where things are in an .xlsx: the relationship parts (`_rels/*.rels`) that link the package
 * to its workbook and the workbook to its sheets, shared strings and styles, and the workbook's
 * list of sheets (`xl/workbook.xml`) in the order Excel shows their tabs.
 */
import type { XmlAttributes, XmlHandler } from './xml-scanner.js';

/** One link of a relationship part, its target resolved to a part name (`xl/worksheets/sheet1.xml`). */
export interface Relationship {
  id: string;
  /** The last word of the type URI: `officeDocument`, `worksheet`, `sharedStrings`, `styles` … */
  type: string;
  part: string;
}

/** A sheet tab as the workbook lists it. */
export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** Its part, or undefined when it is not a worksheet (a chart sheet) or its link is missing. */
  part?: string;
}

/** Resolves a relationship target against the folder of the part that holds the link. */
function resolvePart(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${base.slice(0, base.lastIndexOf('/') + 1)}${target}`;
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** The relationship part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Reads a relationship part; `source` is the part its links start from (`''` for the package). */
export function relationshipsReader(source: string): XmlHandler & { relationships: Relationship[] } {
  const relationships: Relationship[] = [];
  return {
    relationships,
    open(name: string, attributes: XmlAttributes): void {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const { Id: id, Type: type, Target: target } = attributes;
      if (id === undefined || target === undefined) return;
      relationships.push({ id, type: (type ?? '').slice((type ?? '').lastIndexOf('/') + 1), part: resolvePart(source, target) });
    },
    close(): void {},
    text(): void {},
  };
}

/** The relationship id of a tag (`r:id`, whatever the prefix). */
function relationshipId(attributes: XmlAttributes): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(':id')) return value;
  return undefined;
}

/** Reads `xl/workbook.xml`: its sheets, in tab order, and whether its dates count from 1904. */
export function workbookReader(): XmlHandler & { sheets: { name: string; hidden: boolean; id?: string }[]; date1904: boolean } {
  const reader = {
    sheets: [] as { name: string; hidden: boolean; id?: string }[],
    date1904: false,
    open(name: string, attributes: XmlAttributes): void {
      if (name === 'workbookPr') reader.date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      else if (name === 'sheet' && attributes.name !== undefined) {
        reader.sheets.push({
          name: attributes.name,
          hidden: attributes.state === 'hidden' || attributes.state === 'veryHidden',
          id: relationshipId(attributes),
        });
      }
    },
    close(): void {},
    text(): void {},
  };
  return reader;
}

/** The workbook's sheets with their parts, from what {@link workbookReader} and the workbook's links found. */
export function sheetEntries(
  sheets: readonly { name: string; hidden: boolean; id?: string }[],
  links: readonly Relationship[],
): SheetEntry[] {
  return sheets.map((sheet) => {
    const link = links.find((l) => l.id === sheet.id);
    // A link without a type (hand-made files) is taken for a worksheet; a chart sheet is not one.
    return {
      name: sheet.name,
      hidden: sheet.hidden,
      ...(link && (link.type === 'worksheet' || link.type === '') ? { part: link.part } : {}),
    };
  });
}
