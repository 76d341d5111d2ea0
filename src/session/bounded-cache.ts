/**
 * The one eviction policy of the program's caches: a fixed number of entries, the least recently
 * used leaving first. Every cache is a {@link BoundedCache} owned by a session, so that memory is
 * bounded and a library caller gets it back by disposing the session.
 */
export class BoundedCache<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<K, V>();

  constructor(
    /** Entries kept at most; at least one. */
    readonly limit: number,
  ) {
    if (!(limit >= 1)) throw new RangeError(`cache limit must be at least 1, not ${limit}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps `value` for `key`; the least recently used entry leaves when the cache is full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  /** The value for `key`, made by `make` and kept when missing. */
  getOrMake(key: K, make: () => V): V {
    if (this.entries.has(key)) return this.get(key) as V;
    const value = make();
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
