import { UserError, quote } from '../errors.js';

/** `--shard K/N`: this run builds the K-th of N slices of the roster (1 ≤ K ≤ N). */
export interface Shard {
  k: number;
  n: number;
}

/** Parses `--shard 2/4`. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (!match || n < 1 || k < 1 || k > n) {
    throw new UserError('usage', `--shard 的值 ${quote(value)} 无效，应为 K/N（1 ≤ K ≤ N），如 --shard 2/4 表示四份中的第 2 份`);
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
