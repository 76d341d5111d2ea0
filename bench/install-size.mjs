// npm run bench — install sizes, as a user gets them: the packed tarball installed globally
// (everything, PDF included) and into a folder without the optional part, Typst (Word and
// Markdown; the fonts ship in the package either way). Issue 14 aims at 150 MB and 60 MB.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const quiet = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] };
const npm = (cwd, ...args) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { ...quiet, cwd });

/** Bytes of all files under a folder (what `du --apparent-size` counts). */
function size(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += size(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

const LIMITS = { full: 150e6, wordOnly: 60e6 };
const work = mkdtempSync(join(tmpdir(), 'unionplan-size-'));
try {
  // `npm pack` runs prepack (build, then the fonts); dist/ is built by `npm run bench` already.
  execFileSync(process.execPath, [join(root, 'scripts', 'pack-fonts.mjs')], { stdio: 'ignore' });
  const [info] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { ...quiet, cwd: root }),
  );
  const tarball = join(work, info.filename);
  const full = join(work, 'global');
  npm(work, 'install', '--global', '--prefix', full, tarball);
  const light = join(work, 'light');
  execFileSync('mkdir', ['-p', light]);
  npm(light, 'install', '--omit=optional', tarball);
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const within = (bytes, limit) => `${mb(bytes).padStart(9)}  (aim ≤ ${mb(limit)}: ${bytes <= limit ? 'met' : 'NOT met'})`;
  const fullBytes = size(join(full, 'lib', 'node_modules'));
  const lightBytes = size(join(light, 'node_modules'));
  console.log('\nInstall size');
  console.log(`  tarball                                   ${mb(statSync(tarball).size).padStart(9)}`);
  console.log(`  npm install -g (DOCX, PDF, Markdown)      ${within(fullBytes, LIMITS.full)}`);
  console.log(`  npm install --omit=optional (DOCX, md)    ${within(lightBytes, LIMITS.wordOnly)}`);
  console.log(`    of which the shipped fonts (fonts/)     ${mb(size(join(light, 'node_modules', 'unionplan', 'fonts'))).padStart(9)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
