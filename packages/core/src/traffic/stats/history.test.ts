import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../errors";
import { createPolicy } from "../../policies/policies";
import { createTestDb, type TestDb } from "../../testing/test-db";
import {
  chooseStep,
  exportPolicyStats,
  getTrafficHistory,
  getTrafficHistoryByPolicy,
  getTrafficHistoryWithPolicies,
} from "./history";
import { storePolicyStats } from "./snapshots";

const T0 = Date.UTC(2026, 0, 1); // a whole day, so every round step lines up with it
const S = 1000;
const MIN = 60 * S;

let t: TestDb;
let voice: number;
let web: number;

beforeEach(() => {
  t = createTestDb();
  voice = createPolicy(t.db, { name: "voice", priority: 900 }).policy_id;
  web = createPolicy(t.db, { name: 'web, "quoted"', priority: 500 }).policy_id;
});
afterEach(() => t.destroy());

/** One snapshot: [policy, packets, bytes, active flows] per changed policy. */
function snap(at: number, ...stats: [number, number, number, number][]) {
  storePolicyStats(t.db, {
    at,
    stats: stats.map(([policy_id, packets_matched, bytes_matched, active_flows]) => ({
      policy_id,
      packets_matched,
      bytes_matched,
      active_flows,
    })),
  });
}

describe("getTrafficHistory", () => {
  it("turns cumulative counters into per-second rates, summed across policies", () => {
    snap(T0, [voice, 1000, 100_000, 2], [web, 50, 5_000, 1]);
    snap(T0 + 10 * S, [voice, 1500, 150_000, 3], [web, 250, 25_000, 4]);
    snap(T0 + 20 * S, [voice, 2500, 250_000, 3]);

    const history = getTrafficHistory(t.db, { from: T0, to: T0 + MIN, maxBuckets: 6 });

    expect(history.step_ms).toBe(10 * S);
    expect(history.points.slice(0, 3)).toEqual([
      {
        at: T0,
        packets: 700,
        bytes: 70_000,
        packets_per_second: 70,
        bytes_per_second: 7_000,
        active_flows: 7,
        samples: 2,
      },
      {
        at: T0 + 10 * S,
        packets: 1000,
        bytes: 100_000,
        packets_per_second: 100,
        bytes_per_second: 10_000,
        active_flows: 3,
        samples: 1,
      },
      {
        at: T0 + 20 * S,
        packets: 0,
        bytes: 0,
        packets_per_second: null,
        bytes_per_second: null,
        active_flows: null,
        samples: 0,
      },
    ]);
  });

  it("draws a bucket the collector recorded nothing in as a gap, and a policy idle while others were recorded as zero", () => {
    snap(T0, [voice, 0, 0, 1], [web, 0, 0, 1]);
    snap(T0 + 10 * S, [voice, 100, 1000, 1]);
    // Nothing from T0 + 10 s to T0 + 40 s: the collector was down.
    snap(T0 + 40 * S, [voice, 400, 4000, 1], [web, 300, 3000, 1]);

    const web10s = getTrafficHistory(t.db, { from: T0, to: T0 + 40 * S, maxBuckets: 4, policyId: web }).points;
    const all10s = getTrafficHistory(t.db, { from: T0, to: T0 + 40 * S, maxBuckets: 4 }).points;

    expect(web10s.map((p) => p.packets_per_second)).toEqual([0, null, null, 10]);
    expect(all10s.map((p) => p.packets_per_second)).toEqual([10, null, null, 20]);
  });

  it("takes a policy's first snapshot ever as a baseline, not as traffic", () => {
    snap(T0 + 10 * S, [voice, 1000, 100_000, 2]);

    const { points } = getTrafficHistory(t.db, { from: T0, to: T0 + 20 * S, maxBuckets: 2 });

    expect(points[0]).toMatchObject({ packets: 0, bytes: 0, active_flows: 2, samples: 1 });
  });

  it("returns every bucket of the range, quiet ones as zero traffic with unknown active flows", () => {
    snap(T0, [voice, 0, 0, 1]);
    snap(T0 + 30 * S, [voice, 600, 60_000, 1]);

    const { points } = getTrafficHistory(t.db, { from: T0, to: T0 + MIN, maxBuckets: 6 });

    expect(points.map((p) => [p.at - T0, p.packets, p.active_flows, p.samples])).toEqual([
      [0, 0, null, 0],
      [10 * S, 0, null, 0],
      [20 * S, 600, 1, 1],
      [30 * S, 0, null, 0],
      [40 * S, 0, null, 0],
      [50 * S, 0, null, 0],
    ]);
  });

  it("downsamples a week of 10-second snapshots into at most the buckets asked for, losing no traffic", () => {
    const week = 7 * 24 * 60 * MIN;
    const rows: { at: number; packets: number }[] = [];
    for (let at = T0, n = 0; at < T0 + week; at += 10 * S, n += 1) rows.push({ at, packets: n * 10 });
    t.db.transaction(() => rows.forEach(({ at, packets }) => snap(at, [voice, packets, packets * 100, 1])));

    const history = getTrafficHistory(t.db, { from: T0, to: T0 + week, maxBuckets: 200 });

    expect(history.step_ms).toBe(60 * MIN);
    expect(history.points).toHaveLength(168);
    expect(history.points.reduce((sum, p) => sum + p.packets, 0)).toBe(rows.at(-1)!.packets);
    // 10 packets every 10 s: 1 packet/s in every full hour.
    expect(history.points[5]).toMatchObject({ packets_per_second: 1, bytes_per_second: 100, samples: 360 });
  });

  it("counts the first snapshot in range against the policy's last snapshot before it", () => {
    snap(T0 - 5 * MIN, [voice, 1000, 10_000, 1]);
    snap(T0 + 10 * S, [voice, 1300, 13_000, 1]);

    const { points } = getTrafficHistory(t.db, { from: T0, to: T0 + MIN, maxBuckets: 6 });

    expect(points[0]).toMatchObject({ at: T0, packets: 300, bytes: 3_000 });
  });

  it("reads a counter that went down as a reset: the new value is the traffic since, never negative", () => {
    snap(T0, [voice, 5000, 500_000, 4]);
    snap(T0 + 10 * S, [voice, 5200, 520_000, 4]);
    snap(T0 + 20 * S, [voice, 70, 7_000, 4]); // reset to 0 in between, then 70 packets
    snap(T0 + 30 * S, [voice, 170, 17_000, 4]);

    const { points } = getTrafficHistory(t.db, { from: T0, to: T0 + 40 * S, maxBuckets: 4 });

    expect(points.map((p) => p.packets)).toEqual([200, 70, 100, 0]);
    expect(points.map((p) => p.bytes)).toEqual([20_000, 7_000, 10_000, 0]);
    // The same with the reset inside one 30 s bucket.
    expect(getTrafficHistory(t.db, { from: T0, to: T0 + 40 * S, maxBuckets: 2 }).points.map((p) => p.packets)).toEqual([
      370, 0,
    ]);
  });

  it("follows one policy when asked", () => {
    snap(T0, [voice, 0, 0, 1], [web, 0, 0, 1]);
    snap(T0 + 10 * S, [voice, 10, 1000, 1], [web, 990, 99_000, 9]);

    const history = getTrafficHistory(t.db, { from: T0, to: T0 + 20 * S, maxBuckets: 2, policyId: web });

    expect(history.policy_id).toBe(web);
    expect(history.points[0]).toMatchObject({ packets: 990, active_flows: 9 });
  });

  it("measures the newest bucket only up to the newest snapshot, so it does not read low while filling", () => {
    for (let n = 0; n <= 4; n++) snap(T0 + n * 10 * S, [voice, n * 100, n * 1000, 1]);

    const { step_ms, points } = getTrafficHistory(t.db, { from: T0, to: T0 + 45 * S, maxBuckets: 2 });

    expect(step_ms).toBe(30 * S);
    // 100 packets in the 10 s from 30 s to the snapshot at 40 s; the 5 s after it are not known yet.
    expect(points[1]).toMatchObject({ at: T0 + 30 * S, packets: 100, packets_per_second: 10 });
  });

  it("returns an empty series for a range without snapshots, even when older ones exist", () => {
    snap(T0 - 10 * MIN, [voice, 10, 100, 1]);

    expect(getTrafficHistory(t.db, { from: T0, to: T0 + MIN }).points).toEqual([]);
    expect(getTrafficHistoryByPolicy(t.db, { from: T0, to: T0 + MIN }).policies).toEqual([]);
  });

  it("refuses a range that ends before it starts, a bad bucket count and an unknown policy", () => {
    expect(() => getTrafficHistory(t.db, { from: T0, to: T0 })).toThrow(
      new ValidationError("to: must be after from", "to"),
    );
    expect(() => getTrafficHistory(t.db, { from: T0, to: T0 + MIN, maxBuckets: 5000 })).toThrow(
      "maxBuckets: must be at most 1000",
    );
    expect(() => getTrafficHistory(t.db, { from: 1.5, to: T0 })).toThrow("from: from must be whole epoch milliseconds");
    expect(() => getTrafficHistory(t.db, { from: Number.NaN, to: T0 })).toThrow(ValidationError);
    expect(() => getTrafficHistory(t.db, { from: T0, to: T0 + MIN, policyId: 999 })).toThrow(
      new NotFoundError("no policy with id 999"),
    );
  });
});

describe("getTrafficHistoryByPolicy", () => {
  it("gives each policy with snapshots in range its own series, named", () => {
    snap(T0, [voice, 0, 0, 1], [web, 0, 0, 2]);
    snap(T0 + 10 * S, [web, 40, 4000, 2]);
    snap(T0 + 20 * S, [voice, 30, 3000, 2]);

    const { step_ms, policies } = getTrafficHistoryByPolicy(t.db, { from: T0, to: T0 + 20 * S, maxBuckets: 2 });

    expect(step_ms).toBe(10 * S);
    expect(policies.map((p) => [p.name, p.points.map((x) => x.packets_per_second)])).toEqual([
      ["voice", [0, 3]],
      ['web, "quoted"', [4, 0]],
    ]);
  });
});

describe("getTrafficHistoryWithPolicies", () => {
  it("lists the top policies by bytes, by id, and sums the rest so they add up to the totals", () => {
    const ids = [
      voice,
      web,
      ...["a", "b", "c"].map((name, i) => createPolicy(t.db, { name, priority: 10 + i }).policy_id),
    ];
    // Bytes over the range: voice 100, web 5,000, a 300, b 4,000, c 0 (idle, still recorded).
    snap(T0, ...ids.map((id): [number, number, number, number] => [id, 0, 0, 1]));
    snap(T0 + 10 * S, [ids[0]!, 1, 100, 2], [ids[1]!, 50, 5000, 3], [ids[2]!, 3, 300, 4], [ids[3]!, 40, 4000, 5]);
    snap(T0 + 20 * S, [ids[4]!, 0, 0, 6]);

    const range = { from: T0, to: T0 + 20 * S, maxBuckets: 2 };
    const history = getTrafficHistoryWithPolicies(t.db, { ...range, topPolicies: 2 });

    expect(history.by_policy.map((p) => p.policy_id)).toEqual([ids[1], ids[3]]);
    expect(history.other_policies?.policies).toBe(3);
    const totals = getTrafficHistory(t.db, range).points;
    const summed = history.points.map((_, i) =>
      [...history.by_policy.map((p) => p.points[i]!), history.other_policies!.points[i]!].reduce(
        (sum, p) => ({
          packets: sum.packets + p.packets,
          bytes: sum.bytes + p.bytes,
          samples: sum.samples + p.samples,
        }),
        { packets: 0, bytes: 0, samples: 0 },
      ),
    );
    expect(summed).toEqual(totals.map(({ packets, bytes, samples }) => ({ packets, bytes, samples })));
    expect(history.other_policies!.points[0]).toMatchObject({ bytes: 400, packets_per_second: 0.4, active_flows: 6 });
  });

  it("leaves other_policies null when the top holds every policy, and refuses more than 4,000 points", () => {
    snap(T0, [voice, 0, 0, 1]);
    snap(T0 + 10 * S, [voice, 1, 100, 1]);

    expect(getTrafficHistoryWithPolicies(t.db, { from: T0, to: T0 + 20 * S }).other_policies).toBeNull();
    expect(
      getTrafficHistoryWithPolicies(t.db, { from: T0, to: T0 + 20 * S, maxBuckets: 2, topPolicies: 2000 }).by_policy,
    ).toHaveLength(1);
    expect(() =>
      getTrafficHistoryWithPolicies(t.db, { from: T0, to: T0 + 20 * S, maxBuckets: 1000, topPolicies: 5 }),
    ).toThrow(
      new ValidationError(
        "topPolicies: times maxBuckets must be at most 4000 points, not 5 x 1000 = 5000: ask for fewer policies or fewer buckets (the others are summed in other_policies)",
        "topPolicies",
      ),
    );
  });
});

describe("chooseStep", () => {
  it("picks the narrowest round step whose aligned buckets fit, whole days past a day", () => {
    expect(chooseStep(T0, T0 + 60 * MIN, 60)).toBe(MIN);
    expect(chooseStep(T0 + 30 * S, T0 + 60 * MIN + 30 * S, 60)).toBe(2 * MIN); // unaligned: 61 one-minute buckets
    expect(chooseStep(T0, T0 + 24 * 60 * MIN, 288)).toBe(5 * MIN);
    expect(chooseStep(T0, T0 + 365 * 24 * 60 * MIN, 100)).toBe(4 * 24 * 60 * MIN);
  });
});

describe("exportPolicyStats", () => {
  it("yields the raw rows of the range oldest first with policy names, for one policy or all", () => {
    snap(T0 - S, [voice, 1, 1, 1]);
    snap(T0, [web, 5, 50, 1], [voice, 2, 20, 1]);
    snap(T0 + S, [voice, 3, 30, 2]);
    snap(T0 + 2 * S, [voice, 4, 40, 2]);

    expect([...exportPolicyStats(t.db, { from: T0, to: T0 + 2 * S })]).toEqual([
      { timestamp: T0, policy_id: voice, policy_name: "voice", packets_matched: 2, bytes_matched: 20, active_flows: 1 },
      {
        timestamp: T0,
        policy_id: web,
        policy_name: 'web, "quoted"',
        packets_matched: 5,
        bytes_matched: 50,
        active_flows: 1,
      },
      {
        timestamp: T0 + S,
        policy_id: voice,
        policy_name: "voice",
        packets_matched: 3,
        bytes_matched: 30,
        active_flows: 2,
      },
    ]);
    expect([...exportPolicyStats(t.db, { from: T0, to: T0 + 3 * S, policyId: web })].map((r) => r.policy_name)).toEqual(
      ['web, "quoted"'],
    );
  });

  it("leaves the caller's connection free to write while a slow reader holds the iterator", () => {
    snap(T0, [voice, 1, 1, 1]);
    snap(T0 + S, [voice, 2, 2, 1]);
    const rows = exportPolicyStats(t.db, { from: T0, to: T0 + MIN });
    expect(rows.next().value).toMatchObject({ packets_matched: 1 });

    snap(T0 + 2 * S, [voice, 3, 3, 1]); // better-sqlite3 refuses this while one of its statements iterates

    expect([...rows].map((r) => r.packets_matched)).toEqual([2]); // the reader's snapshot predates the write
  });

  it("refuses bad input before the first row, not halfway through a download", () => {
    expect(() => exportPolicyStats(t.db, { from: T0, to: T0 - 1 })).toThrow("to: must be after from");
    expect(() => exportPolicyStats(t.db, { from: T0, to: T0 + 1, policyId: 0 })).toThrow(
      "policyId: policy id must be positive",
    );
    expect(() => exportPolicyStats(t.db, { from: T0, to: T0 + 1, policyId: 42 })).toThrow(NotFoundError);
  });
});
