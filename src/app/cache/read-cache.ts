import type { Store } from '../ports';

/**
 * Results of reads (dashboard, scorecard, my KPIs) kept while the data they come from is unchanged.
 * Entries are valid for one data version (migration 0013: any write to the tables those reads depend on,
 * by any app instance, changes it), so a hit costs one tiny query and can never be stale.
 * Keys must name everything else the result depends on, including who asks (see `readKey`).
 * Bounded: least recently used entries go first; entries of an older version are dropped at once.
 */
export class ReadCache {
  private version: string | null = null;
  /** Promises, so requests arriving while a result is being computed wait for that one computation. */
  private readonly entries = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 100) {}

  /**
   * The cached result for `key` at the store's current data version, computing and keeping it on a miss.
   * `known`: the store's version read earlier in this request (the session check reads it), saving a query.
   */
  async read<T>(store: Store, key: string, compute: () => Promise<T>, known?: string): Promise<T> {
    // Read before computing: data committed before this read is visible to `compute`, so an entry holds
    // data at least as new as its version (a write committing meanwhile changes the version for the next read).
    const version = known ?? (await store.dataVersion.read());
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key); // re-insert: Map order is the recency order
      this.entries.set(key, cached);
      this.hits++;
      return cached as Promise<T>;
    }
    this.misses++;
    const computing = compute();
    this.entries.set(key, computing);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed read is not kept: the next request tries again.
    computing.catch(() => this.entries.get(key) === computing && this.entries.delete(key));
    return computing;
  }
}

/** A cache key: the read, the user asking (results are never shared between users), and its parameters. */
export function readKey(read: string, userId: number, ...parts: (string | number | undefined)[]): string {
  return JSON.stringify([read, userId, ...parts.map((p) => p ?? null)]);
}
