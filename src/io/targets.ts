import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from '../errors.js';

/**
 * The file a path leads to: device and inode when it exists (so that a link, `..` or another
 * spelling of it is known as the same file), else the resolved path.
 */
function identity(path: string): string {
  try {
    const { dev, ino } = statSync(path);
    return `${dev}:${ino}`;
  } catch {
    return resolve(path);
  }
}

/** A file a run is about to write, and what it is written from (for messages). */
export interface Target {
  file: string;
  /** The input or the option it comes from: “plan.yaml”, “--report”. */
  from: string;
}

/**
 * Every reason not to write these files, found before the first is written: two outputs on one
 * path, an output on one of `inputs`, and (without `force`) an output that exists.
 * Returns the problems, to be thrown as one `output` error.
 */
export function clobberProblems(
  targets: readonly Target[],
  options: { inputs: readonly string[]; force: boolean; inputHint?: string },
): Problem[] {
  const { force } = options;
  const problems: Problem[] = [];
  // One stat per path, so that a batch of thousands of plans stays cheap.
  const inputs = new Map(options.inputs.map((file) => [identity(file), file]));
  const seen = new Map<string, Target>();
  for (const target of targets) {
    const key = identity(target.file);
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({
        file: target.file,
        message: `${earlier.from} 和 ${target.from} 会写到同一个文件，后一个会覆盖前一个，因此都没有生成。请用不同的 --out 分开运行，或改名其中一个`,
      });
      continue;
    }
    seen.set(key, target);
    const input = inputs.get(key);
    if (input !== undefined) {
      problems.push({
        file: target.file,
        message: `${target.from} 会写到输入文件 ${input} 上，把它替换掉，因此没有生成。${options.inputHint ?? '请换一个文件名'}`,
      });
      continue;
    }
    if (!force && key !== resolve(target.file)) {
      problems.push({ file: target.file, message: `文件已存在，未覆盖（${target.from}）。要覆盖请加 --force，或用 --out 换个位置` });
    }
  }
  return problems;
}
