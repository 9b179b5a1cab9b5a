import { createMetricsCache, createRoutingCache } from "@patronus/core/cache";
import { createPolicy } from "@patronus/core/policies";
import type { RoutingCaches } from "@patronus/core/routing";
import { addEndpoint, createPath, createSite } from "@patronus/core/sites";
import type { TestDb } from "@patronus/core/testing";
import { listAuditLog } from "@patronus/core/audit";
import { createApiToken, type User, type UserRole } from "@patronus/core/users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { graphqlClient } from "../test-client";
import { createWebTestFixture } from "../test-fixture";

let t: TestDb;
let users: Record<UserRole, User>;
let execute: ReturnType<typeof graphqlClient>;
let caches: RoutingCaches;
let net: { a: string; b: string; fiber: number; lte: number };

const RECORD = `mutation ($samples: [PathMetricSampleInput!]!) {
  recordPathMetrics(samples: $samples) { recorded status_changes { path_id status } }
}`;
const ROUTE = `query ($a: ID!, $b: ID!) {
  route(source_site_id: $a, destination_site_id: $b,
    flow: { source: "10.1.0.5", destination: "10.2.0.9", source_port: 16384, destination_port: 16500, protocol: 17, dscp: 46 }) { path_id }
}`;
const sample = (path_id: number, latency_ms: number) => ({
  path_id,
  latency_ms,
  jitter_ms: 1,
  packet_loss_pct: 0,
  timestamp: Date.now() - 1000,
});

beforeEach(() => {
  ({ t, users, execute } = createWebTestFixture());
  caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
  const a = createSite(t.db, { name: "A" });
  const b = createSite(t.db, { name: "B" });
  const end = (site_id: string, address: string, interface_kind: "fiber" | "lte") =>
    addEndpoint(t.db, { site_id, address, port: 4500, interface_kind }).id;
  const bFiber = end(b.id, "198.51.100.2", "fiber");
  const fiber = createPath(t.db, {
    source_endpoint_id: end(a.id, "198.51.100.1", "fiber"),
    destination_endpoint_id: bFiber,
  }).id;
  const lte = createPath(t.db, {
    source_endpoint_id: end(a.id, "203.0.113.1", "lte"),
    destination_endpoint_id: bFiber,
  }).id;
  createPolicy(t.db, { name: "voice", priority: 900, path_preference: "lowest_latency", match_rules: { dscp: [46] } });
  net = { a: a.id, b: b.id, fiber, lte };
});
afterEach(() => t.destroy());

describe("recordPathMetrics", () => {
  it("is refused to a viewer, and nothing is written", async () => {
    const result = await execute(RECORD, { user: users.viewer, variables: { samples: [sample(net.fiber, 10)] } });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const health = await execute<{ path_health: { latest: unknown }[] }>(`{ path_health { latest { score } } }`, {
      user: users.viewer,
    });
    expect(health.data?.path_health.every((p) => p.latest === null)).toBe(true);
  });

  it("records an operator's batch, and the route query follows the new figures", async () => {
    const record = (samples: unknown[]) => execute(RECORD, { user: users.operator, caches, variables: { samples } });
    const route = () => execute<{ route: { path_id: number } }>(ROUTE, { user: users.viewer, caches, variables: net });
    await record([sample(net.fiber, 10), sample(net.lte, 60)]);
    expect((await route()).data?.route.path_id).toBe(net.fiber);
    const result = await record([sample(net.fiber, 250)]);
    expect(result).toEqual({
      data: { recordPathMetrics: { recorded: 1, status_changes: [{ path_id: net.fiber, status: "degraded" }] } },
    });
    expect((await route()).data?.route.path_id).toBe(net.lte);
  });

  it("accepts an operator's API token", async () => {
    const { token } = createApiToken(t.db, { actor: "admin@example.com", userId: users.operator.id, name: "probe" });
    const result = await execute(RECORD, {
      authorization: `Bearer ${token}`,
      variables: { samples: [sample(net.lte, 40)] },
    });
    expect(result.errors).toBeUndefined();
  });

  it("names the bad sample and writes none of the batch", async () => {
    const result = await execute(RECORD, {
      user: users.operator,
      variables: { samples: [sample(net.fiber, 10), { ...sample(net.lte, 10), packet_loss_pct: 140 }] },
    });
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/samples\[1\]\.packet_loss_pct/),
      extensions: { code: "VALIDATION" },
    });
    const health = await execute<{ path_health: { latest: unknown }[] }>(`{ path_health { latest { score } } }`, {
      user: users.viewer,
    });
    expect(health.data?.path_health.every((p) => p.latest === null)).toBe(true);
  });
});

describe("a metrics token", () => {
  // Owned by a viewer: the token's scope, not its owner's role, is what lets it post metrics.
  const metricsToken = async () => {
    const minted = await execute<{ createApiToken: { token: string; scope: string } }>(
      `mutation ($email: String!) { createApiToken(name: "probe", email: $email, scope: metrics) { token scope } }`,
      { user: users.admin, variables: { email: users.viewer.email } },
    );
    expect(minted.data?.createApiToken.scope).toBe("metrics");
    return `Bearer ${minted.data!.createApiToken.token}`;
  };
  const deniedRows = () =>
    listAuditLog(t.db, { target: "graphql" })
      .filter((row) => row.outcome === "denied")
      .map(({ actor, action, details }) => ({ actor, action, details }));

  it("records path metrics", async () => {
    const result = await execute(RECORD, {
      authorization: await metricsToken(),
      caches,
      variables: { samples: [sample(net.fiber, 250)] },
    });
    expect(result).toEqual({
      data: { recordPathMetrics: { recorded: 1, status_changes: [{ path_id: net.fiber, status: "degraded" }] } },
    });
  });

  it("is refused by every other query and mutation, each refusal audited", async () => {
    const authorization = await metricsToken();
    const attempts = {
      "graphql.sites": `{ sites { id } }`,
      "graphql.path_health": `{ path_health { path_id } }`,
      "cache.clear": `mutation { clearCache { success } }`,
      "policy.create": `mutation { createPolicy(input: { name: "x", priority: 5 }) { id } }`,
    };
    for (const query of Object.values(attempts)) {
      const result = await execute(query, { authorization });
      expect({ query, code: result.errors?.[0]?.extensions?.code, data: result.data }).toEqual({
        query,
        code: "FORBIDDEN",
        data: null,
      });
    }
    expect(deniedRows()).toEqual(
      expect.arrayContaining(
        ["graphql.sites", "graphql.path_health", "cache.clear", "policy.create"].map((action) => ({
          actor: users.viewer.email,
          action,
          details: expect.objectContaining({ scope: "metrics" }),
        })),
      ),
    );
  });
});

describe("path health queries", () => {
  it("list paths worst first with site names, and a path's bucketed history", async () => {
    await execute(RECORD, {
      user: users.operator,
      variables: { samples: [sample(net.fiber, 250), sample(net.lte, 40)] },
    });
    const result = await execute<{
      path_health: { path_id: number; status: string; source: { site_name: string }; latest: { latency_ms: number } }[];
      path_metric_history: { buckets: { latency_ms: number; samples: number }[] };
    }>(
      `query ($id: Int!, $from: Float!, $to: Float!) {
        path_health { path_id status source { site_name } latest { latency_ms } }
        path_metric_history(path_id: $id, from: $from, to: $to) { buckets { latency_ms samples } }
      }`,
      { user: users.viewer, variables: { id: net.fiber, from: Date.now() - 3_600_000, to: Date.now() + 1 } },
    );
    expect(result.data?.path_health).toEqual([
      { path_id: net.fiber, status: "degraded", source: { site_name: "A" }, latest: { latency_ms: 250 } },
      { path_id: net.lte, status: "up", source: { site_name: "A" }, latest: { latency_ms: 40 } },
    ]);
    expect(result.data?.path_metric_history.buckets).toEqual([{ latency_ms: 250, samples: 1 }]);
  });
});
