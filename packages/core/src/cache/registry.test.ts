import { describe, expect, it } from "vitest";
import { NotFoundError } from "../errors";
import { CacheRegistry } from "./registry";
import { Cache } from "./ttl-cache";

function filledCache(entries: number): Cache<number, number> {
  const cache = new Cache<number, number>({ ttlMs: 60_000, max: 100, now: () => 0 });
  for (let key = 0; key < entries; key++) cache.insert(key, key);
  return cache;
}

describe("CacheRegistry", () => {
  it("clearAll empties every registered cache and returns the total removed", () => {
    const registry = new CacheRegistry();
    const metrics = registry.register("metrics", filledCache(3));
    const routing = registry.register("routing", filledCache(4));

    const cleared = registry.clearAll();

    expect(cleared).toBe(7);
    expect(metrics.stats().entries + routing.stats().entries).toBe(0);
  });

  it("clear by name empties only that cache and returns its count", () => {
    const registry = new CacheRegistry();
    registry.register("metrics", filledCache(3));
    const routing = registry.register("routing", filledCache(4));

    const cleared = registry.clear("metrics");

    expect(cleared).toBe(3);
    expect(routing.stats().entries).toBe(4);
  });

  it("clear of an unknown name throws NotFoundError", () => {
    const registry = new CacheRegistry();

    expect(() => registry.clear("nope")).toThrow(NotFoundError);
  });

  it("stats lists every cache by name in registration order", () => {
    const registry = new CacheRegistry();
    registry.register("metrics", filledCache(3));
    registry.register("routing", filledCache(4));

    const stats = registry.stats();

    expect(stats.map((s) => [s.name, s.entries])).toEqual([
      ["metrics", 3],
      ["routing", 4],
    ]);
  });

  it("get returns the cache registered under a name", () => {
    const registry = new CacheRegistry();
    const metrics = registry.register("metrics", filledCache(1));

    expect(registry.get("metrics")).toBe(metrics);
    expect(registry.get("routing")).toBeUndefined();
  });

  it("refuses to register a second cache under a taken name", () => {
    const registry = new CacheRegistry();
    registry.register("metrics", filledCache(0));

    expect(() => registry.register("metrics", filledCache(0))).toThrow(/already registered/);
  });
});
