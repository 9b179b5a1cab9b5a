import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMetricsCache, createRoutingCache } from "../cache";
import { domainEvents } from "../events";
import { createPolicy, updatePolicy } from "../policies";
import { addEndpoint, createPath, createSite, deletePath, recordPathMetrics, updatePathStatus } from "../sites";
import { deleteSite } from "../sites/delete-site";
import { createTestDb, type TestDb } from "../testing";
import { decideRoute, invalidateRoutingCaches, latestPathMetrics, type RoutingCaches } from "./decide-route";

let t: TestDb;
let caches: RoutingCaches;
let unsubscribe: () => void;
let net: { a: string; b: string; fiber: number; lte: number };

const metrics = (
  path_id: number,
  timestamp: number,
  latency_ms: number,
  packet_loss_pct: number,
  bandwidth_mbps: number,
) => ({
  path_id,
  timestamp,
  latency_ms,
  jitter_ms: 1,
  packet_loss_pct,
  bandwidth_mbps,
  mtu: 1500,
  score: 80,
});
const voice = { src: "10.1.0.5", dst: "10.2.0.9", srcPort: 16384, dstPort: 16500, protocol: 17, dscp: 46 };
const web = { src: "10.1.0.5", dst: "10.2.0.9", srcPort: 40000, dstPort: 443, protocol: 6 };

beforeEach(() => {
  t = createTestDb();
  caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
  unsubscribe = invalidateRoutingCaches(domainEvents, caches);
  const a = createSite(t.db, { name: "A" });
  const b = createSite(t.db, { name: "B" });
  const aFiber = addEndpoint(t.db, {
    site_id: a.id,
    address: "198.51.100.1",
    port: 4500,
    interface_kind: "fiber",
    cost_per_gb: 0.5,
  });
  const aLte = addEndpoint(t.db, {
    site_id: a.id,
    address: "203.0.113.1",
    port: 4500,
    interface_kind: "lte",
    cost_per_gb: 0.1,
  });
  const bFiber = addEndpoint(t.db, { site_id: b.id, address: "198.51.100.2", port: 4500, interface_kind: "fiber" });
  const fiber = createPath(t.db, { source_endpoint_id: aFiber.id, destination_endpoint_id: bFiber.id }).id;
  const lte = createPath(t.db, { source_endpoint_id: aLte.id, destination_endpoint_id: bFiber.id }).id;
  recordPathMetrics(t.db, [metrics(fiber, 1000, 12, 0.5, 900), metrics(lte, 1000, 60, 0.1, 80)]);
  createPolicy(t.db, { name: "voice", priority: 900, path_preference: "lowest_latency", match_rules: { dscp: [46] } });
  createPolicy(t.db, { name: "bulk", priority: 0, path_preference: "lowest_cost" });
  net = { a: a.id, b: b.id, fiber, lte };
});
afterEach(() => {
  unsubscribe();
  t.destroy();
});

const route = (flow: typeof voice | typeof web) =>
  decideRoute(t.db, { sourceSiteId: net.a, destinationSiteId: net.b, flow }, caches);

describe("route decisions", () => {
  it("send a flow over the path its policy's preference picks, and say why", () => {
    expect(route(voice).decision).toMatchObject({
      policy_id: 1,
      path_id: net.fiber,
      reason: expect.stringMatching(/lowest latency: path \d+ at 12 ms of 2 candidates/),
    });
    expect(route(web).decision).toMatchObject({ policy_id: 2, path_id: net.lte });
  });

  it("come from the routing cache the second time", () => {
    expect(route(voice).cached).toBe(false);
    expect(route(voice).cached).toBe(true);
    expect(caches.routing.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it("share one cache entry between spellings of the same address", () => {
    const spelled = (src: string) =>
      decideRoute(
        t.db,
        { sourceSiteId: net.a, destinationSiteId: net.b, flow: { ...web, src, dst: "2001:db8::9" } },
        caches,
      );
    expect(spelled("2001:db8::5").cached).toBe(false);
    expect(spelled("2001:DB8:0:0::0005").cached).toBe(true);
    expect(caches.routing.stats().entries).toBe(1);
  });

  it("follow a pinned path over the preference", () => {
    updatePolicy(t.db, { policyId: 1, pinned_path_id: net.lte });
    expect(route(voice).decision).toMatchObject({ path_id: net.lte, reason: expect.stringContaining("pinned") });
  });

  it("are recomputed after a policy edit, which clears the routing cache", () => {
    route(voice);
    updatePolicy(t.db, { policyId: 1, path_preference: "lowest_loss" });
    expect(route(voice)).toMatchObject({ cached: false, decision: { path_id: net.lte } });
  });

  it("see new metrics at once: recording them replaces the cached entry", () => {
    expect(route(voice).decision.path_id).toBe(net.fiber);
    recordPathMetrics(t.db, [metrics(net.fiber, 2000, 150, 0.5, 900)]);
    expect(route(voice).decision.path_id).toBe(net.lte);
    expect(latestPathMetrics(t.db, { pathId: net.fiber }, caches)?.latency_ms).toBe(150);
  });

  it("forget the paths of a deleted site", () => {
    route(voice);
    expect(caches.metrics.stats().entries).toBe(2);
    deleteSite(t.db, { siteId: net.b, actor: "test" });
    expect(caches.metrics.stats().entries).toBe(0);
    expect(route(voice).decision).toMatchObject({ path_id: null, reason: expect.stringContaining("no usable path") });
  });

  it("stop choosing a path at once when it is set down, and forget a deleted path", () => {
    expect(route(voice).decision.path_id).toBe(net.fiber);
    updatePathStatus(t.db, { pathId: net.fiber, status: "down" });
    expect(route(voice).decision.path_id).toBe(net.lte);
    deletePath(t.db, { pathId: net.lte });
    expect(route(voice).decision.path_id).toBeNull();
  });

  it("say so when no policy matches", () => {
    updatePolicy(t.db, { policyId: 2, enabled: false });
    expect(route(web).decision).toEqual({
      policy_id: null,
      path_id: null,
      reason: "no enabled policy matches this flow",
      decided_at: expect.any(Number),
    });
  });

  it("reject a malformed flow before it reaches the cache", () => {
    expect(() => route({ ...web, dst: "not-an-ip" })).toThrow(/not an IPv4 address/);
    expect(caches.routing.stats().entries).toBe(0);
  });
});
