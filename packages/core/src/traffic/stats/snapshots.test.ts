import type Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPolicy, deletePolicy } from "../../policies/policies";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { writeSnapshot } from "../engine/persistence";
import {
  getLatestPolicyStats,
  getLatestStatsOfAllPolicies,
  LATEST_STATS_SQL,
  pruneStatsBefore,
  storePolicyStats,
} from "./snapshots";
import { flowKey } from "../match/flow-key";
import { TrafficStatsCollector } from "../engine/traffic-stats-collector";

const T0 = 1_700_000_000_000;

let t: TestDb;
let ids: number[];

beforeEach(() => {
  t = createTestDb();
  ids = ["voice", "video", "bulk"].map((name, i) => createPolicy(t.db, { name, priority: 100 - i }).policy_id);
});
afterEach(() => t.destroy());

const counters = (policy_id: number, n: number) => ({
  policy_id,
  packets_matched: n,
  bytes_matched: n * 100,
  active_flows: n % 7,
});

describe("storePolicyStats", () => {
  it("writes one row per policy, all with the snapshot's time, and the latest row wins", () => {
    expect(storePolicyStats(t.db, { at: T0, stats: ids.map((id) => counters(id, 1)) })).toBe(3);
    expect(storePolicyStats(t.db, { at: T0 + 10_000, stats: ids.map((id) => counters(id, 5)) })).toBe(3);
    expect(getLatestPolicyStats(t.db, { policyId: ids[1]! })).toMatchObject({
      timestamp: T0 + 10_000,
      ...counters(ids[1]!, 5),
    });
    expect(getLatestStatsOfAllPolicies(t.db).map((r) => r.timestamp)).toEqual([T0 + 10_000, T0 + 10_000, T0 + 10_000]);
  });

  it("drops the counters of a policy deleted since they were taken, and writes the rest", () => {
    deletePolicy(t.db, { policyId: ids[0]! });
    expect(storePolicyStats(t.db, { at: T0, stats: ids.map((id) => counters(id, 2)) })).toBe(2);
    expect(
      getLatestStatsOfAllPolicies(t.db)
        .map((r) => r.policy_id)
        .sort(),
    ).toEqual([ids[1], ids[2]].sort());
  });

  it("writes nothing for an empty snapshot, and prunes rows older than a cut-off", () => {
    expect(storePolicyStats(t.db, { at: T0, stats: [] })).toBe(0);
    storePolicyStats(t.db, { at: T0, stats: ids.map((id) => counters(id, 1)) });
    storePolicyStats(t.db, { at: T0 + 1000, stats: ids.map((id) => counters(id, 2)) });
    expect(pruneStatsBefore(t.db, { before: T0 + 1000 })).toBe(3);
    expect(getLatestPolicyStats(t.db, { policyId: ids[2]! })?.timestamp).toBe(T0 + 1000);
  });
});

describe("getLatestStatsOfAllPolicies", () => {
  it("reads each policy's latest row with index lookups, never a scan of the snapshots", () => {
    for (let i = 0; i < 50; i++)
      storePolicyStats(t.db, { at: T0 + i * 10_000, stats: ids.map((id) => counters(id, i)) });
    const driver = (t.db as typeof t.db & { $client: Sqlite.Database }).$client;
    const plan = (driver.prepare(`EXPLAIN QUERY PLAN ${LATEST_STATS_SQL}`).all() as { detail: string }[]).map(
      (r) => r.detail,
    );
    const onSnapshots = plan.filter((step) => step.includes("sdwan_policy_stats"));
    expect(onSnapshots.length).toBeGreaterThan(0);
    expect(onSnapshots.filter((step) => !step.startsWith("SEARCH"))).toEqual([]);
    expect(getLatestStatsOfAllPolicies(t.db).map((r) => [r.policy_id, r.packets_matched])).toEqual(
      ids.map((id) => [id, 49]),
    );
  });
});

describe("writeSnapshot", () => {
  it("writes only the policies whose counters changed since the last snapshot", () => {
    const collector = new TrafficStatsCollector({ now: () => T0 });
    const f = flowKey({ src: "10.0.0.1", dst: "10.0.1.1", srcPort: 5000, dstPort: 443, protocol: 6 });
    for (const id of ids) collector.recordFlow(id, f, 1, 100, T0);
    const first = writeSnapshot(t.db, collector, { at: T0, cursor: 0 });
    expect(first.rows).toBe(3);
    collector.recordFlow(ids[2]!, f, 4, 400, T0 + 1);
    const second = writeSnapshot(t.db, collector, { at: T0 + 10_000, cursor: first.cursor });
    expect(second.rows).toBe(1);
    expect(getLatestPolicyStats(t.db, { policyId: ids[2]! })).toMatchObject({
      timestamp: T0 + 10_000,
      packets_matched: 5,
      bytes_matched: 500,
    });
    expect(writeSnapshot(t.db, collector, { at: T0 + 20_000, cursor: second.cursor }).rows).toBe(0);
  });
});
