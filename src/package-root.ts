import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder unionplan is installed in (where `templates/` lives). The code runs both from
 * `src/` (tests) and bundled from `dist/`, so the folder is found, not assumed.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'templates', 'school', 'template.md'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('unionplan: cannot find the built-in templates folder');
    dir = parent;
  }
  root = dir;
  return root;
}
