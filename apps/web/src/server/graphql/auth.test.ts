import { createServer } from "node:net";
import { listAuditLog } from "@patronus/core/audit";
import { createMetricsCache, createRoutingCache } from "@patronus/core/cache";
import { listSites } from "@patronus/core/sites";
import type { TestDb } from "@patronus/core/testing";
import { createCollectorClient } from "@patronus/core/traffic/control";
import { createApiToken, type User } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlClient, type GraphqlResult } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

let t: TestDb;
let admin: User;
let viewer: User;
let execute: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  // A collector that is down: a port nothing listens on (bind one, note it, release it).
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address() as { port: number };
      probe.close(() => resolve(address.port));
    });
  });
  const downCollector = createCollectorClient({
    url: `http://127.0.0.1:${port}`,
    secret: "x".repeat(20),
    timeoutMs: 500,
  });
  ({
    t,
    execute,
    users: { admin, viewer },
  } = createWebTestFixture({ seed: true, collector: downCollector }));
});
afterAll(() => t.destroy());

const codes = (result: GraphqlResult<unknown>) => result.errors?.map((e) => e.extensions?.code);
const POLICIES = "{ policies { id priority packets_matched bytes_matched } }";

describe("GraphQL authentication", () => {
  it("refuses an anonymous query with UNAUTHENTICATED", async () => {
    const result = await execute(POLICIES);
    expect(result.data).toBeNull();
    expect(codes(result)).toEqual(["UNAUTHENTICATED"]);
  });

  it("answers the policies query docs/api.md documents for a signed-in viewer", async () => {
    const result = await execute<{ policies: { id: string; priority: number; packets_matched: number }[] }>(POLICIES, {
      user: viewer,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.policies).toHaveLength(25);
    expect(result.data!.policies[0]).toEqual({
      id: expect.any(String),
      priority: 950,
      packets_matched: 0,
      bytes_matched: 0,
    });
  });

  it("accepts an API token as a bearer of its user", async () => {
    const { token } = createApiToken(t.db, { actor: "test", userId: viewer.id, name: "script" });
    const result = await execute<{ api_tokens: { name: string; last_used_at: number }[] }>(
      "{ api_tokens { name last_used_at } }",
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.api_tokens).toEqual([{ name: "script", last_used_at: expect.any(Number) }]);
  });

  it("refuses an expired token and says why", async () => {
    const { token } = createApiToken(t.db, {
      actor: "test",
      userId: admin.id,
      name: "old",
      expiresAt: Date.now() - 60_000,
    });
    const result = await execute(POLICIES, { authorization: `Bearer ${token}` });
    expect(codes(result)).toEqual(["UNAUTHENTICATED"]);
    expect(result.errors![0]!.message).toMatch(/expired/);
  });

  it("refuses an Authorization header that is not a bearer token", async () => {
    const result = await execute(POLICIES, { authorization: "Basic YWRtaW46cGFzc3dvcmQ=" });
    expect(codes(result)).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("GraphQL roles", () => {
  it("refuse clearCache to a viewer with FORBIDDEN and audit the denial", async () => {
    const caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
    caches.metrics.insert(1, {
      path_id: 1,
      timestamp: 1,
      latency_ms: 1,
      jitter_ms: 1,
      packet_loss_pct: 0,
      bandwidth_mbps: 1,
      mtu: 1500,
      score: 90,
    });

    const result = await execute("mutation { clearCache { success message cleared_entries } }", {
      user: viewer,
      caches,
    });

    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(caches.metrics.stats().entries).toBe(1);
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      actor: "viewer@example.com",
      action: "cache.clear",
      outcome: "denied",
    });
  });

  it("refuse cache statistics to a viewer", async () => {
    expect(codes(await execute("{ cache_stats { name } }", { user: viewer }))).toEqual(["FORBIDDEN"]);
  });

  it("refuse minting tokens to a viewer", async () => {
    expect(codes(await execute('mutation { createApiToken(name: "mine") { token } }', { user: viewer }))).toEqual([
      "FORBIDDEN",
    ]);
  });
});

describe("caches through GraphQL", () => {
  it("let an admin clear every cache, report the count, and audit it", async () => {
    const caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
    await execute("{ paths { latest_metrics { score } } }", { user: viewer, caches });
    const before = caches.metrics.stats().entries;

    const result = await execute<{ clearCache: { success: boolean; message: string; cleared_entries: number } }>(
      "mutation { clearCache { success message cleared_entries } }",
      { user: admin, caches },
    );

    expect(before).toBe(40);
    expect(result.data!.clearCache).toEqual({
      success: true,
      cleared_entries: 40,
      message: expect.stringMatching(/collector could not be reached/),
    });
    expect(caches.metrics.stats().entries).toBe(0);
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      actor: "admin@example.com",
      action: "cache.clear",
      outcome: "success",
      details: { cleared_entries: 40, collector_reached: false },
    });
  });

  it("show an admin each web cache's statistics", async () => {
    const caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
    await execute("{ paths { latest_metrics { score } } }", { user: viewer, caches });
    await execute("{ paths { latest_metrics { score } } }", { user: viewer, caches });

    const result = await execute<{ cache_stats: unknown[] }>(
      "{ cache_stats { name process entries expired max hits misses evictions hit_rate } }",
      {
        user: admin,
        caches,
      },
    );

    expect(result.data!.cache_stats).toEqual([
      {
        name: "path_metrics",
        process: "web",
        entries: 40,
        expired: 0,
        max: 10_000,
        hits: 40,
        misses: 40,
        evictions: 0,
        hit_rate: 0.5,
      },
      {
        name: "routing_decisions",
        process: "web",
        entries: 0,
        expired: 0,
        max: 100_000,
        hits: 0,
        misses: 0,
        evictions: 0,
        hit_rate: 0,
      },
    ]);
  });

  it("let an admin mint a token for another user, which then works", async () => {
    const minted = await execute<{ createApiToken: { token: string; email: string } }>(
      'mutation { createApiToken(name: "for viewer", expires_in_days: 1, email: "viewer@example.com") { token email expires_at } }',
      { user: admin },
    );
    expect(minted.data!.createApiToken.email).toBe("viewer@example.com");

    const result = await execute(POLICIES, { authorization: `Bearer ${minted.data!.createApiToken.token}` });
    expect(result.errors).toBeUndefined();
  });
});

describe("route lookup", () => {
  it("decides a flow's policy and path, the second time from the cache", async () => {
    const sites = listSites(t.db);
    const hq = sites.find((s) => s.name === "HQ New York")!;
    const atlanta = sites.find((s) => s.name === "Branch Atlanta")!;
    const caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
    const query = `query ($from: ID!, $to: ID!) {
      route(source_site_id: $from, destination_site_id: $to,
            flow: { source: "10.4.1.20", destination: "10.1.1.30", source_port: 16384, destination_port: 16500, protocol: 17, dscp: 46 }) {
        policy_id path_id reason cache_hit
      }
    }`;
    const lookup = () =>
      execute<{ route: { policy_id: number; path_id: number; reason: string; cache_hit: boolean } }>(query, {
        user: viewer,
        caches,
        variables: { from: atlanta.id, to: hq.id },
      });

    const first = await lookup();
    const second = await lookup();

    expect(first.data!.route).toMatchObject({
      policy_id: expect.any(Number),
      path_id: expect.any(Number),
      cache_hit: false,
    });
    expect(first.data!.route.reason).toMatch(/VoIP media/);
    expect(second.data!.route).toEqual({ ...first.data!.route, cache_hit: true });
  });

  it("reports a malformed flow as a validation error", async () => {
    const result = await execute(
      `{ route(source_site_id: "a", destination_site_id: "b", flow: { source: "nope", destination: "10.0.0.1", source_port: 1, destination_port: 2, protocol: 6 }) { reason } }`,
      { user: viewer },
    );
    expect(codes(result)).toEqual(["VALIDATION"]);
  });
});
