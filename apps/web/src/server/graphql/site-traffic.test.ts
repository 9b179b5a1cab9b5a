import { createPolicy } from "@patronus/core/policies";
import { addEndpoint, createSite } from "@patronus/core/sites";
import type { TestDb } from "@patronus/core/testing";
import {
  ExporterGate,
  listExporterEndpoints,
  parseExporterList,
  TrafficStatsCollector,
  writeSnapshot,
} from "@patronus/core/traffic/engine";
import { flowKey, type PolicyClassifier } from "@patronus/core/traffic/match";
import type { User, UserRole } from "@patronus/core/users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestCollector } from "./test-collector";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

// A real engine and exporter gate behind real HTTP, fed as the sidecar feeds them: a verdict, then records.
const T0 = Date.UTC(2026, 10, 1, 12);

let t: TestDb;
let users: Record<UserRole, User>;
let execute: ReturnType<typeof graphqlClient>;
let collector: Awaited<ReturnType<typeof startTestCollector>>;
let sites: { berlin: string; lyon: string };
let ids: { web: number; dns: number };
let datagram: (from: string, dstPort: number, packets: number, bytes: number) => void;
let snapshot: (at: number) => void;

beforeEach(async () => {
  ({ t, users } = createWebTestFixture());
  ids = {
    web: createPolicy(t.db, { name: "web", priority: 10 }).policy_id,
    dns: createPolicy(t.db, { name: "dns", priority: 5 }).policy_id,
  };
  const site = (name: string, address: string) => {
    const { id } = createSite(t.db, { name });
    addEndpoint(t.db, { site_id: id, address, port: 4739, interface_kind: "fiber" });
    return id;
  };
  sites = { berlin: site("Berlin", "198.51.100.1"), lyon: site("Lyon", "198.51.100.2") };
  const gate = new ExporterGate({ list: parseExporterList("203.0.113.0/24"), allowLoopback: false });
  gate.setEndpoints(listExporterEndpoints(t.db));
  const matcher: PolicyClassifier = { match: (r) => (r.dstPort === 443 ? ids.web : ids.dns) };
  const engine = new TrafficStatsCollector({ now: () => T0, exporters: 16, matcher });
  let n = 0;
  datagram = (from, dstPort, packets, bytes) => {
    const exporter = gate.admit(from);
    engine.fromSite(gate.site);
    const r = flowKey({ src: `10.0.0.${++n}`, dst: "192.0.2.1", srcPort: 40000, dstPort, protocol: 6 });
    r.packets = packets;
    r.bytes = bytes;
    engine.ingest(r, T0, exporter);
  };
  let cursor = 0;
  snapshot = (at) => {
    cursor = writeSnapshot(t.db, engine, { at, cursor, siteOf: (c) => gate.siteOfColumn(c) }).cursor;
  };
  collector = await startTestCollector(engine, gate);
  execute = graphqlClient(t.db, { collector: collector.client });
});
afterEach(async () => {
  await collector.close();
  t.destroy();
});

const LIVE = `query ($site: ID!) { site_live_traffic(site_id: $site) { site_id policies { policy_id name packets bytes } } }`;

describe("traffic per site over GraphQL", () => {
  it("gives a viewer each site's live traffic per policy by name, most bytes first, and the no-endpoint bucket", async () => {
    datagram("198.51.100.1", 53, 1, 90);
    datagram("198.51.100.1", 443, 3, 3000);
    datagram("198.51.100.2", 443, 2, 200);
    datagram("203.0.113.5", 53, 7, 700);

    const berlin = await execute(LIVE, { user: users.viewer, variables: { site: sites.berlin } });
    const none = await execute(LIVE, { user: users.viewer, variables: { site: "" } });
    const totals = await execute(`{ site_live_totals { sites { site_id site_name packets bytes } other_exporters } }`, {
      user: users.viewer,
    });

    expect(berlin).toEqual({
      data: {
        site_live_traffic: {
          site_id: sites.berlin,
          policies: [
            { policy_id: ids.web, name: "web", packets: 3, bytes: 3000 },
            { policy_id: ids.dns, name: "dns", packets: 1, bytes: 90 },
          ],
        },
      },
    });
    expect(none.data).toEqual({
      site_live_traffic: { site_id: "", policies: [{ policy_id: ids.dns, name: "dns", packets: 7, bytes: 700 }] },
    });
    expect(totals.data).toEqual({
      site_live_totals: {
        sites: [
          { site_id: sites.berlin, site_name: "Berlin", packets: 4, bytes: 3090 },
          { site_id: "", site_name: null, packets: 7, bytes: 700 },
          { site_id: sites.lyon, site_name: "Lyon", packets: 2, bytes: 200 },
        ],
        other_exporters: ["203.0.113.5"],
      },
    });
  });

  it("answers NOT_FOUND for an unknown site and COLLECTOR_UNAVAILABLE without a collector", async () => {
    const unknown = await execute(LIVE, {
      user: users.viewer,
      variables: { site: "00000000-0000-4000-8000-00000000ffff" },
    });
    const without = await graphqlClient(t.db)(LIVE, { user: users.viewer, variables: { site: sites.lyon } });

    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(without.errors?.map((e) => e.extensions?.code)).toEqual(["COLLECTOR_UNAVAILABLE"]);
  });

  it("reads a site's history per minute with its policies' share, and refuses a bad range naming the field", async () => {
    datagram("198.51.100.1", 443, 1, 1);
    datagram("198.51.100.1", 53, 1, 1);
    snapshot(T0 + 10_000); // the policies' first snapshot: a baseline
    datagram("198.51.100.1", 443, 5, 500);
    datagram("198.51.100.2", 53, 4, 40);
    snapshot(T0 + 70_000);
    const query = `query ($site: ID!, $from: Float!, $to: Float!) {
      site_traffic(site_id: $site, from: $from, to: $to) {
        step_ms points { at bytes bytes_per_second } by_policy { name packets bytes }
      }
    }`;

    const result = await execute(query, {
      user: users.viewer,
      variables: { site: sites.berlin, from: T0, to: T0 + 120_000 },
    });
    const bad = await execute(query, { user: users.viewer, variables: { site: sites.berlin, from: T0, to: T0 - 1 } });

    expect(result.data).toEqual({
      site_traffic: {
        step_ms: 60_000,
        points: [
          { at: T0, bytes: 0, bytes_per_second: 0 },
          { at: T0 + 60_000, bytes: 500, bytes_per_second: 500 / 60 },
        ],
        by_policy: [{ name: "web", packets: 5, bytes: 500 }],
      },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "to" });
  });
});
