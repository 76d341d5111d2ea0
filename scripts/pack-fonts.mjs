// Run by `npm pack` (prepack): writes the font faces the PDF layout uses into fonts/, as WOFF 1.0,
// with their licences (see src/writers/pdf/pack-bundled.ts). The faces come from development
// dependencies; fonts/ is generated, not kept in git. Faces already up to date are kept as they are.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
// The packing code is TypeScript: bundled here, into a folder from which the font packages resolve.
const cache = new URL('node_modules/.cache/unionplan/', root);
mkdirSync(cache, { recursive: true });
const script = fileURLToPath(new URL('pack-bundled.mjs', cache));
await build({
  entryPoints: [fileURLToPath(new URL('src/writers/pdf/pack-bundled.ts', root))],
  outfile: script,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { packBundledFonts } = await import(pathToFileURL(script).href);
const folder = fileURLToPath(new URL('fonts/', root));
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
let shipped = 0;
for (const font of packBundledFonts(folder)) {
  shipped += font.shippedBytes;
  const state = font.written ? 'written' : 'up to date';
  console.log(`fonts/${font.file}  ${mb(font.sourceBytes)} -> ${mb(font.shippedBytes)}  (${state})`);
}
console.log(`fonts/: ${mb(shipped)} of font faces`);
