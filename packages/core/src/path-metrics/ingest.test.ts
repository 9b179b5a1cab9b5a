import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMetricsCache, createRoutingCache } from "../cache";
import { auditLog, pathMetrics, paths } from "../db/schema";
import { domainEvents } from "../events";
import { createPolicy } from "../policies";
import { decideRoute, invalidateRoutingCaches, latestPathMetrics, type RoutingCaches } from "../routing";
import { addEndpoint, createPath, createSite } from "../sites";
import { createTestDb, type TestDb } from "../testing";
import { ingestPathMetrics, MAX_SAMPLES_PER_BATCH, type PathMetricSample } from "./ingest";

const NOW = Date.UTC(2026, 5, 1, 12);
let t: TestDb;
let caches: RoutingCaches;
let unsubscribe: () => void;
let net: { a: string; b: string; fiber: number; lte: number };

const sample = (path_id: number, over: Partial<PathMetricSample> = {}): PathMetricSample => ({
  path_id,
  timestamp: NOW - 1000,
  latency_ms: 12,
  jitter_ms: 1,
  packet_loss_pct: 0.1,
  bandwidth_mbps: 900,
  ...over,
});
const ingest = (samples: unknown) => ingestPathMetrics(t.db, { actor: "probe@example.com", samples, now: NOW }, caches);
const metricRows = () => t.db.select().from(pathMetrics).all();
const statusOfPath = (id: number) => t.db.select().from(paths).where(eq(paths.id, id)).get()?.status;
const voice = { src: "10.1.0.5", dst: "10.2.0.9", srcPort: 16384, dstPort: 16500, protocol: 17, dscp: 46 };
const route = () => decideRoute(t.db, { sourceSiteId: net.a, destinationSiteId: net.b, flow: voice }, caches);

beforeEach(() => {
  t = createTestDb();
  caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
  unsubscribe = invalidateRoutingCaches(domainEvents, caches);
  const a = createSite(t.db, { name: "A" });
  const b = createSite(t.db, { name: "B" });
  const aFiber = addEndpoint(t.db, { site_id: a.id, address: "198.51.100.1", port: 4500, interface_kind: "fiber" });
  const aLte = addEndpoint(t.db, { site_id: a.id, address: "203.0.113.1", port: 4500, interface_kind: "lte" });
  const bFiber = addEndpoint(t.db, { site_id: b.id, address: "198.51.100.2", port: 4500, interface_kind: "fiber" });
  const fiber = createPath(t.db, { source_endpoint_id: aFiber.id, destination_endpoint_id: bFiber.id }).id;
  const lte = createPath(t.db, { source_endpoint_id: aLte.id, destination_endpoint_id: bFiber.id }).id;
  createPolicy(t.db, { name: "voice", priority: 900, path_preference: "lowest_latency", match_rules: { dscp: [46] } });
  net = { a: a.id, b: b.id, fiber, lte };
  ingest([sample(fiber, { latency_ms: 12 }), sample(lte, { latency_ms: 60, bandwidth_mbps: 80 })]);
});

afterEach(() => {
  unsubscribe();
  t.destroy();
});

describe("ingesting path metrics", () => {
  it("writes every sample of the batch, computing the score when the probe sends none", () => {
    const result = ingest([sample(net.fiber, { timestamp: NOW, latency_ms: 30, jitter_ms: 2, packet_loss_pct: 1 })]);
    expect(result.recorded).toBe(1);
    const newest = metricRows().find((r) => r.timestamp === NOW);
    // 100 - 30/3 - 1*10 - 2
    expect(newest).toMatchObject({ path_id: net.fiber, latency_ms: 30, score: 78, bandwidth_mbps: 900 });
  });

  it("keeps the path's last bandwidth and MTU when a sample omits them", () => {
    ingest([{ path_id: net.lte, timestamp: NOW, latency_ms: 50, jitter_ms: 1, packet_loss_pct: 0 }]);
    expect(metricRows().find((r) => r.timestamp === NOW)).toMatchObject({ bandwidth_mbps: 80, mtu: 1500 });
  });

  it.each([
    ["an unknown path", { path_id: 999 }, /samples\[1\]\.path_id: no path has id 999/],
    ["a negative latency", { latency_ms: -1 }, /samples\[1\]\.latency_ms/],
    ["a latency past a minute", { latency_ms: 60_001 }, /samples\[1\]\.latency_ms/],
    ["a loss above 100 %", { packet_loss_pct: 100.5 }, /samples\[1\]\.packet_loss_pct/],
    ["a time in the future", { timestamp: NOW + 10 * 60_000 }, /samples\[1\]\.timestamp: .* is in the future/],
    [
      "a time older than 7 days",
      { timestamp: NOW - 8 * 24 * 3_600_000 },
      /samples\[1\]\.timestamp: .* older than 7 days/,
    ],
    ["a score out of range", { score: 101 }, /samples\[1\]\.score/],
  ])("refuses the whole batch for %s, writing nothing but a failed audit row", (_, bad, message) => {
    const before = metricRows().length;
    expect(() => ingest([sample(net.fiber, { timestamp: NOW }), sample(net.fiber, bad)])).toThrow(message);
    expect(metricRows()).toHaveLength(before);
    expect(
      t.db
        .select()
        .from(auditLog)
        .all()
        .filter((row) => row.action === "path_metrics.ingest"),
    ).toEqual([
      expect.objectContaining({ actor: "probe@example.com", action: "path_metrics.ingest", outcome: "failed" }),
    ]);
  });

  it("refuses an empty batch and one past the cap", () => {
    expect(() => ingest([])).toThrow(/at least one sample/);
    const tooMany = Array.from({ length: MAX_SAMPLES_PER_BATCH + 1 }, () => sample(net.fiber));
    expect(() => ingest(tooMany)).toThrow(/samples/);
    expect(() => ingest({ path_id: net.fiber })).toThrow(/samples/);
    expect(metricRows()).toHaveLength(2);
  });

  it("replaces the cached latest metrics of the paths it names", () => {
    ingest([sample(net.fiber, { timestamp: NOW, latency_ms: 40 })]);
    expect(caches.metrics.get(net.fiber)).toMatchObject({ latency_ms: 40, timestamp: NOW });
    const { misses } = caches.metrics.stats();
    expect(latestPathMetrics(t.db, { pathId: net.fiber }, caches)?.latency_ms).toBe(40);
    expect(caches.metrics.stats().misses).toBe(misses);
  });

  it("changes the routing answer: a slower path loses the lowest-latency flow, and turns degraded", () => {
    expect(route().decision.path_id).toBe(net.fiber);
    expect(route().cached).toBe(true);
    const result = ingest([sample(net.fiber, { timestamp: NOW, latency_ms: 250, jitter_ms: 5 })]);
    expect(result.status_changes).toEqual([{ path_id: net.fiber, status: "degraded" }]);
    expect(statusOfPath(net.fiber)).toBe("degraded");
    expect(route()).toMatchObject({ cached: false, decision: { path_id: net.lte } });
  });

  it("takes a path down at half its packets lost, and routing stops using it", () => {
    ingest([sample(net.lte, { timestamp: NOW, packet_loss_pct: 60 })]);
    expect(statusOfPath(net.lte)).toBe("down");
    ingest([sample(net.fiber, { timestamp: NOW, latency_ms: 250 })]);
    expect(route().decision.path_id).toBe(net.fiber);
  });

  it("lets an older sample in without overruling the path's status or cached figures", () => {
    ingest([sample(net.fiber, { timestamp: NOW, latency_ms: 250 })]);
    ingest([sample(net.fiber, { timestamp: NOW - 60_000, latency_ms: 10 })]);
    expect(statusOfPath(net.fiber)).toBe("degraded");
    expect(latestPathMetrics(t.db, { pathId: net.fiber }, caches)?.latency_ms).toBe(250);
  });
});
