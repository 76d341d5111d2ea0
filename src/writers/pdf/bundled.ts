import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts that come with unionplan as npm packages, used where the official fonts are not
 * installed: Noto Serif SC (a Song/Ming face, standing in for 小标宋, 仿宋 and 宋体), Noto Sans SC
 * (a Hei face, standing in for 黑体) and LXGW WenKai 霞鹜文楷 (a Kai face, for 楷体; SIL OFL 1.1).
 * No free 仿宋 face is on npm in a form Typst reads.
 */

/** A bundled font face. */
export interface BundledFont {
  /** The npm package that ships it. */
  package: string;
  /** Path of the file inside the package. */
  path: string;
  /** The weight of the face (usWeightClass). */
  weight: number;
  /**
   * The family Typst knows it by, for a WOFF file, whose names are not read (the compiler gets it
   * unpacked, see `woff.ts`).
   */
  family?: string;
}

/** Noto Serif SC, regular and bold. */
export const BUNDLED_SERIF: readonly BundledFont[] = [
  { package: '@expo-google-fonts/noto-serif-sc', path: '400Regular/NotoSerifSC_400Regular.ttf', weight: 400 },
  { package: '@expo-google-fonts/noto-serif-sc', path: '700Bold/NotoSerifSC_700Bold.ttf', weight: 700 },
];

/** Noto Sans SC (as "Noto Sans S Chinese"), regular, medium and bold. */
export const BUNDLED_SANS: readonly BundledFont[] = [
  { package: '@embedpdf/fonts-sc', path: 'fonts/NotoSansHans-Regular.otf', weight: 400 },
  { package: '@embedpdf/fonts-sc', path: 'fonts/NotoSansHans-Medium.otf', weight: 500 },
  { package: '@embedpdf/fonts-sc', path: 'fonts/NotoSansHans-Bold.otf', weight: 700 },
];

/**
 * LXGW WenKai, regular. The package ships only web fonts: its WOFF 1.0 file (“latin” in its name,
 * yet the whole font, Chinese included) is unpacked for Typst when a PDF needs it.
 */
export const BUNDLED_KAI: readonly BundledFont[] = [
  { package: '@fontsource/lxgw-wenkai', path: 'files/lxgw-wenkai-latin-500-normal.woff', weight: 400, family: 'LXGW WenKai' },
];

const roots = new Map<string, string | undefined>();

/** The folder a package is installed in, or undefined when it is missing. */
export function packageRoot(name: string): string | undefined {
  if (roots.has(name)) return roots.get(name);
  let root: string | undefined;
  try {
    const require = createRequire(import.meta.url);
    // Some packages export no `./package.json`: resolve the main file and walk up to the package.
    let dir = dirname(require.resolve(name));
    for (;;) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) {
        root = dir;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  } catch {
    root = undefined;
  }
  roots.set(name, root);
  return root;
}

/** The file of a bundled face, or undefined when its package is not installed. */
export function bundledFile(font: BundledFont): string | undefined {
  const root = packageRoot(font.package);
  if (!root) return undefined;
  const file = join(root, font.path);
  return existsSync(file) ? file : undefined;
}
