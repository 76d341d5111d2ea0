import { formatProblem, UserError } from '../errors.js';
import { EXIT } from './exit-codes.js';

const HEADINGS: Record<UserError['kind'], string> = {
  usage: '命令用法有误',
  input: '无法读取输入',
  invalid: '输入内容有误',
  output: '无法写入输出',
  check: '检查发现错误',
  partial: '部分单位未能生成',
  interrupted: '已中断',
};

/**
 * The one place a failure reaches the user. A UserError prints its problems in Chinese and
 * exits with its kind's code; anything else is a bug in unionplan and says so.
 */
export function reportError(error: unknown): number {
  if (error instanceof UserError) {
    const count = error.problems.length;
    process.stderr.write(`错误：${HEADINGS[error.kind]}${count > 1 ? `（共 ${count} 处）` : ''}\n`);
    for (const problem of error.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
    return EXIT[error.kind];
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`unionplan 内部错误（这是程序的问题，不是您的输入有误），请把以下信息报告给维护者：\n${detail}\n`);
  return EXIT.internal;
}
