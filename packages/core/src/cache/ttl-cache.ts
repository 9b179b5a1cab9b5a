import { LRUCache } from "lru-cache";

export interface CacheOptions {
  /** Lifetime of an entry inserted with `insert()`, in milliseconds. A positive integer. */
  ttlMs: number;
  /** Entry ceiling; inserting past it evicts the least recently used entry. A positive integer. */
  max: number;
  /** Clock in milliseconds (default `performance.now`). Injected by tests; only differences are used. */
  now?: () => number;
  /**
   * How long one clock reading is reused for TTL checks (lru-cache `ttlResolution`). Reading the clock
   * costs more than a hit, so the default is 1 ms with the real clock; with an injected clock it is 0,
   * so every check reads the clock and tests are exact.
   */
  ttlResolutionMs?: number;
  /** Start the expiry sweeper at construction with this period (see `startSweeper`). */
  sweepIntervalMs?: number;
}

/**
 * Counters and sizes of one cache, snake_case as the GraphQL API shows them. `entries` counts every
 * stored entry, including `expired` ones not yet swept. Hits and misses count get() and getOrLoad()
 * lookups (a caller that waits on another's load is a miss); evictions are removals to make room, not
 * expiry, removal or clear. Counters run for the cache's life: clear() does not reset them.
 */
export interface CacheStats {
  entries: number;
  expired: number;
  max: number;
  hits: number;
  misses: number;
  evictions: number;
  /** hits / (hits + misses), 0 before the first lookup. */
  hit_rate: number;
}

/** What the registry needs of a cache, whatever its key and value types. */
export interface ManagedCache {
  stats(): CacheStats;
  cleanupExpired(): number;
  clear(): number;
}

/**
 * A bounded TTL cache: lru-cache does the storage, expiry and LRU eviction; this adds hit/miss/eviction
 * counters, single-flight loading and a periodic sweep. Values cannot be undefined (lru-cache treats
 * setting undefined as a delete), hence `V extends NonNullable<unknown>` (lru-cache's `{}`).
 */
export class Cache<K extends NonNullable<unknown>, V extends NonNullable<unknown>> implements ManagedCache {
  private readonly lru: LRUCache<K, V>;
  private readonly inflight = new Map<K, Promise<V>>();
  private hits = 0;
  private misses = 0;
  private evictions = 0;
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(options: CacheOptions) {
    const { ttlMs, max, now, sweepIntervalMs } = options;
    requirePositiveInteger("ttlMs", ttlMs);
    requirePositiveInteger("max", max);
    let perf: { now(): number } | undefined;
    if (now) {
      // lru-cache stores a start time of 0 to mean "no TTL", so an injected clock that reads 0 would
      // make entries immortal; shifting readings to start at 1 keeps every difference unchanged.
      const origin = now();
      perf = { now: () => now() - origin + 1 };
    }
    this.lru = new LRUCache<K, V>({
      max,
      ttl: ttlMs,
      ttlResolution: options.ttlResolutionMs ?? (now ? 0 : 1),
      perf,
      // Overwrites are not disposals for us; skipping them keeps dispose off the insert path.
      noDisposeOnSet: true,
      dispose: (_value, _key, reason) => {
        if (reason === "evict") this.evictions++;
      },
    });
    if (sweepIntervalMs !== undefined) this.startSweeper(sweepIntervalMs);
  }

  /** The live value for `key`, or undefined when absent or expired (an expired entry is removed). */
  get(key: K): V | undefined {
    const value = this.lru.get(key);
    if (value === undefined) this.misses++;
    else this.hits++;
    return value;
  }

  /** Stores `value` for the default TTL, replacing any entry (and restarting its TTL). */
  insert(key: K, value: V): void {
    if (this.inflight.size !== 0) this.inflight.delete(key);
    this.lru.set(key, value);
  }

  /** Stores `value` for `ttlMs` milliseconds (> 0; Infinity keeps it until evicted or removed). */
  insertWithTtl(key: K, value: V, ttlMs: number): void {
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${ttlMs}`);
    if (this.inflight.size !== 0) this.inflight.delete(key);
    this.lru.set(key, value, { ttl: ttlMs });
  }

  /** Removes `key`; returns its value if it was present and live. */
  remove(key: K): V | undefined {
    if (this.inflight.size !== 0) this.inflight.delete(key);
    const value = this.lru.peek(key);
    this.lru.delete(key);
    return value;
  }

  /**
   * The cached value, or the result of `loader()`, which is then cached. Concurrent misses for one key
   * share a single loader call. A rejected load caches nothing and rejects every caller waiting on it;
   * the next call loads again. A load overtaken by insert/remove/clear of its key is returned to its
   * callers but not stored, so it cannot bring back data that was cleared or replaced meanwhile.
   */
  async getOrLoad(key: K, loader: () => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    let pending = this.inflight.get(key);
    if (pending === undefined) {
      pending = this.load(key, loader);
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private load(key: K, loader: () => Promise<V>): Promise<V> {
    const pending: Promise<V> = Promise.resolve()
      .then(loader)
      .then(
        (value) => {
          if (this.inflight.get(key) === pending) {
            this.inflight.delete(key);
            this.lru.set(key, value);
          }
          return value;
        },
        (error: unknown) => {
          if (this.inflight.get(key) === pending) this.inflight.delete(key);
          throw error;
        },
      );
    return pending;
  }

  /** Removes every expired entry; returns how many. */
  cleanupExpired(): number {
    const before = this.lru.size;
    this.lru.purgeStale();
    return before - this.lru.size;
  }

  /** Removes every entry (and forgets in-flight loads); returns how many entries there were. */
  clear(): number {
    const count = this.lru.size;
    this.inflight.clear();
    this.lru.clear();
    return count;
  }

  stats(): CacheStats {
    let live = 0;
    // forEach skips expired entries without removing them, which is what `expired` must count.
    this.lru.forEach(() => {
      live++;
    });
    const lookups = this.hits + this.misses;
    return {
      entries: this.lru.size,
      expired: this.lru.size - live,
      max: this.lru.max,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      hit_rate: lookups === 0 ? 0 : this.hits / lookups,
    };
  }

  /**
   * Sweeps expired entries every `intervalMs` (replacing any running sweeper). Reads already skip
   * expired entries; the sweep returns their memory when nobody reads them. The timer is unref()ed
   * so it never keeps the process alive, but it does keep this cache alive: stop it before dropping one.
   */
  startSweeper(intervalMs: number): void {
    requirePositiveInteger("intervalMs", intervalMs);
    this.stopSweeper();
    this.sweeper = setInterval(() => this.cleanupExpired(), intervalMs);
    this.sweeper.unref();
  }

  stopSweeper(): void {
    if (this.sweeper !== undefined) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}
