/** The outline the form edits, as plain data shaped like plan.yaml. */
export type Fields = Record<string, unknown>;
export type Path = (string | number)[];

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** Sets the value at a path (the parents exist); undefined removes the key. */
export function setAt(root: Fields, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
  const key = path[path.length - 1]!;
  if (!parent) return;
  if (value === undefined && !Array.isArray(parent)) delete parent[key];
  else parent[key] = value;
}

/** The list at a path, made if missing. */
export function listAt(root: Fields, path: Path): unknown[] {
  const value = getAt(root, path);
  if (Array.isArray(value)) return value;
  const list: unknown[] = [];
  setAt(root, path, list);
  return list;
}

/** `sections.0.title`: how a path is named in the page (data-path) and by the server's notes. */
export function pathKey(path: Path): string {
  return path.join('.');
}

/** An element id for a path. */
export function pathId(path: Path): string {
  return `f-${path.join('-')}`;
}

/** Text as the user typed it, or undefined when blank (the field is then left out). */
export function textOrNone(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** A number when the text is one, else the text itself (so a wrong value reaches validation as typed). */
export function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : value;
}

/** What a field shows for a value. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
