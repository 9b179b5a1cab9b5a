import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Cache, type CacheOptions } from "./ttl-cache";

/** A cache on a hand-driven clock: time moves only when a test calls `advance`. */
function cacheOnClock<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(
  options: Partial<CacheOptions> = {},
) {
  let now = 0;
  const cache = new Cache<K, V>({ ttlMs: 60_000, max: 1_000, now: () => now, ...options });
  return {
    cache,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Cache", () => {
  it("returns an inserted value, and undefined for a key never inserted", () => {
    const { cache } = cacheOnClock<string, string>();

    cache.insert("key1", "value1");

    expect(cache.get("key1")).toBe("value1");
    expect(cache.get("nonexistent")).toBeUndefined();
  });

  it("expires an entry once its default TTL has passed", () => {
    const { cache, advance } = cacheOnClock<string, string>({ ttlMs: 100 });
    cache.insert("key1", "value1");
    expect(cache.get("key1")).toBe("value1");

    advance(150);

    expect(cache.get("key1")).toBeUndefined();
  });

  it("keeps an entry live at exactly its TTL and expires it a millisecond later", () => {
    const { cache, advance } = cacheOnClock<string, string>({ ttlMs: 100 });
    cache.insert("key1", "value1");

    advance(100);
    const atTtl = cache.get("key1");
    advance(1);

    expect(atTtl).toBe("value1");
    expect(cache.get("key1")).toBeUndefined();
  });

  it("expires an entry inserted with its own TTL when that TTL passes", () => {
    const { cache, advance } = cacheOnClock<string, string>({ ttlMs: 60_000 });
    cache.insertWithTtl("key1", "value1", 50);
    expect(cache.get("key1")).toBe("value1");

    advance(100);

    expect(cache.get("key1")).toBeUndefined();
  });

  it("rejects a per-entry TTL that is not positive", () => {
    const { cache } = cacheOnClock<string, string>();

    expect(() => cache.insertWithTtl("key1", "value1", 0)).toThrow(RangeError);
  });

  it("rejects a default TTL or max that is not a positive integer", () => {
    expect(() => new Cache({ ttlMs: 0, max: 10 })).toThrow(/ttlMs/);
    expect(() => new Cache({ ttlMs: 1_000, max: 1.5 })).toThrow(/max/);
  });

  it("remove returns the removed value and leaves other keys in place", () => {
    const { cache } = cacheOnClock<string, string>();
    cache.insert("key1", "value1");
    cache.insert("key2", "value2");

    const removed = cache.remove("key1");

    expect(removed).toBe("value1");
    expect(cache.get("key1")).toBeUndefined();
    expect(cache.get("key2")).toBe("value2");
  });

  it("remove of an absent key returns undefined", () => {
    const { cache } = cacheOnClock<string, string>();

    expect(cache.remove("nonexistent")).toBeUndefined();
  });

  it("cleanupExpired removes every expired entry and returns how many", () => {
    const { cache, advance } = cacheOnClock<string, string>({ ttlMs: 100 });
    cache.insert("key1", "value1");
    cache.insert("key2", "value2");
    cache.insert("key3", "value3");
    advance(150);

    const removed = cache.cleanupExpired();

    expect(removed).toBe(3);
    expect(cache.stats().entries).toBe(0);
  });

  it("cleanupExpired removes only the entries whose TTL has passed", () => {
    const { cache, advance } = cacheOnClock<string, string>({ ttlMs: 60_000 });
    cache.insertWithTtl("key1", "value1", 50);
    cache.insertWithTtl("key2", "value2", 200);
    cache.insertWithTtl("key3", "value3", 50);
    advance(100);

    const removed = cache.cleanupExpired();

    expect(removed).toBe(2);
    expect(cache.stats().entries).toBe(1);
    expect(cache.get("key2")).toBe("value2");
    expect(cache.get("key1")).toBeUndefined();
    expect(cache.get("key3")).toBeUndefined();
  });

  it("clear removes every entry and returns how many there were", () => {
    const { cache } = cacheOnClock<string, string>();
    cache.insert("key1", "value1");
    cache.insert("key2", "value2");
    cache.insert("key3", "value3");

    const cleared = cache.clear();

    expect(cleared).toBe(3);
    expect(cache.stats().entries).toBe(0);
    expect(cache.get("key1")).toBeUndefined();
  });

  it("stats count entries that have expired but not yet been swept", () => {
    const { cache, advance } = cacheOnClock<string, string>({ ttlMs: 100 });
    cache.insert("key1", "value1");
    cache.insertWithTtl("key2", "value2", 50);
    cache.insert("key3", "value3");

    const fresh = cache.stats();
    advance(75);
    const oneExpired = cache.stats();
    advance(50);
    const allExpired = cache.stats();

    expect([fresh.entries, fresh.expired]).toEqual([3, 0]);
    expect([oneExpired.entries, oneExpired.expired]).toEqual([3, 1]);
    expect([allExpired.entries, allExpired.expired]).toEqual([3, 3]);
  });

  it("overwriting a key keeps one entry and restarts its TTL", () => {
    const { cache, advance } = cacheOnClock<string, string>({ ttlMs: 100 });
    cache.insert("key1", "value1");
    advance(80);

    cache.insert("key1", "value2");
    advance(80);

    expect(cache.get("key1")).toBe("value2");
    expect(cache.stats().entries).toBe(1);
  });

  it("counts hits and misses exactly, expired reads included, with hit_rate their ratio", () => {
    const { cache, advance } = cacheOnClock<string, number>({ ttlMs: 100 });
    cache.insert("a", 1);
    cache.insert("b", 2);

    cache.get("a");
    cache.get("a");
    cache.get("b");
    cache.get("missing");
    advance(101);
    cache.get("a");

    expect(cache.stats()).toMatchObject({ hits: 3, misses: 2, hit_rate: 0.6 });
  });

  it("reports a hit_rate of 0 before the first lookup", () => {
    const { cache } = cacheOnClock<string, number>();

    expect(cache.stats().hit_rate).toBe(0);
  });
});

describe("Cache.getOrLoad", () => {
  it("returns a cached value without calling the loader", async () => {
    const { cache } = cacheOnClock<string, string>();
    cache.insert("key1", "cached");
    const loader = vi.fn(async () => "loaded");

    const value = await cache.getOrLoad("key1", loader);

    expect(value).toBe("cached");
    expect(loader).not.toHaveBeenCalled();
  });

  it("calls the loader once for concurrent misses on one key and gives every caller its value", async () => {
    const { cache } = cacheOnClock<string, string>();
    const load = deferred<string>();
    const loader = vi.fn(() => load.promise);

    const callers = Array.from({ length: 20 }, () => cache.getOrLoad("key1", loader));
    load.resolve("loaded");
    const values = await Promise.all(callers);

    expect(loader).toHaveBeenCalledTimes(1);
    expect(values).toEqual(Array(20).fill("loaded"));
    expect(cache.get("key1")).toBe("loaded");
  });

  it("caches nothing when the loader fails and rejects every waiting caller with its error", async () => {
    const { cache } = cacheOnClock<string, string>();
    const load = deferred<string>();
    const failure = new Error("database unavailable");

    const callers = Array.from({ length: 5 }, () => cache.getOrLoad("key1", () => load.promise));
    load.reject(failure);
    const outcomes = await Promise.allSettled(callers);

    expect(outcomes).toEqual(Array(5).fill({ status: "rejected", reason: failure }));
    expect(cache.stats().entries).toBe(0);
  });

  it("calls the loader again on the next call after a failed load", async () => {
    const { cache } = cacheOnClock<string, string>();
    const loader = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("timeout"))
      .mockResolvedValueOnce("loaded");

    await expect(cache.getOrLoad("key1", loader)).rejects.toThrow("timeout");
    const value = await cache.getOrLoad("key1", loader);

    expect(value).toBe("loaded");
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it("rejects, without caching, when the loader throws synchronously", async () => {
    const { cache } = cacheOnClock<string, string>();
    const loader = () => {
      throw new Error("bad key");
    };

    await expect(cache.getOrLoad("key1", loader)).rejects.toThrow("bad key");
    expect(cache.stats().entries).toBe(0);
  });

  it("does not store a load that a clear() overtook, though its callers still get the value", async () => {
    const { cache } = cacheOnClock<string, string>();
    const load = deferred<string>();
    const caller = cache.getOrLoad("key1", () => load.promise);

    cache.clear();
    load.resolve("from before the clear");

    await expect(caller).resolves.toBe("from before the clear");
    expect(cache.get("key1")).toBeUndefined();
  });

  it("does not let a load overwrite a value inserted while it was in flight", async () => {
    const { cache } = cacheOnClock<string, string>();
    const load = deferred<string>();
    const caller = cache.getOrLoad("key1", () => load.promise);

    cache.insert("key1", "newer");
    load.resolve("older");
    await caller;

    expect(cache.get("key1")).toBe("newer");
  });
});

describe("Cache size bound", () => {
  it("never holds more than max entries under a flood of distinct keys", () => {
    const { cache } = cacheOnClock<number, number>({ max: 100 });

    for (let key = 0; key < 10_000; key++) cache.insert(key, key);

    expect(cache.stats().entries).toBe(100);
  });

  it("counts one eviction for every insert of a new key beyond max", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 1_000 }), (max, inserted) => {
        const { cache } = cacheOnClock<number, number>({ max });

        for (let key = 0; key < inserted; key++) cache.insert(key, key);

        const stats = cache.stats();
        expect(stats.entries).toBe(Math.min(inserted, max));
        expect(stats.evictions).toBe(Math.max(0, inserted - max));
      }),
    );
  });

  it("evicts the least recently used entry first", () => {
    const { cache } = cacheOnClock<string, number>({ max: 2 });
    cache.insert("a", 1);
    cache.insert("b", 2);
    cache.get("a");

    cache.insert("c", 3);

    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
  });

  it("does not count expiry, removal, overwrite or clear as evictions", () => {
    const { cache, advance } = cacheOnClock<string, number>({ ttlMs: 100, max: 10 });
    cache.insert("expires", 1);
    cache.insert("removed", 2);
    cache.insert("overwritten", 3);
    cache.insert("cleared", 4);

    cache.insert("overwritten", 5);
    cache.remove("removed");
    advance(101);
    cache.cleanupExpired();
    cache.insert("cleared", 6);
    cache.clear();

    expect(cache.stats().evictions).toBe(0);
  });
});

describe("Cache sweeper", () => {
  it("removes expired entries on its interval without any read", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { cache, advance } = cacheOnClock<string, number>({ ttlMs: 100, sweepIntervalMs: 1_000 });
    cache.insert("a", 1);
    cache.insert("b", 2);
    advance(101);
    expect(cache.stats().entries).toBe(2);

    vi.advanceTimersByTime(1_000);

    expect(cache.stats().entries).toBe(0);
  });

  it("stops sweeping after stopSweeper", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { cache, advance } = cacheOnClock<string, number>({ ttlMs: 100 });
    cache.startSweeper(1_000);
    cache.insert("a", 1);
    advance(101);

    cache.stopSweeper();
    vi.advanceTimersByTime(5_000);

    expect(cache.stats().entries).toBe(1);
  });

  it("does not keep the process alive", () => {
    const { cache } = cacheOnClock<string, number>();
    const refTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = refTimers();

    cache.startSweeper(1_000);
    const during = refTimers();
    cache.stopSweeper();

    expect(during).toBe(before);
  });
});
