import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../package-root.js';

/**
 * The fonts that come with unionplan, used where the official fonts are not installed: Noto Serif
 * SC (a Song/Ming face, standing in for 小标宋, 仿宋 and 宋体), Noto Sans SC (a Hei face, standing
 * in for 黑体) and LXGW WenKai 霞鹜文楷 (a Kai face, for 楷体); all SIL OFL 1.1. No free 仿宋 face
 * is on npm in a form Typst reads.
 *
 * Only the faces the layout sets are shipped, in the package's `fonts/` folder, each the file its
 * npm package holds, unchanged (`npm pack` copies them, see `pack-bundled.ts`): the Noto faces as
 * TrueType, which Typst reads by path, and LXGW WenKai as the WOFF its package ships, which
 * the compiler unpacks when a 楷体 role needs it. The packages are development dependencies, so a
 * clone of the repository finds the faces in them.
 */

/** A bundled font face. */
export interface BundledFont {
  /** Name of the shipped file in the package's `fonts/` folder (same format as the source). */
  file: string;
  /** The npm package (a development dependency) the face is taken from. */
  package: string;
  /** Path of the face inside that package (TrueType, OpenType or WOFF 1.0). */
  path: string;
  /** The font licence file inside that package, shipped beside the face. */
  licence: string;
  /** The family Typst knows the face by (checked when packing; not read again at run time). */
  family: string;
  /** The weight of the face (usWeightClass, as Typst reads it). */
  weight: number;
}

/** The folder of the shipped faces, relative to the package. */
export const SHIPPED_FONTS_DIR = 'fonts';

/**
 * Noto Serif SC, regular and bold: regular for body, 宋体 page numbers and 仿宋 headings, bold for
 * the 小标宋 title and bold text.
 */
export const BUNDLED_SERIF: readonly BundledFont[] = [
  {
    file: 'NotoSerifSC-Regular.ttf',
    package: '@expo-google-fonts/noto-serif-sc',
    path: '400Regular/NotoSerifSC_400Regular.ttf',
    licence: 'LICENSE_FONT',
    family: 'Noto Serif SC',
    weight: 400,
  },
  {
    file: 'NotoSerifSC-Bold.ttf',
    package: '@expo-google-fonts/noto-serif-sc',
    path: '700Bold/NotoSerifSC_700Bold.ttf',
    licence: 'LICENSE_FONT',
    family: 'Noto Serif SC',
    weight: 700,
  },
];

/**
 * Noto Sans SC, medium only (TrueType, so that a single build can give Typst a subset of it): a
 * 黑体 role is set at weight 500, and its bold text is drawn by stroking the outline, as Word draws
 * bold 黑体 (which has no bold face).
 */
export const BUNDLED_SANS: readonly BundledFont[] = [
  {
    file: 'NotoSansSC-Medium.ttf',
    package: '@expo-google-fonts/noto-sans-sc',
    path: '500Medium/NotoSansSC_500Medium.ttf',
    licence: 'LICENSE_FONT',
    family: 'Noto Sans SC',
    weight: 500,
  },
];

/**
 * LXGW WenKai, regular. Its package ships only web fonts: the WOFF 1.0 file (“latin” in its
 * name, yet the whole font, Chinese included), shipped as it is.
 */
export const BUNDLED_KAI: readonly BundledFont[] = [
  {
    file: 'LXGWWenKai-Regular.woff',
    package: '@fontsource/lxgw-wenkai',
    path: 'files/lxgw-wenkai-latin-500-normal.woff',
    licence: 'LICENSE',
    family: 'LXGW WenKai',
    weight: 400,
  },
];

/** Every bundled face. */
export const BUNDLED_FONTS: readonly BundledFont[] = [...BUNDLED_SERIF, ...BUNDLED_SANS, ...BUNDLED_KAI];

const roots = new Map<string, string | undefined>();

/** The folder an npm package is installed in, or undefined when it is missing. */
export function npmPackageRoot(name: string): string | undefined {
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

/** Where the shipped file of a face is (or would be). */
export function shippedFile(font: BundledFont): string {
  return join(packageRoot(), SHIPPED_FONTS_DIR, font.file);
}

/** The face in the npm package it is taken from, or undefined when that package is not installed. */
export function sourceFile(font: BundledFont): string | undefined {
  const root = npmPackageRoot(font.package);
  if (!root) return undefined;
  const file = join(root, font.path);
  return existsSync(file) ? file : undefined;
}

/**
 * The file of a bundled face: the shipped one, else the one in its npm package (a clone of the
 * repository), else undefined.
 */
export function bundledFile(font: BundledFont): string | undefined {
  const shipped = shippedFile(font);
  return existsSync(shipped) ? shipped : sourceFile(font);
}
