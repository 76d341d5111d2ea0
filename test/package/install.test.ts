/**
 * The package as a user gets it: `npm pack`, a global install into a temporary prefix, and
 * `unionplan` run from a folder of the user's own — once with everything, once without the
 * optional PDF parts (`--omit=optional`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, tempDir } from '../helpers/cli.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(cwd: string, ...args: string[]): string {
  return execFileSync(NPM, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
}

/** Installs the tarball globally into a new prefix and returns the prefix. */
function installGlobally(tarball: string, ...flags: string[]): string {
  const prefix = tempDir('unionplan-prefix-');
  npm(prefix, 'install', '--global', '--prefix', prefix, '--prefer-offline', ...flags, tarball);
  return prefix;
}

/** Runs the `unionplan` that an install put in `prefix/bin` (global) or `prefix/.bin` (node_modules). */
function unionplan(prefix: string, cwd: string, ...args: string[]) {
  const bin = existsSync(join(prefix, 'bin', 'unionplan')) ? join(prefix, 'bin', 'unionplan') : join(prefix, '.bin', 'unionplan');
  const result = spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_command: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let tarball = '';

beforeAll(() => {
  requireBuild();
  requireBuild('types/lib.d.ts');
  const dest = tempDir('unionplan-pack-');
  // The test run has just built dist/ (npm test builds first); --ignore-scripts keeps prepack from
  // rebuilding it under the other test files' feet.
  const out = npm(ROOT, 'pack', '--ignore-scripts', '--json', '--pack-destination', dest);
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  tarball = join(dest, info!.filename);
  const shipped = info!.files.map((file) => file.path);
  expect(shipped).toContain('dist/cli.js');
  expect(shipped).toContain('dist/types/lib.d.ts');
  expect(shipped).toContain('templates/school/template.md');
  expect(shipped).toContain('LICENSE');
  expect(shipped).toContain('THIRD-PARTY-NOTICES.md');
  expect(shipped).toContain('dist/THIRD-PARTY-LICENSES.txt');
  expect(shipped).toContain('schema/plan.schema.json');
  expect(shipped).toContain('schema/config.schema.json');
  expect(shipped.some((path) => path.startsWith('src/') || path.startsWith('test/'))).toBe(false);
}, 120_000);

describe('a global install of the packed tarball', () => {
  let prefix = '';
  beforeAll(() => {
    prefix = installGlobally(tarball);
  }, 300_000);

  it('builds md, docx and pdf from a folder of the user’s own', () => {
    const work = tempDir('unionplan-user-');
    const made = unionplan(prefix, work, 'new', '--type', '学校', '--org', '城南实验小学工会', '--year', '2027');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    // The hint names the command that works here, not `npx unionplan` (which would ask the registry).
    expect(made.stdout).toContain('修改后运行：unionplan build plan.yaml');
    const plan = readFileSync(join(work, 'plan.yaml'), 'utf8');
    expect(plan).toContain('检查：unionplan check plan.yaml');
    // The first line points editors at the schema of the installed package, wherever the plan is.
    const schema = /^# yaml-language-server: \$schema=(file:\S+)\n/.exec(plan)?.[1];
    expect(schema, plan.split('\n')[0]).toBeDefined();
    expect(fileURLToPath(schema!).startsWith(prefix)).toBe(true);
    expect(existsSync(fileURLToPath(schema!))).toBe(true);
    const built = unionplan(prefix, work, 'build', 'plan.yaml', '--format', 'md,docx,pdf');
    expect(built.status).toBe(0);
    expect(readFileSync(join(work, 'plan.md'), 'utf8')).toContain('城南实验小学工会');
    expect(readFileSync(join(work, 'plan.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(work, 'plan.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('prints Chinese help when run bare', () => {
    const bare = unionplan(prefix, tempDir(), '');
    const plain = unionplan(prefix, tempDir());
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('用法：');
    expect(plain.stdout).toContain('命令：');
    expect(bare.status).not.toBe(70);
  });

  it('is importable with its types, and builds a plan in-process', () => {
    const project = tempDir('unionplan-api-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-tool', type: 'module', private: true }));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(join(prefix, 'lib', 'node_modules', 'unionplan'), join(project, 'node_modules', 'unionplan'), 'dir');
    writeFileSync(join(project, 'plan.yaml'), 'type: street\norg: 城东街道总工会\nyear: 2027\n');
    const script = [
      "import { buildPlan } from 'unionplan';",
      "const files = await buildPlan('plan.yaml', { formats: ['md', 'docx'] });",
      'console.log(JSON.stringify(files));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['plan.md', 'plan.docx']);
    expect(readFileSync(join(project, 'plan.md'), 'utf8')).toContain('城东街道总工会');
    const types = readFileSync(join(project, 'node_modules', 'unionplan', 'dist', 'types', 'lib.d.ts'), 'utf8');
    expect(types).toContain('buildPlan');
  }, 60_000);
});

describe('an install without the optional PDF parts (--omit=optional)', () => {
  // Installed into a folder of its own: npm ignores --omit for global installs of a tarball
  // (npm/cli#8284), so the README documents this form for the Word-only install.
  let folder = '';
  beforeAll(() => {
    folder = tempDir('unionplan-light-');
    npm(folder, 'install', '--prefer-offline', '--omit=optional', tarball);
  }, 300_000);

  it('has no Typst and no fonts', () => {
    const installed = readdirSync(join(folder, 'node_modules'));
    expect(installed.filter((name) => !name.startsWith('.'))).toEqual(['unionplan']);
  });

  it('builds Word and Markdown, and refuses PDF saying what to add', () => {
    const work = tempDir('unionplan-user-');
    const prefix = join(folder, 'node_modules');
    expect(unionplan(prefix, work, 'new', '--type', 'community', '--org', '幸福里社区工会', '--year', '2027').status).toBe(0);
    const docx = unionplan(prefix, work, 'build', 'plan.yaml', '--format', 'docx,md');
    expect(docx.status).toBe(0);
    expect(existsSync(join(work, 'plan.docx'))).toBe(true);
    const pdf = unionplan(prefix, work, 'build', 'plan.yaml', '--format', 'pdf', '--force');
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toContain('--omit=optional');
    expect(pdf.stderr).toContain('--format docx');
    expect(pdf.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(work, 'plan.pdf'))).toBe(false);
  }, 60_000);
});
