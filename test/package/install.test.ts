/**
 * The package as a user gets it: `npm pack`, a global install into a temporary prefix, and
 * `unionplan` run from a folder of the user's own — once with everything, once without the
 * optional PDF parts (`--omit=optional`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_FONTS, sourceFile } from '../../src/writers/pdf/bundled.js';
import { licenceName } from '../../src/writers/pdf/pack-bundled.js';
import { requireBuild, tempDir } from '../helpers/cli.js';
import { machinePaths } from '../helpers/machine-path.js';
import { pdfFonts } from '../writers/pdf/helpers.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(cwd: string, ...args: string[]): string {
  return execFileSync(NPM, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
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

/** Megabytes of all files under a folder (what `du --apparent-size` counts). */
function megabytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total / 1e6;
}

/** The aims of issue 14: the full install and the Word-only one. */
const FULL_LIMIT_MB = 150;
const WORD_ONLY_LIMIT_MB = 60;

let tarball = '';

beforeAll(() => {
  requireBuild();
  requireBuild('types/lib.d.ts');
  const dest = tempDir('unionplan-pack-');
  // The test run has just built dist/ (npm test builds first); --ignore-scripts keeps prepack from
  // rebuilding it under the other test files' feet, so its other half, the shipped fonts, is run here.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-fonts.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const out = npm(ROOT, 'pack', '--ignore-scripts', '--json', '--pack-destination', dest);
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  tarball = join(dest, info!.filename);
  const shipped = info!.files.map((file) => file.path);
  expect(shipped).toContain('dist/cli.cjs');
  expect(shipped).toContain('dist/launch.cjs');
  expect(shipped).toContain('dist/types/lib.d.ts');
  expect(shipped).toContain('templates/school/template.md');
  expect(shipped).toContain('LICENSE');
  expect(shipped).toContain('THIRD-PARTY-NOTICES.md');
  expect(shipped).toContain('dist/THIRD-PARTY-LICENSES.txt');
  expect(shipped).toContain('schema/plan.schema.json');
  expect(shipped).toContain('schema/config.schema.json');
  expect(shipped.some((path) => path.startsWith('src/') || path.startsWith('test/'))).toBe(false);
  // Only the faces the layout sets, each with its font licence.
  const fonts = [
    ...BUNDLED_FONTS.map((font) => `fonts/${font.file}`),
    ...new Set(BUNDLED_FONTS.map((font) => `fonts/${licenceName(font)}`)),
  ];
  expect(shipped.filter((path) => path.startsWith('fonts/')).sort()).toEqual(fonts.sort());
}, 300_000);

describe('a global install of the packed tarball', () => {
  let prefix = '';
  beforeAll(() => {
    prefix = installGlobally(tarball);
  }, 300_000);

  it(`takes at most ${FULL_LIMIT_MB} MB, without the font packages the faces come from`, () => {
    const installed = join(prefix, 'lib', 'node_modules');
    expect(megabytes(installed)).toBeLessThanOrEqual(FULL_LIMIT_MB);
    for (const font of BUNDLED_FONTS) expect(existsSync(join(installed, font.package))).toBe(false);
    // Each face is the file of its font package, unchanged (no re-packing to inflate at run time).
    for (const font of BUNDLED_FONTS) {
      const shipped = readFileSync(join(installed, 'unionplan', 'fonts', font.file));
      expect(shipped.equals(readFileSync(sourceFile(font) as string)), font.file).toBe(true);
    }
    expect(
      existsSync(join(installed, 'unionplan', 'node_modules', '@myriaddreamin')) || existsSync(join(installed, '@myriaddreamin')),
    ).toBe(true);
  });

  it('builds md, docx and pdf from a folder of the user’s own', () => {
    const work = tempDir('unionplan-user-');
    const made = unionplan(prefix, work, 'new', '--type', '学校', '--org', '城南实验小学工会', '--year', '2027');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    // The hint names the command that works here, not `npx unionplan` (which would ask the registry).
    expect(made.stdout).toContain('修改后运行：unionplan build plan.yaml');
    const plan = readFileSync(join(work, 'plan.yaml'), 'utf8');
    expect(plan).toContain('检查：unionplan check plan.yaml');
    // The outline names no folder of this machine: not the install's, not the user's.
    expect(machinePaths(plan, prefix, work)).toEqual([]);
    const built = unionplan(prefix, work, 'build', 'plan.yaml', '--format', 'md,docx,pdf');
    expect(built.status).toBe(0);
    expect(readFileSync(join(work, 'plan.md'), 'utf8')).toContain('城南实验小学工会');
    expect(readFileSync(join(work, 'plan.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(work, 'plan.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // No official 公文 fonts on this machine: the faces shipped in the package's fonts/ stand in,
    // every one of them, and are embedded as subsets.
    const shippedFonts = join(prefix, 'lib', 'node_modules', 'unionplan', 'fonts');
    const described = unionplan(prefix, work, 'fonts');
    expect(described.status).toBe(0);
    // The Noto faces ship as the TrueType files of their packages, the Kai face as its WOFF.
    const shippedFaces = {
      标题: 'NotoSerifSC-Bold.ttf',
      正文: 'NotoSerifSC-Regular.ttf',
      一级标题: 'NotoSansSC-Medium.ttf',
      二级标题: 'LXGWWenKai-Regular.woff',
    };
    for (const [role, file] of Object.entries(shippedFaces)) {
      expect(described.stdout).toMatch(new RegExp(`^${role}\t.*内置字体 ${shippedFonts}/${file.replace('.', '\\.')}（`, 'm'));
    }
    const embedded = pdfFonts(join(work, 'plan.pdf'));
    expect(embedded.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'LXGWWenKai-Regular',
      'NotoSansSC-Medium',
      'NotoSerifSC-Bold',
      'NotoSerifSC-Regular',
    ]);
    for (const font of embedded) expect(font).toMatchObject({ embedded: true, subset: true });
  }, 120_000);

  it('names the missing file when a shipped face is gone, and writes no PDF', () => {
    const face = join(prefix, 'lib', 'node_modules', 'unionplan', 'fonts', 'NotoSansSC-Medium.ttf');
    const work = tempDir('unionplan-user-');
    expect(unionplan(prefix, work, 'new', '--type', 'town', '--org', '青山镇总工会', '--year', '2027').status).toBe(0);
    renameSync(face, `${face}.away`);
    try {
      const built = unionplan(prefix, work, 'build', 'plan.yaml', '--format', 'pdf');
      expect(built.status).toBe(3);
      expect(built.stderr).toContain(`本机未找到「黑体」，而 unionplan 自带的代替字体缺少文件：${face}`);
      expect(built.stderr).toContain('请重新安装 unionplan');
      expect(built.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(work, 'plan.pdf'))).toBe(false);
    } finally {
      renameSync(`${face}.away`, face);
    }
  }, 60_000);

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

  it(`has no Typst, and takes at most ${WORD_ONLY_LIMIT_MB} MB`, () => {
    const installed = readdirSync(join(folder, 'node_modules'));
    expect(installed.filter((name) => !name.startsWith('.'))).toEqual(['unionplan']);
    expect(megabytes(join(folder, 'node_modules'))).toBeLessThanOrEqual(WORD_ONLY_LIMIT_MB);
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
