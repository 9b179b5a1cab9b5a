import { Cache } from "@patronus/core/cache";

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (a viewer): `capacity` tokens, refilled at `refillPerSecond`. Buckets live in
 * a bounded LRU cache and expire once they would be full again, so memory stays bounded however many
 * keys arrive; a key evicted early only gets a full bucket back, which is what an idle key has anyway.
 */
export class TokenBuckets {
  private readonly buckets: Cache<string, Bucket>;

  constructor(
    private readonly options: { capacity: number; refillPerSecond: number; maxKeys: number; now: () => number },
  ) {
    const fullAfterMs = Math.ceil((options.capacity / options.refillPerSecond) * 1000);
    this.buckets = new Cache({ ttlMs: fullAfterMs, max: options.maxKeys, now: options.now });
  }

  /** Takes `count` tokens from `key`'s bucket; when there are not enough, takes none and says when there will be. */
  take(key: string, count: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const { capacity, refillPerSecond, now } = this.options;
    const at = now();
    const previous = this.buckets.get(key);
    const tokens = previous
      ? Math.min(capacity, previous.tokens + ((at - previous.at) / 1000) * refillPerSecond)
      : capacity;
    if (tokens < count) return { ok: false, retryAfterMs: Math.ceil(((count - tokens) / refillPerSecond) * 1000) };
    this.buckets.insert(key, { tokens: tokens - count, at });
    return { ok: true };
  }

  get size(): number {
    return this.buckets.stats().entries;
  }
}
