import { createTestDb, type TestDb } from "@patronus/core/testing";
import { seedDemoNetwork } from "@patronus/core/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetricsCache, createRoutingCache } from "@patronus/core/cache";
import type { RoutingCaches } from "@patronus/core/routing";
import { createContext, type Viewer } from "./context";
import { createApolloServer } from "./server";

let t: TestDb;
const server = createApolloServer();
// The context is pure: a signed-in viewer is a value here; auth.test.ts covers how requests get one.
const viewer: Viewer = { id: 1, email: "viewer@example.com", role: "viewer", via: "session" };

beforeAll(() => {
  t = createTestDb();
  seedDemoNetwork(t.db, { now: Date.UTC(2026, 10, 1) });
});
afterAll(() => t.destroy());

async function execute<T>(query: string, variables?: Record<string, unknown>, caches?: RoutingCaches): Promise<T> {
  const response = await server.executeOperation(
    { query, variables },
    { contextValue: createContext({ db: t.db, caches, viewer }) },
  );
  if (response.body.kind !== "single") throw new Error("expected a single result");
  const { data, errors } = response.body.singleResult;
  if (errors) throw new Error(errors.map((e) => e.message).join("; "));
  return data as T;
}

describe("GraphQL schema", () => {
  it("lists sites by name with their endpoint counts", async () => {
    const data = await execute<{ sites: { name: string; endpoint_count: number }[] }>(
      "{ sites { name endpoint_count } }",
    );
    expect(data.sites).toHaveLength(12);
    expect(data.sites[0]).toEqual({ name: "Branch Atlanta", endpoint_count: 2 });
  });

  it("returns one site by id, and null for an unknown id", async () => {
    const { sites } = await execute<{ sites: { id: string; name: string }[] }>("{ sites { id name } }");
    const hq = sites.find((s) => s.name === "HQ New York")!;
    const data = await execute<{ found: { name: string } | null; missing: unknown }>(
      `query ($id: ID!) { found: site(id: $id) { name } missing: site(id: "00000000-0000-4000-8000-000000000000") { name } }`,
      { id: hq.id },
    );
    expect(data).toEqual({ found: { name: "HQ New York" }, missing: null });
  });

  it("reads each path's latest metrics through the metrics cache", async () => {
    const caches = { metrics: createMetricsCache(), routing: createRoutingCache() };
    const query = "{ paths { id latest_metrics { latency_ms score } } }";
    const run = () => execute<{ paths: { latest_metrics: { latency_ms: number } }[] }>(query, undefined, caches);

    await run();
    const second = await run();

    expect(caches.metrics.stats()).toMatchObject({ entries: 40, misses: 40, hits: 40 });
    expect(second.paths.every((p) => p.latest_metrics.latency_ms > 0)).toBe(true);
  });

  it("orders policies by priority, highest first, with match rules as JSON", async () => {
    const data = await execute<{ policies: { id: string; priority: number; match_rules: string }[] }>(
      "{ policies { id priority match_rules } }",
    );
    expect(data.policies.map((p) => p.priority)).toEqual(
      [...data.policies.map((p) => p.priority)].sort((a, b) => b - a),
    );
    expect(JSON.parse(data.policies[0]!.match_rules)).toEqual({ dscp: [46], protocols: [17] });
  });
});
