import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPolicy } from "../../policies/policies";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { chooseStep, getTrafficHistory, levelFor } from "./history";
import { TOTALS_LEVELS } from "./rollups";
import { storePolicyStats } from "./snapshots";

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;
const POLICIES = 3;

let t: TestDb;
let ids: number[];

beforeEach(() => {
  t = createTestDb();
  ids = Array.from({ length: POLICIES }, (_, i) => createPolicy(t.db, { name: `p${i}`, priority: 100 + i }).policy_id);
});
afterEach(() => t.destroy());

interface Row {
  at: number;
  policy: number;
  packets: number;
  bytes: number;
}

/**
 * What happens between two snapshots of the collector: after `gapTicks` intervals (more than one when
 * the collector was down), each policy either saw traffic, was idle, or had its counters reset first.
 */
const interval = fc.record({
  gapTicks: fc.oneof(
    { weight: 6, arbitrary: fc.constant(1) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 40 }) },
  ),
  jitterMs: fc.integer({ min: 0, max: 999 }),
  policies: fc.array(
    fc.record({
      packets: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
      bytesPerPacket: fc.integer({ min: 40, max: 1500 }),
      reset: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
    { minLength: POLICIES, maxLength: POLICIES },
  ),
});

/**
 * Plays the collector: every snapshot writes the policies whose counters changed since the last one,
 * as it does. Returns the rows and each policy's highest true rate over any snapshot interval.
 */
type Interval = typeof interval extends fc.Arbitrary<infer T> ? T : never;

function simulate(intervals: Interval[]): { rows: Row[]; peakRate: number[] } {
  const rows: Row[] = [];
  const counters = ids.map(() => ({ packets: 0, bytes: 0 }));
  const peakRate = ids.map(() => 0);
  let at = T0;
  for (const step of intervals) {
    const next = at + step.gapTicks * 10 * S + step.jitterMs;
    step.policies.forEach((change, i) => {
      const counter = counters[i]!;
      const before = { ...counter };
      if (change.reset) Object.assign(counter, { packets: 0, bytes: 0 });
      counter.packets += change.packets;
      counter.bytes += change.packets * change.bytesPerPacket;
      peakRate[i] = Math.max(peakRate[i]!, change.packets / ((next - at) / S));
      if (counter.packets !== before.packets || counter.bytes !== before.bytes)
        rows.push({ at: next, policy: ids[i]!, ...counter });
    });
    at = next;
  }
  return { rows, peakRate };
}

/**
 * The history's documented rules, read row by row from the whole table with no SQL: a bucket (at,
 * at + step] holds a policy's snapshots in it; its traffic is the last one less the policy's snapshot
 * before the bucket, or row by row when that went down (a reset); a policy's first row is a baseline;
 * each policy's rise took from its snapshot before the bucket (or the collector's last snapshot of
 * any policy before its first one in the bucket, if later) to its last one in the bucket; the totals'
 * rise took from the earliest policy's start to the latest's end. A bucket in which no policy has a
 * snapshot has no rate: a gap.
 */
function reference(
  rows: Row[],
  { from, to, step, rowByRow = false }: { from: number; to: number; step: number; rowByRow?: boolean },
) {
  const ticks = [...new Set(rows.map((r) => r.at))].sort((a, b) => a - b);
  const points: { at: number; packets: number; packets_per_second: number | null }[] = [];
  for (let at = from - (from % step); at < to; at += step) {
    const lo = Math.max(at, from);
    const hi = Math.min(at + step, to);
    let packets = 0;
    let began = Infinity;
    let ended = -Infinity;
    for (const policy of ids) {
      const mine = rows.filter((r) => r.policy === policy);
      const inside = mine.filter((r) => r.at > lo && r.at <= hi);
      if (inside.length === 0) continue;
      const before = mine.filter((r) => r.at <= lo).at(-1);
      const last = inside.at(-1)!;
      let rise: number;
      if (rowByRow || before === undefined || last.packets < before.packets || last.bytes < before.bytes) {
        rise = 0;
        let previous = before;
        for (const r of inside) {
          if (previous)
            rise += r.packets < previous.packets || r.bytes < previous.bytes ? r.packets : r.packets - previous.packets;
          previous = r;
        }
      } else {
        rise = last.packets - before.packets;
      }
      const tickBefore = ticks.filter((x) => x < inside[0]!.at).at(-1) ?? -Infinity;
      began = Math.min(began, Math.max(before?.at ?? inside[0]!.at, tickBefore));
      ended = Math.max(ended, last.at);
      packets += rise;
    }
    const recorded = rows.some((r) => r.at > lo && r.at <= hi);
    const rate = ended > began ? packets / ((ended - began) / S) : 0;
    points.push({ at, packets, packets_per_second: recorded ? rate : null });
  }
  return points;
}

describe("getTrafficHistory over random snapshot series", () => {
  it("agrees with a row-by-row reference and never shows a rate above the policies' true peaks", () => {
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 1, maxLength: 60 }),
        fc.double({ min: -0.2, max: 1.2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: -2, max: 2 }),
        (intervals, fromAt, widthAt, maxBuckets, nudgeMs) => {
          const { rows, peakRate } = simulate(intervals);
          t.db.run("DELETE FROM sdwan_policy_stats");
          for (const level of Object.values(TOTALS_LEVELS)) t.db.run(`DELETE FROM ${level.totalsName}`);
          t.db.transaction(() => {
            for (const r of rows)
              storePolicyStats(t.db, {
                at: r.at,
                stats: [{ policy_id: r.policy, packets_matched: r.packets, bytes_matched: r.bytes, active_flows: 1 }],
              });
          });
          const end = rows.at(-1)?.at ?? T0 + 10 * S;
          // Windows cut anywhere, and often just before or after a snapshot.
          const pick = Math.min(rows.length - 1, Math.max(0, Math.floor(fromAt * rows.length)));
          const snapped = rows.length > 0 ? rows[pick]!.at + nudgeMs : 0;
          const from = Math.max(0, Math.round(nudgeMs !== 0 && rows.length > 0 ? snapped : T0 + fromAt * (end - T0)));
          // A window that starts after the series (fromAt past 1) still ends after it starts.
          const to = from + 1 + Math.round(widthAt * Math.max(0, end + 20 * S - from));

          const history = getTrafficHistory(t.db, { from, to, maxBuckets });

          const step = chooseStep(from, to, maxBuckets);
          // Steps of whole 10 s buckets read the 10 s totals, whose buckets the range's ends round out to.
          const width =
            step % TOTALS_LEVELS.tenSeconds.widthMs === 0 && levelFor(from, to, step) === undefined ? 10 * S : 1;
          const [lo, hi] = [from - (from % width), Math.ceil(to / width) * width];
          // The totals count each snapshot's rise as written, so they also see a reset the raw read's
          // bucket ends hide (one followed in its bucket by more than the counter held before it).
          const expected = reference(rows, { from: lo, to: hi, step, rowByRow: width > 1 }).filter((p) => p.at < to);
          if (rows.every((r) => r.at <= lo || r.at > hi)) {
            expect(history.points).toEqual([]);
            return;
          }
          expect(history.points.map((p) => p.at)).toEqual(expected.map((p) => p.at));
          history.points.forEach((point, i) => {
            expect(point.packets).toBe(expected[i]!.packets);
            const want = expected[i]!.packets_per_second;
            if (want === null) expect(point.packets_per_second).toBeNull();
            else expect(point.packets_per_second).toBeCloseTo(want, 6);
            expect(point.packets_per_second ?? 0).toBeLessThanOrEqual(peakRate.reduce((a, b) => a + b, 0) * (1 + 1e-9));
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("getTrafficHistory at a window's edges", () => {
  /** 100 packets/s for one policy, a snapshot every 10 s for ten minutes. */
  function steadyTraffic() {
    for (let n = 0; n <= 60; n++) {
      storePolicyStats(t.db, {
        at: T0 + n * 10 * S,
        stats: [{ policy_id: ids[0]!, packets_matched: n * 1000, bytes_matched: n * 100_000, active_flows: 3 }],
      });
    }
  }

  it("does not spike when a rolling window starts just before a snapshot", () => {
    steadyTraffic();
    // The first 30 s bucket is cut to the last millisecond before the snapshot at 5 min.
    const from = T0 + 5 * 60 * S - 1;

    const { step_ms, points } = getTrafficHistory(t.db, { from, to: from + 5 * 60 * S, maxBuckets: 11 });

    expect(step_ms).toBe(30 * S);
    expect(points[0]).toMatchObject({ packets: 1000, packets_per_second: 100 });
    expect(Math.max(...points.map((p) => p.packets_per_second ?? 0))).toBe(100);
  });

  it("does not spike when the newest snapshot lands just after a bucket began", () => {
    steadyTraffic();
    // Then the policy goes quiet: 2 packets in the 10.02 s to a snapshot 20 ms into a 10 s bucket.
    storePolicyStats(t.db, {
      at: T0 + 610 * S + 20,
      stats: [{ policy_id: ids[0]!, packets_matched: 60_002, bytes_matched: 6_000_200, active_flows: 3 }],
    });

    const { step_ms, points } = getTrafficHistory(t.db, {
      from: T0 + 5 * 60 * S,
      to: T0 + 11 * 60 * S,
      maxBuckets: 40,
    });

    expect(step_ms).toBe(10 * S);
    expect(points.find((p) => p.at === T0 + 610 * S)!.packets_per_second).toBeCloseTo(2 / 10.02, 9);
  });
});
