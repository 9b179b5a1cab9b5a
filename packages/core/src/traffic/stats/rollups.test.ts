import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policyStats } from "../../db/schema";
import { createPolicy } from "../../policies/policies";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { getTrafficHistory } from "./history";
import { pruneStatsStep, ROLLUP_LEVELS } from "./rollups";
import { storePolicyStats } from "./snapshots";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 1);

let t: TestDb;
let policyId: number;

beforeEach(() => {
  t = createTestDb();
  policyId = createPolicy(t.db, { name: "voice", priority: 100 }).policy_id;
});
afterEach(() => t.destroy());

/** One snapshot an hour, half past, for `days` days before NOW, counters rising by 10 each. */
function hourlySnapshots(days: number) {
  for (let n = days * 24; n >= 1; n--) {
    storePolicyStats(t.db, {
      at: NOW - n * HOUR + HOUR / 2,
      stats: [{ policy_id: policyId, packets_matched: (days * 24 - n) * 10, bytes_matched: 0, active_flows: 1 }],
    });
  }
}

const count = (table: string) => t.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;

describe("pruneStatsStep", () => {
  it("keeps each level for its own retention", () => {
    hourlySnapshots(10);
    const retention = { raw: 1 * DAY, minute: 3 * DAY, hour: 7 * DAY };

    const { done } = pruneStatsStep(t.db, { now: NOW, retention, limit: 10_000 });

    expect(done).toBe(true);
    expect(count("sdwan_policy_stats")).toBe(24);
    expect(count(ROLLUP_LEVELS.minute.name)).toBe(3 * 24);
    expect(count(ROLLUP_LEVELS.hour.name)).toBe(7 * 24);
    expect(count(ROLLUP_LEVELS.minute.totalsName)).toBe(3 * 24);
    expect(count(ROLLUP_LEVELS.hour.totalsName)).toBe(7 * 24);
  });

  it("removes at most `limit` rows of a level per step, oldest first, and says when it is done", () => {
    hourlySnapshots(2);
    const retention = { raw: 1 * DAY, minute: 2 * DAY, hour: 2 * DAY };

    const first = pruneStatsStep(t.db, { now: NOW, retention, limit: 10 });
    const oldest = t.db.get<{ at: number }>("SELECT min(timestamp) AS at FROM sdwan_policy_stats").at;
    const second = pruneStatsStep(t.db, { now: NOW, retention, limit: 10 });
    const third = pruneStatsStep(t.db, { now: NOW, retention, limit: 10 });

    expect(first).toEqual({ removed: { raw: 10, minute: 0, hour: 0, totals: 10 }, done: false });
    expect(oldest).toBe(NOW - 38 * HOUR + HOUR / 2);
    expect(second).toEqual({ removed: { raw: 10, minute: 0, hour: 0, totals: 10 }, done: false });
    expect(third).toEqual({ removed: { raw: 4, minute: 0, hour: 0, totals: 4 }, done: true });
    expect(count("sdwan_policy_stats")).toBe(24);
  });
});

describe("history over rows written before the rollups", () => {
  it("reads the raw rows when a level does not reach back to the range's start, so an upgrade loses no history", () => {
    // Four days of hourly snapshots as a database from before the rollups holds them: raw rows only.
    for (let n = 4 * 24; n >= 2; n--) {
      t.db
        .insert(policyStats)
        .values({
          policy_id: policyId,
          timestamp: NOW - n * HOUR,
          packets_matched: (96 - n) * 10,
          bytes_matched: 0,
          active_flows: 1,
        })
        .run();
    }
    // Then the upgraded collector's first snapshot, which starts the rollups.
    storePolicyStats(t.db, {
      at: NOW - HOUR,
      stats: [{ policy_id: policyId, packets_matched: 95 * 10, bytes_matched: 0, active_flows: 1 }],
    });

    const { points } = getTrafficHistory(t.db, { from: NOW - 4 * DAY, to: NOW, maxBuckets: 96 });

    // 95 rises of 10 packets between the 96 snapshots.
    expect(points.reduce((sum, p) => sum + p.packets, 0)).toBe(950);
  });
});
