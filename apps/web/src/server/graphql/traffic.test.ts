import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import { createPolicy } from "@patronus/core/policies";
import { createTestDb, type TestDb } from "@patronus/core/testing";
import { createCollectorClient } from "@patronus/core/traffic/control";
import { storePolicyStats } from "@patronus/core/traffic/stats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, type Viewer } from "./context";
import { createApolloServer } from "./server";

let t: TestDb;
let deadPort: number;
const server = createApolloServer();
// The context is pure: a signed-in viewer is a value here; auth.test.ts covers how requests get one.
const viewer: Viewer = { id: 1, email: "viewer@example.com", role: "viewer", via: "session" };

beforeAll(async () => {
  t = createTestDb();
  createPolicy(t.db, { name: "voice", priority: 900, match_rules: { dscp: [46] } });
  createPolicy(t.db, { name: "web", priority: 500, match_rules: { destination_ports: [443] } });
  storePolicyStats(t.db, {
    at: 1000,
    stats: [{ policy_id: 1, packets_matched: 10, bytes_matched: 2000, active_flows: 1 }],
  });
  storePolicyStats(t.db, {
    at: 2000,
    stats: [
      { policy_id: 1, packets_matched: 30, bytes_matched: 6000, active_flows: 2 },
      { policy_id: 2, packets_matched: 2 ** 40, bytes_matched: 2 ** 50, active_flows: 0 },
    ],
  });
  // A port nothing listens on: bind one, note it, release it.
  deadPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
});
afterAll(() => t.destroy());

async function execute<T>(query: string, url = `http://127.0.0.1:${deadPort}`): Promise<T> {
  const collector = createCollectorClient({ url, secret: "x".repeat(20), timeoutMs: 500 });
  const response = await server.executeOperation(
    { query },
    { contextValue: createContext({ db: t.db, collector, viewer }) },
  );
  if (response.body.kind !== "single") throw new Error("expected a single result");
  if (response.body.singleResult.errors) throw new Error(JSON.stringify(response.body.singleResult.errors));
  return response.body.singleResult.data as T;
}

describe("traffic statistics when the collector is down", () => {
  it("fall back to each policy's latest snapshot and say so", async () => {
    const data = await execute<{
      traffic_stats: { source: string; at: number; reason: string; totals: { packets: number } };
    }>("{ traffic_stats { source at reason totals { packets } } }");
    expect(data.traffic_stats).toMatchObject({ source: "snapshot", at: 2000, totals: { packets: 30 + 2 ** 40 } });
    expect(data.traffic_stats.reason).toMatch(/unreachable/);
  });

  it("answer the policies query docs/api.md documents with snapshot counters, exact past 2^31", async () => {
    const data = await execute<{ policies: unknown[] }>("{ policies { id priority packets_matched bytes_matched } }");
    expect(data.policies).toEqual([
      { id: "1", priority: 900, packets_matched: 30, bytes_matched: 6000 },
      { id: "2", priority: 500, packets_matched: 2 ** 40, bytes_matched: 2 ** 50 },
    ]);
  });

  it("report no collector status", async () => {
    expect(await execute("{ collector_status { uptime_ms } }")).toEqual({ collector_status: null });
  });
});

describe("traffic statistics when the collector answers with an error", () => {
  let control: Server;
  let url: string;
  beforeAll(async () => {
    // A collector that is up but refuses the request, as a protocol bug on either side would make it.
    control = createHttpServer((_req, res) =>
      res.writeHead(400, { "content-type": "application/json" }).end('{"error":"bad stats request"}'),
    );
    await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(control.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => control.close(resolve)));

  it("surface an internal error with a reference instead of falling back to snapshots", async () => {
    await expect(execute("{ traffic_stats { source } }", url)).rejects.toThrow(
      /"message":"Internal server error \(ref: [0-9a-f-]+\)".*"code":"INTERNAL_SERVER_ERROR"/,
    );
  });
});
