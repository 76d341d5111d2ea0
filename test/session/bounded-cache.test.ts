import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/session/bounded-cache.js';

describe('BoundedCache', () => {
  it('keeps at most its limit, the least recently used leaving first', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('makes a missing value once, and keeps a falsy one', () => {
    const cache = new BoundedCache<string, number>(3);
    let made = 0;
    const make = (): number => {
      made++;
      return 0;
    };
    expect(cache.getOrMake('zero', make)).toBe(0);
    expect(cache.getOrMake('zero', make)).toBe(0);
    expect(made).toBe(1);
  });

  it('refuses a limit below one', () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
