// Bundles the CLI into dist/ with esbuild: one file to load at start-up, and the DOCX and PDF
// writers in chunks of their own that load only when those formats are asked for.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', lib: 'src/lib.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  // Packages with native binaries or data files stay outside the bundle.
  external: ['@myriaddreamin/typst-ts-node-compiler', ...(process.env.UNIONPLAN_BUILD_EXTERNAL ?? '').split(',').filter(Boolean)],
  define: { UNIONPLAN_VERSION: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
