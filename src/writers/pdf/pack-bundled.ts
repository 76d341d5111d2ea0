import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_FONTS, npmPackageRoot, sourceFile, type BundledFont } from './bundled.js';
import { readFaces } from './sfnt.js';
import { sfntToWoff, woffToSfnt } from './woff.js';

/**
 * Writes the bundled faces into the folder the package ships (`fonts/`), each as WOFF 1.0, with
 * the font licence of each source package beside them. Run by `npm pack` (scripts/pack-fonts.mjs),
 * never at install or run time. A face whose source has not changed since it was last written is
 * kept, so packing again costs nothing.
 */

/** What one packing did, per shipped file. */
export interface PackedFont {
  file: string;
  /** Size of the face in its npm package, and of the shipped file. */
  sourceBytes: number;
  shippedBytes: number;
  /** False when the file was already up to date. */
  written: boolean;
}

/** The record kept beside the shipped files: which source each was made from, and how. */
const MANIFEST = 'fonts.json';
/** Changes when the packing does, so that files packed the old way are written again. */
const PACKING = 'woff-1.0 zlib-9';

/**
 * Packs every bundled face into `folder`. Throws, naming the package, when a source package is
 * missing or a face is not the family and weight the layout expects.
 */
export function packBundledFonts(folder: string, fonts: readonly BundledFont[] = BUNDLED_FONTS): PackedFont[] {
  mkdirSync(folder, { recursive: true });
  const manifestFile = join(folder, MANIFEST);
  const previous = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>) : {};
  const manifest: Record<string, string> = {};
  const packed = fonts.map((font) => {
    const source = sourceFile(font);
    if (!source) throw new Error(`${font.package} is not installed (run npm install): it holds ${font.path}`);
    const sourceBytes = statSync(source).size;
    const origin = `${font.package}@${packageVersion(font.package)}/${font.path} ${sourceBytes} ${PACKING}`;
    const target = join(folder, font.file);
    manifest[font.file] = origin;
    if (previous[font.file] === origin && existsSync(target)) {
      return { file: font.file, sourceBytes, shippedBytes: statSync(target).size, written: false };
    }
    expectFace(font, source);
    const woff = sfntToWoff(sfntOf(source));
    writeAtomically(target, woff);
    expectFace(font, target);
    return { file: font.file, sourceBytes, shippedBytes: woff.length, written: true };
  });
  for (const font of fonts) {
    const root = npmPackageRoot(font.package) as string;
    writeAtomically(join(folder, licenceName(font)), readFileSync(join(root, font.licence)));
  }
  // Faces and licences no longer shipped go.
  const keep = new Set([...fonts.map((font) => font.file), ...fonts.map(licenceName)]);
  for (const name of readdirSync(folder)) {
    if (/\.woff$|^OFL-.*\.txt$/.test(name) && !keep.has(name)) rmSync(join(folder, name), { force: true });
  }
  writeAtomically(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return packed;
}

/** The name of the licence shipped beside a face: one per source package. */
export function licenceName(font: BundledFont): string {
  return `OFL-${font.package.replace(/^@/, '').replace(/\//g, '-')}.txt`;
}

/** The face as a TrueType/OpenType font, unpacked where its package ships a WOFF. */
function sfntOf(source: string): Buffer {
  const data = readFileSync(source);
  return data.toString('latin1', 0, 4) === 'wOFF' ? Buffer.from(woffToSfnt(data)) : data;
}

/** Throws unless the file is the family and weight the layout asks Typst for. */
function expectFace(font: BundledFont, file: string): void {
  const [face] = readFaces(file);
  if (!face || face.family !== font.family || face.weight !== font.weight) {
    const found = face ? `${face.family} ${face.weight}` : 'no font';
    throw new Error(`${file}: expected ${font.family} ${font.weight}, found ${found}`);
  }
}

function packageVersion(name: string): string {
  const root = npmPackageRoot(name) as string;
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
}

/** Written beside the target and renamed over it, so a reader never sees half a font. */
function writeAtomically(target: string, data: Uint8Array | string): void {
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, target);
}
