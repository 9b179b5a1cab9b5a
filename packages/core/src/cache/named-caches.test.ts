import { describe, expect, it } from "vitest";
import { createMetricsCache, createRoutingCache, type PathMetricsSnapshot, type RoutingDecision } from "./named-caches";

function clock() {
  let now = 0;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

const snapshot: PathMetricsSnapshot = {
  path_id: 123,
  timestamp: 1_700_000_000_000,
  latency_ms: 5,
  jitter_ms: 0.1,
  packet_loss_pct: 0.5,
  bandwidth_mbps: 100,
  mtu: 1500,
  score: 95,
};

const decision: RoutingDecision = {
  policy_id: 7,
  path_id: 123,
  reason: "Best available path",
  decided_at: 1_700_000_000_000,
};

describe("createMetricsCache", () => {
  it("round-trips a path metrics snapshot by path id", () => {
    const cache = createMetricsCache();

    cache.insert(123, snapshot);

    expect(cache.get(123)).toEqual(snapshot);
  });

  it("keeps a snapshot for 60 s by default", () => {
    const t = clock();
    const cache = createMetricsCache({ now: t.now });
    cache.insert(123, snapshot);

    t.advance(60_000);
    const atTtl = cache.get(123);
    t.advance(1);

    expect(atTtl).toEqual(snapshot);
    expect(cache.get(123)).toBeUndefined();
  });

  it("holds at most 10,000 snapshots by default", () => {
    expect(createMetricsCache().stats().max).toBe(10_000);
  });
});

describe("createRoutingCache", () => {
  it("round-trips a routing decision by flow key", () => {
    const cache = createRoutingCache();

    cache.insert("10.0.0.1|10.1.0.2|6|443|0", decision);

    expect(cache.get("10.0.0.1|10.1.0.2|6|443|0")).toEqual(decision);
  });

  it("keeps a decision for 30 s by default", () => {
    const t = clock();
    const cache = createRoutingCache({ now: t.now });
    cache.insert("flow", decision);

    t.advance(30_000);
    const atTtl = cache.get("flow");
    t.advance(1);

    expect(atTtl).toEqual(decision);
    expect(cache.get("flow")).toBeUndefined();
  });

  it("holds at most 100,000 decisions by default", () => {
    expect(createRoutingCache().stats().max).toBe(100_000);
  });
});
