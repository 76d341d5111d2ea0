/**
 * The built-in templates as the bundle carries them (scripts/build.mjs): a build of a built-in type
 * reads no template file, so each type's chunk must hold the very front matter and body of
 * templates/<type>/template.md, and a spec that renders them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/text/front-matter.js';
import { BUILT_IN_ORDER } from '../../src/templates/registry.js';
import { requireBuild } from '../helpers/cli.js';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const TEMPLATES = new URL('../../templates/', import.meta.url).pathname;

describe('the built-in templates in the bundle', () => {
  beforeAll(() => requireBuild());

  it('are the files of templates/, front matter and body', async () => {
    const chunks = readdirSync(DIST);
    for (const type of BUILT_IN_ORDER) {
      const chunk = chunks.find((file) => new RegExp(`^${type}-[A-Z0-9]+\\.js$`).test(file));
      expect(chunk, type).toBeDefined();
      const bundled = (await import(pathToFileURL(join(DIST, chunk as string)).href)) as {
        frontMatter: string;
        body: string;
        spec: unknown;
      };
      const { yaml, body } = splitFrontMatter(readFileSync(join(TEMPLATES, type, 'template.md'), 'utf8'));
      expect(bundled.frontMatter, type).toBe(yaml);
      expect(bundled.body, type).toBe(body);
      expect(typeof bundled.spec, type).toBe('object');
    }
  });
});
