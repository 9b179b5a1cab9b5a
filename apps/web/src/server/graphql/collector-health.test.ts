import { createServer, type Server } from "node:http";
import type { TestDb } from "@patronus/core/testing";
import { createCollectorClient, type CollectorStatusReport } from "@patronus/core/traffic/control";
import type { User } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

// A real HTTP control interface whose /status answer each test sets; closing it makes the collector
// unreachable as a stopped sidecar would.
let report: Partial<CollectorStatusReport>;
let t: TestDb;
let viewer: User;
let control: Server;
let execute: ReturnType<typeof graphqlClient>;

const healthy = () => ({
  uptime_ms: 3_600_000,
  last_snapshot_at: Date.now() - 1_000,
  socket_drops: 10,
  malformed_packets: 0,
  unknown_exporter: 0,
});

beforeAll(async () => {
  report = healthy();
  control = createServer((_req, res) => res.end(JSON.stringify({ ...fullReport, ...report })));
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  const { port } = control.address() as { port: number };
  ({
    t,
    execute,
    users: { viewer },
  } = createWebTestFixture({
    collector: createCollectorClient({ url: `http://127.0.0.1:${port}`, secret: "x".repeat(20) }),
  }));
});
afterAll(() => t.destroy());

interface Health {
  collector_health: { problems: { kind: string; message: string; since: number }[] };
}
const health = async () => {
  const result = await execute<Health>("{ collector_health { problems { kind message since } } }", { user: viewer });
  expect(result.errors).toBeUndefined();
  return result.data!.collector_health.problems;
};

describe("collector_health through GraphQL", () => {
  it("has no problems for a collector that answers, snapshots and drops nothing new", async () => {
    expect(await health()).toEqual([]);
    expect(await health()).toEqual([]);
  });

  it("says the socket is dropping datagrams once the count rises between two polls", async () => {
    report = { ...healthy(), socket_drops: 1_510 };
    const before = Date.now();
    const problems = await health();
    expect(problems).toEqual([
      {
        kind: "socket_drops",
        message: "The collector's socket is dropping datagrams (1,510 so far): flows are being lost.",
        since: expect.any(Number) as number,
      },
    ]);
    expect(problems[0]!.since).toBeGreaterThanOrEqual(before);
  });

  it("says snapshots are stale when the last is older than three intervals (10 s each by default)", async () => {
    const last = Date.now() - 31_000;
    report = { ...healthy(), socket_drops: 1_510, last_snapshot_at: last };
    expect(await health()).toContainEqual(expect.objectContaining({ kind: "stale_snapshots", since: last }));
  });

  it("says the collector cannot be reached once its control interface is gone", async () => {
    await new Promise((resolve) => control.close(resolve));
    expect(await health()).toEqual([expect.objectContaining({ kind: "unreachable" })]);
  });
});

const fullReport: CollectorStatusReport = {
  uptime_ms: 1,
  started_at: 0,
  flow_listener: "0.0.0.0:2055",
  receiver: "dgram",
  datagrams_received: 0,
  records_received: 0,
  malformed_packets: 0,
  unsupported_version: 0,
  insane_records: 0,
  unknown_template_sets: 0,
  socket_drops: 0,
  live_flows: 0,
  max_flows: 1000,
  evicted_flows: 0,
  max_flows_per_exporter: 1000,
  last_snapshot_at: null,
  snapshot_failures: 0,
  policies: 0,
  templates: 0,
  templates_rejected: 0,
  templates_evicted: 0,
  templates_expired: 0,
  templates_throttled: 0,
  unknown_exporter: 0,
  unknown_exporters: [],
  exporters_allowed: "any",
  demo_traffic: false,
};
