import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPolicy } from "../../policies/policies";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { getPolicySparklines } from "./sparklines";
import { storePolicyStats } from "./snapshots";

const MINUTE = 60_000;
/** A minute boundary; "now" is 30 s into the minute after it. */
const T0 = Date.UTC(2026, 5, 1, 12, 0);

let t: TestDb;
let voice: number;
let bulk: number;

beforeEach(() => {
  t = createTestDb();
  voice = createPolicy(t.db, { name: "voice", priority: 200 }).policy_id;
  bulk = createPolicy(t.db, { name: "bulk", priority: 100 }).policy_id;
});
afterEach(() => t.destroy());

const snapshot = (at: number, stats: [id: number, packets: number][]) =>
  storePolicyStats(t.db, {
    at,
    stats: stats.map(([policy_id, packets_matched]) => ({
      policy_id,
      packets_matched,
      bytes_matched: 0,
      active_flows: 1,
    })),
  });

describe("getPolicySparklines", () => {
  it("gives each policy one packet rate per minute, from the time its rises took", () => {
    snapshot(T0 - 3 * MINUTE + 10_000, [[voice, 0]]); // a baseline, no traffic
    snapshot(T0 - 2 * MINUTE + 10_000, [[voice, 600]]); // 600 packets over 60 s
    snapshot(T0 - 2 * MINUTE + 40_000, [[voice, 1200]]); // 600 more over 30 s

    const { from, step_ms, policies } = getPolicySparklines(t.db, { now: T0 + 30_000, minutes: 4 });

    expect(step_ms).toBe(MINUTE);
    expect(from).toBe(T0 - 3 * MINUTE);
    // Buckets (from, from + 1 min], ...: the first holds the baseline, the second both rises (1,200 in 90 s).
    expect(policies.find((p) => p.policy_id === voice)?.packets_per_second).toEqual([0, 1200 / 90, null, null]);
  });

  it("reads a minute with no snapshot of any policy as a gap, and an idle policy in a recorded minute as 0", () => {
    snapshot(T0 - 2 * MINUTE + 10_000, [
      [voice, 0],
      [bulk, 0],
    ]);
    snapshot(T0 - MINUTE + 10_000, [[bulk, 6000]]);
    snapshot(T0 + 10_000, [[bulk, 12_000]]);

    const { policies } = getPolicySparklines(t.db, { now: T0 + 30_000, minutes: 4 });

    expect(policies).toEqual([
      { policy_id: voice, packets_per_second: [null, 0, 0, 0] },
      { policy_id: bulk, packets_per_second: [null, 0, 100, 100] },
    ]);
  });

  it("lists every policy, with gaps only, when nothing was recorded in the window", () => {
    const { policies } = getPolicySparklines(t.db, { now: T0, minutes: 2 });

    expect(policies).toEqual([
      { policy_id: voice, packets_per_second: [null, null] },
      { policy_id: bulk, packets_per_second: [null, null] },
    ]);
  });

  it("refuses a window outside 1 to 60 minutes, naming the field", () => {
    expect(() => getPolicySparklines(t.db, { now: T0, minutes: 61 })).toThrow(/minutes/);
    expect(() => getPolicySparklines(t.db, { now: T0, minutes: 0 })).toThrow(/minutes/);
  });
});
