import { basename, dirname, extname, join, resolve } from 'node:path';
import type { UnitConfig } from '../../config/read-config.js';
import { unitConfig } from '../unit-config.js';
import { formatReport } from '../../check/format.js';
import { UserError } from '../../errors.js';
import { clobberProblems, type Target } from '../../io/targets.js';
import { buildPlan } from '../../pipeline.js';
import { TemplateRegistry } from '../../templates/registry.js';
import { loadWriter, parseFormats } from '../../writers/index.js';

/** The options of `unionplan build`, as commander parses them. */
export interface BuildCommandOptions {
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

/**
 * What `unionplan build` does, loaded only when it runs (as every command's action is): `--help`
 * and `--version` then start without the pipeline.
 */
export async function buildAction(files: string[], options: BuildCommandOptions): Promise<void> {
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
}
