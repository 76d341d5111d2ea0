import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Suites slow by nature: they start LibreOffice, a browser, install the packed tarball with npm, or
 * render every page of every example.
 * `npm test` runs everything else (the `fast` project); `npm run test:all` runs both projects.
 */
const SLOW = [
  // LibreOffice renders the DOCX files.
  'test/e2e/docx-libreoffice.test.ts',
  'test/e2e/signature-keep.test.ts',
  // Debian's chromium drives the `ui` page.
  'test/ui/ui-page.test.ts',
  // npm pack, then npm install of the tarball into an empty folder.
  'test/package/install.test.ts',
  // Every example laid out twice (font subsets, whole faces) and every page rendered by pdftoppm.
  'test/writers/pdf/subset-pdf.test.ts',
];

export default defineConfig({
  test: {
    // The end-to-end tests start the CLI, LibreOffice and the PDF compiler: seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      // isolate: false — the test files of a worker share its loaded modules instead of importing the
      // CLI, the writers and the stages again for each file (half the suite's time). Run state lives in
      // sessions (`runCli` makes one per call) and the caches are keyed by what they hold, so what one
      // file leaves behind cannot change what another sees.
      // maxWorkers: every core. vitest's default leaves one free, which on a 2-core machine ran the
      // files one at a time: 79 s, against 55 s on both cores (most files wait on processes they start).
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, isolate: false, maxWorkers: availableParallelism() } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
