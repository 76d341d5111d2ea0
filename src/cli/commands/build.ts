import type { Command } from 'commander';
import { collectFontDir } from '../options.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../../config/config-fields.js';
import type { UnitConfig } from '../../config/read-config.js';
import { unitConfig } from '../unit-config.js';
import { formatReport } from '../../check/format.js';
import { UserError } from '../../errors.js';
import { clobberProblems, type Target } from '../../io/targets.js';
import { buildPlan } from '../../pipeline.js';
import { TemplateRegistry } from '../../templates/registry.js';
import { loadWriter, parseFormats } from '../../writers/index.js';

interface BuildCommandOptions {
  format?: string;
  out?: string;
  force?: boolean;
  templates?: string;
  fontDir?: string[];
  strict?: boolean;
  config?: string;
}

/** One input with what applies to it: options first, then its unit's config, then the defaults. */
interface Input {
  file: string;
  config?: UnitConfig;
  formats: string[];
  outDir?: string;
  fontDirs?: string[];
  registry: TemplateRegistry;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('把提纲（.yaml）或 Markdown 计划（.md）生成为 Markdown、Word（docx）、PDF')
    .argument('<files...>', '提纲或 Markdown 计划文件')
    .option('--format <list>', `输出格式，逗号分隔：md、docx、pdf（默认取 ${CONFIG_FILE} 的 formats，否则为 md）`)
    .option('--out <dir>', `输出文件夹（默认取 ${CONFIG_FILE} 的 out，否则与输入文件相同）`)
    .option('-f, --force', '覆盖已存在的文件')
    .option('--templates <dir>', '使用自己的模板文件夹')
    .option('--strict', '检查发现错误（如未填写的 xx、__）时不生成')
    .option('--font-dir <dir>', '字体文件夹（PDF 用，可重复）', collectFontDir)
    .option('--config <file>', `本单位的设置文件（默认为输入文件所在文件夹或上级文件夹中最近的 ${CONFIG_FILE}）`)
    .action(async (files: string[], options: BuildCommandOptions) => {
      const flagFormats = options.format !== undefined ? parseFormats(options.format) : undefined;
      const registries = new Map<string | undefined, TemplateRegistry>();
      const registryFor = (dir: string | undefined) => registries.get(dir) ?? registries.set(dir, new TemplateRegistry(dir)).get(dir)!;
      // Each input takes the unionplan.config.yaml of its own folder (or --config for all).
      const inputs: Input[] = files.map((file) => {
        const config = unitConfig(dirname(resolve(file)), options.config);
        const outDir = options.out ?? config?.out;
        const fontDirs = options.fontDir ?? config?.fontDirs;
        return {
          file,
          ...(config ? { config } : {}),
          formats: flagFormats ?? config?.formats ?? ['md'],
          ...(outDir !== undefined ? { outDir } : {}),
          ...(fontDirs ? { fontDirs } : {}),
          registry: registryFor(options.templates ?? config?.templates),
        };
      });
      // Every output of the run is checked before the first is written: none half-done.
      const extension = async (format: string) => (await loadWriter(format)).extension;
      const targets: Target[] = [];
      for (const input of inputs) {
        for (const format of input.formats) {
          targets.push({
            file: join(input.outDir ?? dirname(input.file), basename(input.file, extname(input.file)) + (await extension(format))),
            from: input.file,
          });
        }
      }
      const problems = clobberProblems(targets, {
        inputs: options.force ? [] : files,
        force: options.force ?? false,
        inputHint: '要按新编号重写它请加 --force，或用 --out 指定其他文件夹',
      });
      if (problems.length > 0) throw new UserError('output', problems);
      for (const input of inputs) {
        const written = await buildPlan(input.file, {
          formats: input.formats,
          outDir: input.outDir,
          force: options.force,
          fontDirs: input.fontDirs,
          registry: input.registry,
          ...(input.config ? { configFile: input.config.file } : {}),
          ...(input.config?.fonts ? { fonts: input.config.fonts } : {}),
          warn: (warning) => process.stderr.write(`警告：${warning.file}: ${warning.message}\n`),
          // The plan is still built: findings are for the user to look at, unless --strict.
          check: {
            strict: options.strict,
            report: (findings) => {
              if (findings.length) process.stderr.write(formatReport(findings));
            },
          },
        });
        for (const output of written) process.stdout.write(`已生成 ${output}\n`);
      }
    });
}
