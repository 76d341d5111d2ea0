import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../package-root.js';

/**
 * The comment that points an editor at a shipped schema (the VS Code YAML extension and every
 * editor built on yaml-language-server read it): `yaml-language-server: $schema=file:///…`.
 *
 * The schema is named by a `file:` URL of the installed package's copy, because that works for
 * a plan kept in any folder: a relative path would break as soon as the plan is copied to another
 * folder (next year's), and a bare absolute path would break on a folder name with a space — the
 * language server takes the value up to the first space — while a URL encodes spaces and Chinese
 * user names. No web address is used: the plan must open offline, and the package may be a local
 * tarball. Undefined when the schema is not there (a source checkout that was never built).
 */
export function schemaModeline(file: 'plan.schema.json' | 'config.schema.json'): string | undefined {
  const path = join(packageRoot(), 'schema', file);
  return existsSync(path) ? `yaml-language-server: $schema=${pathToFileURL(path).href}` : undefined;
}
