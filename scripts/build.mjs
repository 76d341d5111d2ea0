// Bundles unionplan into dist/ with esbuild: the command line as one CommonJS file (cli.cjs) with
// its launcher (launch.cjs), the library and the batch's worker thread as ES modules in chunks, and
// the page of `unionplan ui`; then writes every bundle in ASCII and the JSON Schemas.
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { asciiOnly } from './ascii-only.mjs';
import Handlebars from 'handlebars';
import YAML from 'yaml';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The built-in templates, compiled to Handlebars specs now rather than at every run; each type's
// spec is a module of its own (`precompiled:school`), imported on demand, so esbuild puts it in a
// chunk of its own and a build loads only the type it renders. The module also holds the
// template's front matter and body: a build of a built-in type does not read templates/ (after
// editing a built-in template in a clone, run npm run build, as after editing src/).
const templatesDir = new URL('../templates/', import.meta.url);
const templateTypes = readdirSync(templatesDir);
const precompilePlugin = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /src[\\/]templates[\\/]precompiled\.ts$/ }, () => ({
      contents: `export const PRECOMPILED = {\n${templateTypes.map((type) => `${JSON.stringify(type)}: () => import(${JSON.stringify(`precompiled:${type}`)})`).join(',\n')}\n};`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^precompiled:/ }, (args) => ({ path: args.path.slice('precompiled:'.length), namespace: 'precompiled' }));
    b.onLoad({ filter: /.*/, namespace: 'precompiled' }, (args) => {
      const text = readFileSync(new URL(`${args.path}/template.md`, templatesDir), 'utf8');
      // As src/text/front-matter.ts splits it at run time.
      const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
      const yaml = match?.[1];
      const body = match ? text.slice(match[0].length) : text;
      const spec = Handlebars.precompile(body, { noEscape: true });
      return {
        contents: `export const frontMatter = ${JSON.stringify(yaml ?? '')};\nexport const body = ${JSON.stringify(body)};\nexport const spec = ${spec};`,
        loader: 'js',
      };
    });
  },
};
/**
 * An esbuild plugin that replaces the module at `modulePath` (under src/) with the YAML file at
 * `yamlPath` as data, exported as `exportName`: parsed once here rather than at every run.
 */
function embedYaml(yamlPath, modulePath, exportName) {
  const data = YAML.parse(readFileSync(new URL(`../src/${yamlPath}`, import.meta.url), 'utf8'));
  const filter = new RegExp(`src[\\\\/]${modulePath.replace(/\//g, '[\\\\/]').replace(/\./g, '\\.')}$`);
  return {
    name: `embedded-${exportName}`,
    setup(b) {
      b.onLoad({ filter }, () => ({ contents: `export const ${exportName} = ${JSON.stringify(data)};`, loader: 'js' }));
    },
  };
}
// The built-in list of outdated wordings (check's outdated-reference rule), and the current wording
// per plan year (templates and check's missing-current-wording rule).
const referencesPlugin = embedYaml(
  'check/references/dated-references.yaml',
  'check/references/embedded-references.ts',
  'EMBEDDED_REFERENCES',
);
const wordingPlugin = embedYaml('templates/wording.yaml', 'templates/embedded-wording.ts', 'EMBEDDED_WORDING');
// The word lists of check's rules (non-values, frequencies, level words, staples).
const listsPlugin = embedYaml('check/lists/check-lists.yaml', 'check/lists/embedded-lists.ts', 'EMBEDDED_LISTS');
// `import text from './part.xml?raw'`: the file's text as a string, as Vite (and so vitest) reads it.
const rawTextPlugin = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: new URL(args.path.slice(0, -4), `file://${args.resolveDir}/`).pathname,
      namespace: 'raw-text',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};
// commander loads node:child_process (and with it net, stream, dgram …) at start-up, for
// subcommands that are separate programs, which unionplan has none of: its `require` gets an
// object that loads the real module on first use, so no command pays for it.
const lazyChildProcessPlugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
/**
 * Libraries a build needs only now and then: their import becomes functions that load the module on
 * the first call (the source keeps its plain import). esbuild puts the module's code inside a
 * function, which V8 only skims at start-up, and runs it on that first call.
 * chinese-days works out its holiday tables when it loads (some 30 ms), and is needed only when a
 * plan has no date of its own. (Made lazy the same way, regjsparser and micromark's table of HTML
 * entity names measured no faster.)
 */
const LAZY_MODULES = {
  'chinese-days': ['getDayDetail', 'getSolarDateFromLunar', 'getSolarTermDate'],
};
const lazyModulesPlugin = {
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY_MODULES).join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy-module' ? undefined : { path: args.path, namespace: 'lazy-module' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\n${LAZY_MODULES[args.path].map((name) => `export const ${name} = (...args) => load().${name}(...args);`).join('\n')}`,
      loader: 'js',
      resolveDir: new URL('..', import.meta.url).pathname,
    }));
  },
};
/**
 * Bundles a module of the program on its own, imports it here, removes the bundle and returns the
 * module: for what the build computes with the program's own code (the DOCX parts, the schemas).
 */
async function runAtBuildTime(entry, plugins) {
  const outfile = `dist/.build-${entry.replace(/\W+/g, '-')}.mjs`;
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins,
    logLevel: 'warning',
  });
  const url = new URL(`../${outfile}`, import.meta.url);
  try {
    return await import(url.href);
  } finally {
    rmSync(url);
  }
}

// The .docx parts that never change, compressed now rather than at every build of a plan: the
// skeleton module is bundled on its own, run once, and its parts embedded (embedded-fixed-parts.ts).
const fixedParts = (await runAtBuildTime('src/writers/docx/package-skeleton.ts', [rawTextPlugin])).prepareFixedParts().map((part) => ({
  ...part,
  deflated: Buffer.from(part.deflated).toString('base64'),
}));
const fixedPartsPlugin = {
  name: 'embedded-docx-parts',
  setup(b) {
    b.onLoad({ filter: /src[\\/]writers[\\/]docx[\\/]embedded-fixed-parts\.ts$/ }, () => ({
      contents: `export const EMBEDDED_FIXED_PARTS = ${JSON.stringify(fixedParts)};`,
      loader: 'js',
    }));
  },
};

/**
 * Libraries that ship their code twice, as CommonJS for Node and as ES modules, are bundled from the
 * ES modules: esbuild wraps a CommonJS module in a function, which V8 first skims and then parses
 * again when it runs at start-up, and cannot leave out what is never used. (yaml's ES build is the
 * one it calls "browser"; the code is the same.) Measured on a single Markdown build: 13–20 ms less
 * CPU, 12–18 ms less time. Handlebars' runtime taken the same way measured no faster.
 */
const ESM_BUILDS = {
  yaml: 'node_modules/yaml/browser/index.js',
};
const esmBuildsPlugin = {
  name: 'esm-builds',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(ESM_BUILDS).join('|')})$`) }, (args) => ({
      path: new URL(`../${ESM_BUILDS[args.path]}`, import.meta.url).pathname,
    }));
  },
};
const root = fileURLToPath(new URL('..', import.meta.url));
const options = {
  // The library, and the worker thread of `unionplan batch`, found beside the chunks at run time.
  // The command line is a CommonJS bundle of its own (below).
  entryPoints: { lib: 'src/lib.ts', 'batch-worker': 'src/batch/pool/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // UNIONPLAN_NO_MINIFY=1 keeps names readable in a CPU profile.
  minify: !process.env.UNIONPLAN_NO_MINIFY,
  sourcemap: 'linked',
  // Packages with native binaries or data files stay outside the bundle.
  external: ['@myriaddreamin/typst-ts-node-compiler'],
  define: { UNIONPLAN_VERSION: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [
    esmBuildsPlugin,
    precompilePlugin,
    referencesPlugin,
    wordingPlugin,
    listsPlugin,
    rawTextPlugin,
    lazyChildProcessPlugin,
    lazyModulesPlugin,
    fixedPartsPlugin,
  ],
  logLevel: 'warning',
};

/**
 * The code of the everyday commands in one chunk of the ES module build (for the library and the
 * batch's workers; the command line has its own bundle, below). esbuild puts a module in the chunk
 * of the set of entries (static, and every `import()` target) that reach it, so modules shared by
 * the everyday commands and, say, the DOCX writer landed in one chunk, those shared with the batch
 * in another, and a single build loaded 28 files. Every other entry and lazily loaded module now
 * also imports the core (the everyday commands' actions), which gives every core module the same
 * set of entries: one chunk (measured, when the command line still ran from these chunks: 28 → 7
 * files for a Markdown build, some 30 ms less CPU). It still serves the batch's workers: without
 * it, 1,000 plans to DOCX+PDF took 17.7 s against 16.8 s (medians of 7, interleaved), the workers'
 * code spread over twice the chunks. The import is added here, not in the source, where it would
 * run against the layers (the DOCX writer importing the CLI).
 */
const CORE = 'src/cli/commands/actions.ts';
const probe = await build({ ...options, write: false, metafile: true, sourcemap: false, minify: false, logLevel: 'silent' });
const staticImports = new Map();
const lazyTargets = new Set();
for (const [path, input] of Object.entries(probe.metafile.inputs)) {
  staticImports.set(
    path,
    input.imports.filter((i) => i.kind === 'import-statement' || i.kind === 'require-call').map((i) => i.path),
  );
  for (const i of input.imports) if (i.kind === 'dynamic-import' && i.path.startsWith('src/')) lazyTargets.add(i.path);
}
const inCore = new Set();
const reach = (path) => {
  if (inCore.has(path)) return;
  inCore.add(path);
  for (const next of staticImports.get(path) ?? []) reach(next);
};
reach(CORE);
const joinsCore = new Set([...lazyTargets, options.entryPoints.lib, options.entryPoints['batch-worker']]);
joinsCore.delete(CORE);
for (const path of joinsCore) {
  if (inCore.has(path)) {
    throw new Error(
      `${path} is loaded with import() and is also part of the core (${CORE} imports it): its import() would split the core chunk in two. Load it through a module of its own (as check-help.ts does for the rules).`,
    );
  }
}
const coreChunkPlugin = {
  name: 'core-chunk',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      if (!joinsCore.has(relative(root, args.path).split(sep).join('/'))) return undefined;
      const core = relative(dirname(args.path), join(root, CORE)).split(sep).join('/');
      return {
        contents: `${readFileSync(args.path, 'utf8')}\nimport ${JSON.stringify(core.startsWith('.') ? core : `./${core}`)};\n`,
        loader: 'ts',
      };
    });
  },
};
const result = await build({ ...options, metafile: true, plugins: [coreChunkPlugin, ...options.plugins] });

/**
 * The command line: one CommonJS file, dist/cli.cjs, which the launcher (dist/launch.cjs, from
 * src/cli/launch.ts) compiles with V8's code cache kept between runs (src/io/code-cache.ts). Node
 * 20 keeps no compiled code of ES modules, and compiling was the largest single part of a build's
 * start-up; a CommonJS file can be compiled through node:vm with a cache, and starting from one
 * also spares Node's ES module loader. The lazily loaded parts (PDF, batch, ui, import, the
 * templates' specs) are in the same file, where V8 only skims them until they are called: in
 * chunks of their own they would be a second copy of the modules they share with the core.
 * Measured on a single DOCX build: some 60 ms less wall time than the chunked ES modules.
 */
const BUILD_ID_MARK = '/*unionplan-build:';
/**
 * Libraries the command line loads only now and then, from a file of their own beside the bundle
 * (`dist/<name>.cjs`), so that the bundle does not carry them (1.2 MB, 1.7 MB with iconv-lite):
 * every run reads and copies the whole bundle. Only libraries that share nothing with the rest of
 * the program, loaded by `import()`: iconv-lite (490 KB of code pages) for `check --fix`.
 */
const OWN_FILES = ['iconv-lite'];
const ownFilesPlugin = {
  name: 'own-files',
  setup(b) {
    const filter = new RegExp(`^(${OWN_FILES.join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'own-file' }));
    b.onLoad({ filter: /.*/, namespace: 'own-file' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./${args.path}.cjs`)});`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (args) =>
      args.namespace === 'own-file' ? { path: args.path, external: true } : undefined,
    );
  },
};
const cliResult = await build({
  ...options,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: undefined,
  outfile: 'dist/cli.cjs',
  splitting: false,
  format: 'cjs',
  metafile: true,
  define: { ...options.define, 'import.meta.url': '__importMetaUrl' },
  banner: { js: `${BUILD_ID_MARK}${'0'.repeat(16)}*/\nvar __importMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
  plugins: [ownFilesPlugin, ...options.plugins],
});
/** Bundles `input` (esbuild's entryPoints or stdin) into `outfile`, a CommonJS file of its own for Node. */
const cjsFile = (outfile, input) =>
  build({
    ...input,
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: !process.env.UNIONPLAN_NO_MINIFY,
    logLevel: 'warning',
  });
for (const name of OWN_FILES) {
  await cjsFile(`dist/${name}.cjs`, { stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root } });
}
// UNIONPLAN_METAFILE=meta.json keeps esbuild's account of what went into the command line's bundle
// (meta.json) and into which chunk of the ES module build (meta.esm.json).
if (process.env.UNIONPLAN_METAFILE) {
  writeFileSync(process.env.UNIONPLAN_METAFILE, JSON.stringify(cliResult.metafile));
  writeFileSync(process.env.UNIONPLAN_METAFILE.replace(/(\.json)?$/, '.esm.json'), JSON.stringify(result.metafile));
}
await cjsFile('dist/launch.cjs', { entryPoints: ['src/cli/launch.ts'] });
// Every bundle in ASCII (scripts/ascii-only.mjs), its source map moved to match.
for (const file of readdirSync(new URL('../dist/', import.meta.url))) {
  if (!/\.c?js$/.test(file)) continue;
  const path = new URL(`../dist/${file}`, import.meta.url);
  const mapPath = new URL(`../dist/${file}.map`, import.meta.url);
  const code = readFileSync(path, 'utf8');
  if (!/[^\x00-\x7f]/.test(code)) continue;
  const map = existsSync(mapPath) ? JSON.parse(readFileSync(mapPath, 'utf8')) : undefined;
  const ascii = asciiOnly(code, map?.mappings);
  writeFileSync(path, ascii.code);
  if (map) writeFileSync(mapPath, JSON.stringify({ ...map, mappings: ascii.mappings }));
}
// The command line's build id, in place of the zeros of its first line: a hash of the rest of the
// file. Its code cache is named after it (src/io/code-cache.ts), as V8 checks only a source's
// length, and npm gives every installed file the same time.
const cliFile = new URL('../dist/cli.cjs', import.meta.url);
const cliCode = readFileSync(cliFile, 'latin1');
const buildId = createHash('sha256').update(cliCode).digest('hex').slice(0, 16);
writeFileSync(cliFile, cliCode.replace(`${BUILD_ID_MARK}${'0'.repeat(16)}`, `${BUILD_ID_MARK}${buildId}`), 'latin1');

// The page of `unionplan ui`: its script bundled for the browser, its HTML and style copied. The
// server reads them from dist/ui/ only when `ui` runs, so no other command loads them.
await build({
  entryPoints: { app: 'src/ui/client/main.ts' },
  outdir: 'dist/ui',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
  minify: !process.env.UNIONPLAN_NO_MINIFY,
  logLevel: 'warning',
});
mkdirSync(new URL('../dist/ui', import.meta.url), { recursive: true });
for (const file of ['index.html', 'app.css']) {
  copyFileSync(new URL(`../src/ui/client/${file}`, import.meta.url), new URL(`../dist/ui/${file}`, import.meta.url));
}

// The JSON Schemas of plan.yaml and unionplan.config.yaml, written from the fields' definitions
// (src/outline/definition, src/config/config-fields.ts) into schema/, which the package ships:
// `unionplan new` points editors at them. The built-in types' names come from their templates.
const typeNames = readdirSync(templatesDir).map((type) => {
  const text = readFileSync(new URL(`${type}/template.md`, templatesDir), 'utf8');
  const front = YAML.parse(/^---[ \t]*\r?\n([\s\S]*?)\r?\n?---/.exec(text)?.[1] ?? '') ?? {};
  return { type, name: typeof front.name === 'string' ? front.name : type };
});
// The rule ids come with check's rules: the module is bundled and run (see runAtBuildTime).
const { schemaFiles } = await runAtBuildTime('src/schema/write-schemas.ts', [referencesPlugin, wordingPlugin, listsPlugin]);
mkdirSync(new URL('../schema', import.meta.url), { recursive: true });
for (const [name, text] of Object.entries(schemaFiles(typeNames))) writeFileSync(new URL(`../schema/${name}`, import.meta.url), text);

// The libraries bundled into dist/ are not installed beside it, so their licences travel with the
// bundle: every package esbuild took code from, with its licence text.
const packages = new Set();
for (const input of [...Object.keys(result.metafile.inputs), ...Object.keys(cliResult.metafile.inputs)]) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packages.add(match[1]);
}
const sections = [...packages].sort().map((name) => {
  const dir = new URL(`../node_modules/${name}/`, import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
  const licenceFile = readdirSync(dir).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
  const text =
    licenceFile && existsSync(new URL(licenceFile, dir))
      ? readFileSync(new URL(licenceFile, dir), 'utf8').trim()
      : `License: ${manifest.license ?? 'see package'}`;
  return `${name}@${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}`;
});
writeFileSync(
  new URL('../dist/THIRD-PARTY-LICENSES.txt', import.meta.url),
  `Libraries bundled into unionplan's dist/ files, with their licences.\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
);
