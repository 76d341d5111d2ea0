/**
 * The `check:` settings travel with a plan (outline → Markdown front matter → Markdown again), and
 * their `references` paths are relative to the file that names them. On the way they are held as
 * absolute paths, and made relative again to the folder of each file written, so that a list named
 * in `plan.yaml` is still found from `out/plan.md`.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

type Settings = Record<string, unknown>;

/** A `check:` value worth carrying on: a mapping (`check` itself reports anything else). */
export function isCheckMapping(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The lists a `check:` names by path: outdated wordings, current wordings and check's word lists. */
const PATH_KEYS = ['references', 'wording', 'lists'] as const;

function mapReferences(check: Settings, map: (path: string) => string): Settings {
  const out = { ...check };
  for (const key of PATH_KEYS) {
    const value = check[key];
    if (typeof value === 'string') out[key] = map(value);
    else if (Array.isArray(value)) out[key] = value.map((r) => (typeof r === 'string' ? map(r) : r));
  }
  return out;
}

/** The settings with their `references` resolved against `baseDir`, the named file's folder. */
function absoluteReferences(check: Settings, baseDir: string): Settings {
  return mapReferences(check, (path) => (path.trim() === '' ? path : resolve(baseDir, path)));
}

/**
 * The `check:` value of `file` as carried on: a mapping with its `references` resolved against the
 * file's folder, or undefined for anything else (which `check` reports).
 */
export function carriedCheck(value: unknown, file: string): Settings | undefined {
  return isCheckMapping(value) ? absoluteReferences(value, dirname(resolve(file))) : undefined;
}

/** The settings with absolute `references` made relative to `dir`, with forward slashes as YAML readers on any system expect. */
export function relativeReferences(check: Settings, dir: string): Settings {
  return mapReferences(check, (path) => (isAbsolute(path) ? relative(resolve(dir), path).split(sep).join('/') || '.' : path));
}
