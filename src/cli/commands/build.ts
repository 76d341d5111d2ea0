import type { Command } from 'commander';
import { collectFontDir } from '../options.js';
import { basename, dirname, extname, join } from 'node:path';
import { formatReport } from '../../check/format.js';
import { UserError } from '../../errors.js';
import { clobberProblems, type Target } from '../../io/targets.js';
import { buildPlan } from '../../pipeline.js';
import { TemplateRegistry } from '../../templates/registry.js';
import { loadWriter, parseFormats } from '../../writers/index.js';

interface BuildCommandOptions {
  format: string;
  out?: string;
  force?: boolean;
  templates?: string;
  fontDir?: string[];
  strict?: boolean;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('把提纲（.yaml）或 Markdown 计划（.md）生成为 Markdown、Word（docx）、PDF')
    .argument('<files...>', '提纲或 Markdown 计划文件')
    .option('--format <list>', '输出格式，逗号分隔：md、docx、pdf', 'md')
    .option('--out <dir>', '输出文件夹（默认与输入文件相同）')
    .option('-f, --force', '覆盖已存在的文件')
    .option('--templates <dir>', '使用自己的模板文件夹')
    .option('--strict', '检查发现错误（如未填写的 xx、__）时不生成')
    .option('--font-dir <dir>', '字体文件夹（PDF 用，可重复）', collectFontDir)
    .action(async (files: string[], options: BuildCommandOptions) => {
      const formats = parseFormats(options.format);
      const registry = new TemplateRegistry(options.templates);
      // Every output of the run is checked before the first is written: none half-done.
      const extensions = await Promise.all(formats.map(async (format) => (await loadWriter(format)).extension));
      const targets: Target[] = files.flatMap((file) =>
        extensions.map((ext) => ({ file: join(options.out ?? dirname(file), basename(file, extname(file)) + ext), from: file })),
      );
      const problems = clobberProblems(targets, {
        inputs: options.force ? [] : files,
        force: options.force ?? false,
        inputHint: '要按新编号重写它请加 --force，或用 --out 指定其他文件夹',
      });
      if (problems.length > 0) throw new UserError('output', problems);
      for (const file of files) {
        const written = await buildPlan(file, {
          formats,
          outDir: options.out,
          force: options.force,
          fontDirs: options.fontDir,
          registry,
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
