import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { unpackedFontFile } from './unpacked-fonts.js';
import { woffToSfnt } from './woff.js';
import { TYPST_SUBSTITUTES, documentCharacters, withTypstGenerated } from './subset/document-chars.js';
import { cachedSubset } from './subset/subset-cache.js';
import { subsetFont, type Scratch } from './subset/subset-font.js';
import { fontCacheDir } from './user-folders.js';
import { nextPdfFaces, notePdfLaidOut, noteSystemFontsSkipped } from './pdf-faces.js';
import { sessionCache } from '../../session/session.js';

/**
 * One Typst compiler per set of font files, created on first use and kept for the session:
 * creating one loads the system's fonts, compiling with a warm one takes milliseconds.
 */

/** A compiled PDF and what Typst warned about. */
export interface CompiledPdf {
  pdf: Uint8Array;
  warnings: string[];
}

/** A batch rarely needs more than one; a few are kept in case plans ask for different fonts. */
const compilers = sessionCache<string, NodeCompiler>('typst-compilers', 4);
let compiled = 0;

/** The font files as Typst is given them: paths, and faces in memory. */
interface FontArgs {
  paths: string[];
  blobs: Buffer[];
  /** For subsets: the characters the faces draw, when every face is a subset (else unknown). */
  covered?: Set<number>;
}

/**
 * The whole faces: Typst reads TrueType and OpenType files by path, mapping only what it uses. A
 * WOFF (the bundled Kai face, only when a 楷体 role needs it) is read from its unpacked copy in the
 * cache folder, or unpacked into memory when no copy can be kept.
 */
function wholeFaces(fontFiles: readonly string[]): FontArgs {
  const paths: string[] = [];
  const blobs: Buffer[] = [];
  for (const file of fontFiles) {
    if (!/\.woff$/i.test(file)) paths.push(file);
    else {
      const unpacked = unpackedFontFile(file);
      if (unpacked) paths.push(unpacked);
      else {
        const font = woffToSfnt(readFileSync(file));
        blobs.push(Buffer.from(font.buffer, font.byteOffset, font.byteLength));
      }
    }
  }
  return { paths, blobs };
}

/**
 * The faces cut down to the characters of one document (see `subset/subset-font.ts`): Typst then
 * hashes a megabyte or less per face instead of 10–15 MB, about a quarter of a second less for a
 * plan that sets four Chinese faces. A face file's subset is kept in the cache folder for the next
 * plan with the same characters (`subset/subset-cache.ts`). Faces that cannot be subset
 * (OpenType/CFF, collections) are given whole, as before.
 */
function subsetFaces(fontFiles: readonly string[], codePoints: ReadonlySet<number>): FontArgs {
  const whole = wholeFaces(fontFiles);
  const paths: string[] = [];
  const blobs: Buffer[] = [];
  const scratch: Scratch = { bytes: Buffer.alloc(0) };
  const covered = new Set<number>();
  let everyFaceSubset = true;
  const dir = fontCacheDir();
  for (const path of whole.paths) {
    const subset = cachedSubset(path, codePoints, scratch, covered, dir);
    if (!subset) paths.push(path);
    else if ('path' in subset) paths.push(subset.path);
    else blobs.push(subset.bytes);
    everyFaceSubset &&= subset !== undefined;
  }
  for (const blob of whole.blobs) {
    const subset = subsetFont(blob, codePoints, scratch, covered);
    blobs.push(subset ?? blob);
    everyFaceSubset &&= subset !== undefined;
  }
  return { paths, blobs, ...(everyFaceSubset ? { covered } : {}) };
}

/**
 * Whether the faces draw every character of the document (its texts as written, composed and
 * decomposed: {@link documentCharacters}) and those Typst puts in place of some of them
 * ({@link TYPST_SUBSTITUTES}), so that Typst needs none of the system's fonts to fall back on.
 * Line breaks and other controls are never drawn.
 */
function drawsAll(covered: ReadonlySet<number>, characters: ReadonlySet<number>): boolean {
  for (const code of TYPST_SUBSTITUTES) if (!covered.has(code)) return false;
  for (const code of characters) if (code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && !covered.has(code)) return false;
  return true;
}

/**
 * Platforms where Typst finds the system's fonts through fontconfig's configuration, which
 * `FONTCONFIG_FILE` names (Windows and macOS: fixed folders, no such switch).
 */
const FONTCONFIG_PLATFORMS: ReadonlySet<string> = new Set(['linux', 'freebsd', 'openbsd', 'netbsd']);

/**
 * A Typst compiler of these faces. Typst also reads the header of every font of the system when
 * it is created (25 ms with the 30 fonts of a small Linux machine, more with hundreds), fonts it
 * uses only for characters none of the plan's faces draws. With `systemFonts` false, where
 * fontconfig says where they are, it is pointed at an empty configuration for that moment
 * instead. Only in the main thread: a worker's `process.env` is its own copy, which Typst does not
 * see, and the environment of a process is not to be changed while other threads may read it.
 */
function createCompiler({ paths, blobs }: FontArgs, systemFonts = true): NodeCompiler {
  // Memory fonts go first: the compiler refuses them after a folder search.
  const create = () => NodeCompiler.create({ fontArgs: [...(blobs.length ? [{ fontBlobs: blobs }] : []), { fontPaths: paths }] });
  if (systemFonts || !isMainThread || !FONTCONFIG_PLATFORMS.has(process.platform)) return create();
  const saved = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = '/dev/null';
  try {
    const compiler = create();
    noteSystemFontsSkipped();
    return compiler;
  } finally {
    if (saved === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = saved;
  }
}

/** The compiler with the whole faces of these files, made on first use and kept for the session. */
function compilerFor(fontFiles: readonly string[]): NodeCompiler {
  const key = fontFiles.join('\n');
  let compiler = compilers.get(key);
  if (!compiler) {
    compiler = createCompiler(wholeFaces(fontFiles));
    compilers.set(key, compiler);
  }
  return compiler;
}

/** Message texts of Typst diagnostics. */
function messages(diagnostics: unknown[] | undefined): string[] {
  return (diagnostics ?? []).map((d) => {
    const message = (d as { message?: unknown }).message;
    return typeof message === 'string' ? message : JSON.stringify(d);
  });
}

/** Lays `source` out with `inputs` as `sys.inputs` with this compiler; throws with Typst's messages when it fails. */
function layOut(compiler: NodeCompiler, source: string, inputs: Record<string, string>) {
  const result = compiler.compile({ mainFileContent: source, inputs });
  const error = result.takeError();
  if (error || !result.result) {
    const detail = messages(error?.shortDiagnostics).join('; ') || 'unknown error';
    throw new Error(`PDF layout failed (Typst): ${detail}`);
  }
  return { document: result.result, warnings: messages(result.takeWarnings()?.shortDiagnostics) };
}

/**
 * Compiles `source` with `inputs` as `sys.inputs` to PDF, with these font files besides the
 * system's. Throws with Typst's messages when the layout fails.
 */
export function compilePdf(source: string, inputs: Record<string, string>, fontFiles: readonly string[]): CompiledPdf {
  const faces = nextPdfFaces();
  notePdfLaidOut(faces);
  // A compiler of subsets serves this one document and is not kept.
  let compiler: NodeCompiler;
  if (faces === 'subset') {
    const characters = documentCharacters([source, ...Object.values(inputs)]);
    const subsets = subsetFaces(fontFiles, withTypstGenerated(characters));
    compiler = createCompiler(subsets, !subsets.covered || !drawsAll(subsets.covered, characters));
  } else compiler = compilerFor(fontFiles);
  const { document, warnings } = layOut(compiler, source, inputs);
  const pdf = compiler.pdf(document);
  // Typst memoizes across compilations, and plans of one type share most of their paragraphs, so
  // a batch compiles mostly from cache. Keep what the last 9 compilations used: enough for a roster
  // that cycles through all eight types, small enough to bound memory. Measured on 200 plans of
  // mixed types, one thread: 6.5 s / 300 MB, against 10.6 s / 260 MB keeping 2 and 7.5 s / 1 GB keeping 10 every 16.
  if (++compiled % 2 === 0) compiler.evictCache(9);
  return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), warnings };
}

/**
 * The same layout as {@link compilePdf}, drawn as one SVG with the pages one under the other
 * (what `unionplan ui` previews).
 */
export function compileSvg(
  source: string,
  inputs: Record<string, string>,
  fontFiles: readonly string[],
): { svg: string; warnings: string[] } {
  // The preview lays out one version of the plan after another: whole faces, as a batch.
  const compiler = compilerFor(fontFiles);
  const { document, warnings } = layOut(compiler, source, inputs);
  const svg = compiler.svg(document);
  if (++compiled % 2 === 0) compiler.evictCache(9);
  return { svg, warnings };
}
