import { UserError, quote } from '../../errors.js';

/** `--shard K/N`: this run builds the K-th of N slices of the roster (1 ≤ K ≤ N). */
export interface Shard {
  k: number;
  n: number;
}

/**
 * Parses `--shard 2/4`, or `--shard 4` with K taken from a Kubernetes Indexed Job's
 * `JOB_COMPLETION_INDEX` (0-based, passed in as `completionIndex`), so that one Job spec serves
 * every slice.
 */
export function parseShard(value: string, completionIndex?: string): Shard {
  const alone = /^\s*(\d+)\s*$/.exec(value);
  if (alone) {
    const n = Number(alone[1]);
    const index = completionIndex !== undefined && /^\s*\d+\s*$/.test(completionIndex) ? Number(completionIndex) : undefined;
    if (index === undefined) {
      throw new UserError(
        'usage',
        `--shard ${value.trim()} 只给出了份数 N：请写成 K/N（如 --shard 2/${value.trim()}），或在设置了环境变量 JOB_COMPLETION_INDEX 的 Kubernetes 索引任务中运行${completionIndex !== undefined ? `（现在它的值 ${quote(completionIndex)} 不是数字）` : ''}`,
      );
    }
    if (n < 1 || index + 1 > n) {
      throw new UserError(
        'usage',
        `--shard ${value.trim()} 与 JOB_COMPLETION_INDEX=${index} 不符：第 ${index + 1} 份超出了 ${n} 份（索引任务的 completions 应等于 N）`,
      );
    }
    return { k: index + 1, n };
  }
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (!match || n < 1 || k < 1 || k > n) {
    throw new UserError(
      'usage',
      `--shard 的值 ${quote(value)} 无效，应为 K/N（1 ≤ K ≤ N），如 --shard 2/4 表示四份中的第 2 份；在 Kubernetes 索引任务中可只写 N`,
    );
  }
  return { k, n };
}

/**
 * Whether the union at `index` (1-based place in the roster, blank rows not counted) belongs
 * to the shard. Round robin — union i goes to slice ((i − 1) mod N) + 1 — so that every slice
 * gets a like share of each type even when the roster is sorted by type, and the N slices
 * cover the roster exactly once whatever its length.
 */
export function inShard(index: number, shard: Shard | undefined): boolean {
  return shard === undefined || (index - 1) % shard.n === shard.k - 1;
}
