/**
 * The import rule of docs/architecture.md ("Layers"), checked on every `npm test` (`npm run lint`).
 * Top to bottom, imports pointing down only:
 *
 *   cli/ → ui/, lib.ts → batch/, import/ → pipeline.ts → check/ → config/, templates/ → outline/
 *   schema/ (build time only) → check/, config/, templates/
 *                                          pipeline.ts → writers/ → document/ (the model)
 *   and from any layer to the leaves: vocab/ → io/ → text/ → errors.ts, package-root.ts; session/
 *
 * Each layer below lists exactly what it may import besides itself; anything else in src/ is
 * refused, type-only imports included (a type is knowledge too). No import cycles anywhere.
 */

/** The leaves: shared vocabulary and helpers that know no stage. */
const LEAVES = ['^src/vocab/', '^src/io/', '^src/text/', '^src/session/', '^src/errors\\.ts$', '^src/package-root\\.ts$'];

/**
 * Every place a file in src/ may live, top to bottom, and what it may import outside itself.
 * `because` is printed with a violation, so it says the rule in words.
 */
const LAYERS = [
  {
    name: 'cli',
    path: '^src/cli/',
    may: ['^src/ui/', '^src/batch/', '^src/import/', '^src/pipeline\\.ts$', '^src/check/', '^src/config/', '^src/templates/', '^src/outline/', '^src/writers/', '^src/document/', ...LEAVES],
    because: 'cli/ is the top: it may use every layer, but nothing but bin/ uses it (lib.ts is the library’s entry).',
  },
  {
    name: 'lib',
    path: '^src/lib\\.ts$',
    may: ['^src/batch/', '^src/import/', '^src/pipeline\\.ts$', '^src/check/', '^src/config/', '^src/templates/', '^src/outline/', '^src/writers/', '^src/document/', ...LEAVES],
    because: 'lib.ts is the library’s entry beside cli/: it never loads the command line or the web page.',
  },
  {
    name: 'ui',
    path: '^src/ui/(?!client/)',
    may: ['^src/batch/', '^src/import/', '^src/pipeline\\.ts$', '^src/check/', '^src/config/', '^src/templates/', '^src/outline/', '^src/writers/', '^src/document/', ...LEAVES],
    because: 'ui/ sits beside cli/ and calls the same stages; it never imports cli/ or lib.ts.',
  },
  {
    name: 'ui-client',
    path: '^src/ui/client/',
    may: [],
    because: 'ui/client/ runs in the browser: it talks to the server over HTTP and imports none of its code.',
  },
  {
    name: 'batch',
    path: '^src/batch/',
    may: ['^src/pipeline\\.ts$', '^src/check/', '^src/config/', '^src/templates/', '^src/outline/', '^src/writers/', '^src/document/', ...LEAVES],
    because: 'batch/ sits beside the pipeline and runs it per row; it never imports cli/, ui/, lib.ts or import/.',
  },
  {
    name: 'import',
    path: '^src/import/',
    may: ['^src/check/', '^src/config/', '^src/templates/', '^src/outline/', '^src/document/', ...LEAVES],
    because: 'import/ turns a plan into an outline with the stages’ own readers; it never imports cli/, ui/, batch/, the pipeline or the writers.',
  },
  {
    name: 'pipeline',
    path: '^src/pipeline\\.ts$',
    may: ['^src/check/', '^src/config/', '^src/templates/', '^src/outline/', '^src/writers/', '^src/document/', ...LEAVES],
    because: 'pipeline.ts wires the stages: outline → templates → document → writers (and check); it never imports what uses it.',
  },
  {
    name: 'schema',
    path: '^src/schema/',
    may: ['^src/check/', '^src/config/', '^src/templates/', '^src/outline/', ...LEAVES],
    because: 'schema/ writes the JSON Schemas at build time from the definitions (and check’s rule ids); nothing in the program imports it.',
  },
  {
    name: 'check',
    path: '^src/check/',
    may: ['^src/config/', '^src/templates/', '^src/outline/', '^src/document/', ...LEAVES],
    because: 'check/ reads outlines and Markdown plans with the stages’ readers; it never imports the writers, the pipeline or what uses it.',
  },
  {
    name: 'config',
    path: '^src/config/',
    may: [...LEAVES],
    because: 'config/ reads unionplan.config.yaml by its definition (vocab/definition); check/ and the commands use it, it uses only the leaves.',
  },
  {
    name: 'templates',
    path: '^src/templates/',
    may: ['^src/outline/', ...LEAVES],
    because: 'templates/ turn an Outline into Markdown: they know the outline and the leaves, never the document model or a writer.',
  },
  {
    name: 'outline',
    path: '^src/outline/',
    may: [...LEAVES],
    because: 'outline/ is the first stage: it knows only the leaves (shared words live in vocab/, file reading in io/).',
  },
  {
    name: 'writers',
    path: '^src/writers/',
    may: ['^src/document/', ...LEAVES],
    because: 'writers/ know the document model, never the outline, a template or the stages before.',
  },
  {
    name: 'document',
    path: '^src/document/',
    may: [...LEAVES],
    because: 'document/ (Markdown → PlanDocument) knows nothing of outlines, templates or writers.',
  },
  {
    name: 'vocab',
    path: '^src/vocab/',
    may: ['^src/io/', '^src/text/', '^src/session/', '^src/(errors|package-root)\\.ts$'],
    because: 'vocab/ is a leaf: periods, dates, levels, fonts, titles, the page; it imports only io/, text/, errors.ts and package-root.ts.',
  },
  {
    name: 'io',
    path: '^src/io/',
    may: ['^src/text/', '^src/session/', '^src/(errors|package-root)\\.ts$'],
    because: 'io/ is a leaf: reading and writing files; it imports only text/, session/ (whose temporary files it holds), errors.ts and package-root.ts.',
  },
  {
    name: 'text',
    path: '^src/text/',
    may: ['^src/(errors|package-root)\\.ts$'],
    because: 'text/ is a leaf: helpers on strings; it imports only errors.ts and package-root.ts.',
  },
  {
    name: 'session',
    path: '^src/session/',
    may: [],
    because: 'session/ owns a run’s caches, temporary files and abort signal; every layer may use it, so it imports nothing of ours.',
  },
  {
    name: 'errors',
    path: '^src/(errors|package-root)\\.ts$',
    may: [],
    because: 'errors.ts and package-root.ts are the bottom: they import nothing of ours.',
  },
];

/** A layer's own folder (or file) is always allowed. */
const layerRules = LAYERS.map((layer) => ({
  name: `layer-${layer.name}`,
  comment: layer.because,
  severity: 'error',
  from: { path: layer.path },
  to: { path: '^src/', pathNot: [layer.path, ...layer.may] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules,
    {
      name: 'writers-not-markdown-reader',
      comment:
        'writers/ use the document model and what both page writers agree on (document/*-layout, title-lines …), never the Markdown reader (parse, handlers, front matter, numbering, nesting): shared words live in vocab/.',
      severity: 'error',
      from: { path: '^src/writers/' },
      to: { path: '^src/document/(parse|block-handlers|inline-handlers|front-matter|numbering|nesting)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: a cycle makes the load order matter and hides which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'in-a-layer',
      comment: 'Every file in src/ belongs to a layer of docs/architecture.md: add a new top-level place there and here first.',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map((layer) => layer.path) },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing (a moved or misspelt file).',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-test',
      comment: 'Code never imports tests, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API yet; swc parses the TypeScript sources instead.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
