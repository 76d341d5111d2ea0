import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatReport } from '../../check/format.js';
import { UserError } from '../../errors.js';
import { importPlan } from '../../import/import-plan.js';
import { MAX_IMPORT_BYTES } from '../../import/limits.js';
import { formatSummary } from '../../import/summary.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { TemplateRegistry } from '../../templates/registry.js';
import type { ImportCommandOptions } from './import-options.js';

async function readInput(file: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UserError('input', [{ file, message: '这是一个文件夹，请给出去年的计划文件' }]);
    // A huge file is refused before it is read into memory.
    if (info.size > MAX_IMPORT_BYTES) {
      throw new UserError('invalid', [
        {
          file,
          message: `文件有 ${(info.size / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB；一份工作计划通常不到 1 MB`,
        },
      ]);
    }
    return await readFile(file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('input', [{ file, message: '文件不存在，请检查文件名和所在文件夹' }]);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError('input', [{ file, message: '没有读取这个文件的权限' }]);
    throw new UserError('input', [{ file, message: `无法读取文件（${code ?? String(error)}）` }]);
  }
}

/** `unionplan import FILE`: last year's plan → this year's outline, with a summary and check's findings. */
export async function importAction(file: string, options: ImportCommandOptions): Promise<void> {
  const bytes = await readInput(file);
  const registry = new TemplateRegistry(options.templates);
  const result = await importPlan(bytes, file, {
    type: options.type,
    year: options.year,
    org: options.org,
    piece: options.piece,
    outputName: options.output,
    registry,
  });
  await writeFileAtomic(options.output, result.yaml, { force: options.force });
  process.stdout.write(`已生成提纲 ${options.output}（${result.summary.year}年）。\n`);
  process.stdout.write(formatSummary(result.summary));
  if (result.findings.length) {
    process.stdout.write(`\n检查新提纲发现的问题（位置为 ${basename(options.output)} 中的行:列）：\n`);
    process.stdout.write(formatReport(result.findings));
  }
  process.stdout.write(`\n修改后生成计划：npx unionplan build ${options.output} --format docx,pdf\n`);
}
