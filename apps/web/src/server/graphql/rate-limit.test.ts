import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limit";

describe("token buckets", () => {
  it("keep at most maxKeys buckets however many keys arrive", () => {
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1, maxKeys: 100, now: () => 0 });
    for (let i = 0; i < 10_000; i++) buckets.take(`user:${i}`, 1);
    expect(buckets.size).toBe(100);
  });

  it("refuse a take past the tokens left without spending any, saying when enough will be back", () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5, maxKeys: 10, now: () => now });
    expect(buckets.take("a", 2)).toEqual({ ok: true });
    expect(buckets.take("a", 2)).toEqual({ ok: false, retryAfterMs: 2_000 });
    now += 2_000;
    expect(buckets.take("a", 2)).toEqual({ ok: true });
  });
});
