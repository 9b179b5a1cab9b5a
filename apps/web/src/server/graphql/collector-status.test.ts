import { createServer, type Server } from "node:http";
import type { TestDb } from "@patronus/core/testing";
import { createCollectorClient, type CollectorStatusReport } from "@patronus/core/traffic/control";
import type { User } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

// The collector's control interface over real HTTP, answering /status with a fixed report: what is
// under test is which viewer sees which field, not how the collector fills them (apps/collector tests that).
const report: CollectorStatusReport = {
  uptime_ms: 1,
  started_at: 0,
  flow_listener: "0.0.0.0:2055",
  receiver: "dgram",
  datagrams_received: 7,
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
  unknown_exporter: 7,
  unknown_exporters: [{ address: "192.0.2.66", datagrams: 7, error: 0, last_seen: 1000 }],
  exporters_allowed: "2 endpoint addresses + loopback",
  demo_traffic: false,
};

let t: TestDb;
let admin: User;
let viewer: User;
let control: Server;
let execute: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  control = createServer((_req, res) => res.end(JSON.stringify(report)));
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  const { port } = control.address() as { port: number };
  ({
    t,
    execute,
    users: { admin, viewer },
  } = createWebTestFixture({
    collector: createCollectorClient({ url: `http://127.0.0.1:${port}`, secret: "x".repeat(20) }),
  }));
});
afterAll(async () => {
  await new Promise((resolve) => control.close(resolve));
  t.destroy();
});

describe("the collector status's exporter fields", () => {
  it("show any viewer how many datagrams came from unknown exporters and who is allowed", async () => {
    const result = await execute("{ collector_status { unknown_exporter exporters_allowed } }", { user: viewer });
    expect(result.data).toEqual({
      collector_status: { unknown_exporter: 7, exporters_allowed: "2 endpoint addresses + loopback" },
    });
  });

  it("name the unknown sources to an admin only", async () => {
    const query = "{ collector_status { unknown_exporters { address datagrams error last_seen } } }";
    const asAdmin = await execute(query, { user: admin });
    expect(asAdmin.data).toEqual({ collector_status: { unknown_exporters: report.unknown_exporters } });

    const asViewer = await execute(query, { user: viewer });
    expect(asViewer.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });
});
