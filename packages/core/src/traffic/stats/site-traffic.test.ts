import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FlowRecord } from "../../flows/flow-record";
import { createPolicy, deletePolicy } from "../../policies/policies";
import { countSiteDependencies, deleteSite } from "../../sites/delete-site";
import { createTestDb, insertSite, type TestDb } from "../../testing";
import { ExporterGate, listExporterEndpoints, parseExporterList } from "../engine/exporter-gate";
import { restoreCollector, writeSnapshot } from "../engine/persistence";
import { TrafficStatsCollector } from "../engine/traffic-stats-collector";
import { flowKey } from "../match/flow-key";
import type { PolicyClassifier } from "../match/policy-matcher";
import { getSiteTrafficHistory, pruneSiteTrafficStep } from "./site-traffic";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 1, 12);

let t: TestDb;
let policyIds: number[];
let siteA: string;
let siteB: string;

beforeEach(() => {
  t = createTestDb();
  policyIds = ["web", "dns"].map((name, i) => createPolicy(t.db, { name, priority: 100 - i }).policy_id);
  // insertSite's endpoints are 10.<n>.<e>.1
  siteA = insertSite(t.db, 1, 1).id;
  siteB = insertSite(t.db, 2, 1).id;
});
afterEach(() => t.destroy());

function record(i: number, dstPort: number, packets: number, bytes: number): FlowRecord {
  const r = flowKey({ src: `10.9.0.${i}`, dst: "192.168.1.1", srcPort: 40000 + i, dstPort, protocol: 6 });
  r.packets = packets;
  r.bytes = bytes;
  return r;
}

/** The sidecar over the test database: a gate fed the endpoints, the engine, and its snapshots. */
function sidecar(clock: { now: number }) {
  const matcher: PolicyClassifier = { match: (r) => (r.dstPort === 443 ? policyIds[0]! : policyIds[1]!) };
  const gate = new ExporterGate({ list: parseExporterList("203.0.113.0/24"), allowLoopback: false });
  gate.setEndpoints(listExporterEndpoints(t.db));
  const collector = new TrafficStatsCollector({ now: () => clock.now, exporters: 256, matcher });
  restoreCollector(t.db, collector);
  let cursor = 0;
  return {
    collector,
    datagram(from: string, records: FlowRecord[]) {
      const exporter = gate.admit(from);
      collector.fromSite(gate.site);
      for (const r of records) collector.ingest(r, clock.now, exporter);
    },
    snapshot() {
      cursor = writeSnapshot(t.db, collector, { at: clock.now, cursor, siteOf: (c) => gate.siteOfColumn(c) }).cursor;
    },
  };
}

type Sums = Record<string, { packets: number; bytes: number }>;
function sums(sql: string): Sums {
  const rows = t.db.all<{ k: string; packets: number; bytes: number }>(sql);
  return Object.fromEntries(rows.filter((r) => r.packets > 0 || r.bytes > 0).map((r) => [r.k, r]));
}
const perSite = (level: string): Sums =>
  sums(`SELECT policy_id || '@' || bucket AS k, sum(packets) AS packets, sum(bytes) AS bytes
        FROM sdwan_site_policy_stats_${level} GROUP BY policy_id, bucket`);
const perPolicy = (level: string): Sums =>
  sums(`SELECT policy_id || '@' || bucket AS k, packets, bytes FROM sdwan_policy_stats_${level}`);

describe("traffic per site in history", () => {
  it("sums, over the sites and no-endpoint exporters, to each policy's minute and hour rollups, across a reset and a restart", () => {
    const clock = { now: T0 };
    let s = sidecar(clock);
    const traffic = (n: number) => {
      s.datagram("10.1.0.1", [record(n, 443, n, n * 100), record(n + 1, 53, 1, 70)]);
      s.datagram("10.2.0.1", [record(n + 2, 443, 2 * n, n * 50)]);
      s.datagram("203.0.113.7", [record(n + 3, 53, 3, 300)]);
    };
    for (let n = 1; n <= 30; n++) {
      traffic(n);
      if (n === 12) s.collector.resetPolicyStats(policyIds[0]!);
      if (n === 20) {
        s.snapshot(); // the final snapshot of a stop, then a fresh sidecar restored from the database
        s = sidecar(clock);
      }
      if (n === 25) s.collector.resetStats();
      clock.now += 25_000;
      if (n % 2 === 0) s.snapshot();
    }

    for (const level of ["minute", "hour"]) {
      const policies = perPolicy(level);
      expect(Object.keys(policies).length).toBeGreaterThan(level === "minute" ? 10 : 1);
      expect(perSite(level)).toEqual(policies);
    }
    const sites = t.db.all<{ site_id: string }>("SELECT DISTINCT site_id FROM sdwan_site_policy_stats_minute");
    expect(sites.map((r) => r.site_id).sort()).toEqual(["", siteA, siteB].sort());
  });

  it("reads a site's buckets, its policies' share, and a gap where the collector recorded nothing", () => {
    const clock = { now: T0 };
    const s = sidecar(clock);
    s.datagram("10.1.0.1", [record(1, 443, 1, 1), record(2, 53, 1, 1)]);
    clock.now += 10_000;
    s.snapshot(); // the policies' first snapshot: a baseline
    s.datagram("10.1.0.1", [record(1, 443, 6, 600), record(2, 53, 2, 20)]);
    s.datagram("10.2.0.1", [record(3, 443, 9, 900)]);
    clock.now += 10_000;
    s.snapshot();

    const history = getSiteTrafficHistory(t.db, { siteId: siteA, from: T0 - 2 * MINUTE, to: T0 + 2 * MINUTE });

    expect(history.step_ms).toBe(MINUTE);
    expect(history.points.map((p) => [p.at - T0, p.bytes, p.bytes_per_second])).toEqual([
      [-2 * MINUTE, 0, null],
      [-MINUTE, 0, null],
      [0, 620, 620 / 60],
      [MINUTE, 0, null],
    ]);
    expect(history.by_policy).toEqual([
      { policy_id: policyIds[0], name: "web", packets: 6, bytes: 600 },
      { policy_id: policyIds[1], name: "dns", packets: 2, bytes: 20 },
    ]);
    const one = getSiteTrafficHistory(t.db, { siteId: siteA, from: T0, to: T0 + MINUTE, policyId: policyIds[1] });
    expect(one.points.map((p) => p.bytes)).toEqual([20]);
  });

  it("refuses an unknown site and a range that ends before it starts, naming the field", () => {
    expect(() =>
      getSiteTrafficHistory(t.db, { siteId: "00000000-0000-4000-8000-00000000ffff", from: 0, to: 1 }),
    ).toThrow(/does not exist/);
    expect(() => getSiteTrafficHistory(t.db, { siteId: "nope", from: 0, to: 1 })).toThrow(
      /siteId: site id must be a UUID/,
    );
    expect(() => getSiteTrafficHistory(t.db, { siteId: siteA, from: 5, to: 1 })).toThrow(/to: must be after from/);
  });

  it("deleting a site removes its traffic rows in the deletion and counts them; deleting a policy removes its own", () => {
    const clock = { now: T0 };
    const s = sidecar(clock);
    for (let n = 0; n < 3; n++) {
      s.datagram("10.1.0.1", [record(1, 443, 1, 100), record(2, 53, 1, 10)]);
      s.datagram("10.2.0.1", [record(3, 443, 1, 100)]);
      clock.now += 10_000;
      s.snapshot();
    }
    const rowsOf = (site: string) =>
      t.db.get<{ n: number }>(
        `SELECT (SELECT count(*) FROM sdwan_site_policy_stats_minute WHERE site_id = '${site}')
          + (SELECT count(*) FROM sdwan_site_policy_stats_hour WHERE site_id = '${site}') AS n`,
      ).n;
    expect(rowsOf(siteA)).toBe(4);

    expect(countSiteDependencies(t.db, siteA).traffic_rows).toBe(4);
    expect(deleteSite(t.db, { siteId: siteA, actor: "test" }).traffic_rows).toBe(4);
    expect(rowsOf(siteA)).toBe(0);
    expect(rowsOf(siteB)).toBe(2);

    deletePolicy(t.db, { policyId: policyIds[0]! });
    expect(rowsOf(siteB)).toBe(0);
  });

  it("prunes each level with the policy rollups' retention, a bounded step at a time", () => {
    const clock = { now: T0 - 3 * DAY + HOUR / 2 };
    const s = sidecar(clock);
    for (let n = 0; n < 3 * 24; n++) {
      s.datagram("10.1.0.1", [record(1, 443, 1, 100)]);
      s.snapshot();
      clock.now += HOUR;
    }
    const count = (level: string) =>
      t.db.get<{ n: number }>(`SELECT count(*) AS n FROM sdwan_site_policy_stats_${level}`).n;
    const retention = { raw: DAY, minute: DAY, hour: 2 * DAY };

    const first = pruneSiteTrafficStep(t.db, { now: T0, retention, limit: 10 });
    while (!pruneSiteTrafficStep(t.db, { now: T0, retention, limit: 10 }).done);

    expect(first).toEqual({ removed: 20, done: false });
    expect(
      t.db.get<{ at: number }>("SELECT min(bucket) AS at FROM sdwan_site_policy_stats_minute").at,
    ).toBeGreaterThanOrEqual(T0 - DAY);
    expect(count("minute")).toBe(24);
    expect(count("hour")).toBe(48);
  });
});
