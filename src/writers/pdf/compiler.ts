import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { unpackedFontFile } from './unpacked-fonts.js';
import { woffToSfnt } from './woff.js';
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

function compilerFor(fontFiles: readonly string[]): NodeCompiler {
  const key = fontFiles.join('\n');
  let compiler = compilers.get(key);
  if (!compiler) {
    // Typst reads TrueType and OpenType files by path, mapping only what it uses. A WOFF (the
    // bundled Kai face, only when a 楷体 role needs it) is read from its unpacked copy in the cache
    // folder, or unpacked into memory when no copy can be kept.
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
    // Memory fonts go first: the compiler refuses them after a folder search.
    compiler = NodeCompiler.create({ fontArgs: [...(blobs.length ? [{ fontBlobs: blobs }] : []), { fontPaths: paths }] });
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

/** Lays `source` out with `inputs` as `sys.inputs`; throws with Typst's messages when it fails. */
function layOut(source: string, inputs: Record<string, string>, fontFiles: readonly string[]) {
  const compiler = compilerFor(fontFiles);
  const result = compiler.compile({ mainFileContent: source, inputs });
  const error = result.takeError();
  if (error || !result.result) {
    const detail = messages(error?.shortDiagnostics).join('; ') || 'unknown error';
    throw new Error(`PDF layout failed (Typst): ${detail}`);
  }
  return { compiler, document: result.result, warnings: messages(result.takeWarnings()?.shortDiagnostics) };
}

/**
 * Compiles `source` with `inputs` as `sys.inputs` to PDF, with these font files besides the
 * system's. Throws with Typst's messages when the layout fails.
 */
export function compilePdf(source: string, inputs: Record<string, string>, fontFiles: readonly string[]): CompiledPdf {
  const { compiler, document, warnings } = layOut(source, inputs, fontFiles);
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
  const { compiler, document, warnings } = layOut(source, inputs, fontFiles);
  const svg = compiler.svg(document);
  if (++compiled % 2 === 0) compiler.evictCache(9);
  return { svg, warnings };
}
