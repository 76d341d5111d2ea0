import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../src/batch/rows/shard.js';
import { UserError } from '../../src/errors.js';

describe('--shard K/N', () => {
  it('parses K/N', () => {
    expect(parseShard('2/4')).toEqual({ k: 2, n: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ k: 1, n: 1 });
  });

  it.each(['0/3', '4/3', '1/0', '3', 'a/b', '1/2/3', '-1/2', ''])('refuses %j', (value) => {
    expect(() => parseShard(value)).toThrow(UserError);
  });

  it('takes K from a Kubernetes Indexed Job’s JOB_COMPLETION_INDEX (0-based) when only N is given', () => {
    expect(parseShard('4', '0')).toEqual({ k: 1, n: 4 });
    expect(parseShard('4', '3')).toEqual({ k: 4, n: 4 });
    // An explicit K/N wins over the environment.
    expect(parseShard('2/4', '0')).toEqual({ k: 2, n: 4 });
    expect(() => parseShard('4', '4')).toThrow('超出了 4 份');
    expect(() => parseShard('4', 'x')).toThrow('不是数字');
    expect(() => parseShard('4')).toThrow('JOB_COMPLETION_INDEX');
  });

  it('puts every union of any roster in exactly one of the N shards, round robin', () => {
    for (let n = 1; n <= 7; n++) {
      for (let length = 0; length <= 30; length++) {
        const seen = Array.from({ length }, (_, i) => i + 1).map(
          (index) => [...Array(n).keys()].filter((k) => inShard(index, { k: k + 1, n })).length,
        );
        expect(seen.every((count) => count === 1)).toBe(true);
      }
    }
    const third = [1, 2, 3, 4, 5, 6, 7].filter((index) => inShard(index, { k: 3, n: 3 }));
    expect(third).toEqual([3, 6]);
    expect(inShard(5, undefined)).toBe(true);
  });
});
