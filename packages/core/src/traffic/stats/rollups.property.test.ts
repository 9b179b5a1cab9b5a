import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPolicy } from "../../policies/policies";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { chooseStep, getTrafficHistory, levelFor } from "./history";
import { ROLLUP_LEVELS, type RollupLevel } from "./rollups";
import { storePolicyStats, type PolicyCounters } from "./snapshots";

const T0 = Date.UTC(2026, 0, 1) + 7 * 60_000 + 123;
const S = 1000;
const POLICIES = 3;

let t: TestDb;
let ids: number[];

beforeEach(() => {
  t = createTestDb();
  ids = Array.from({ length: POLICIES }, (_, i) => createPolicy(t.db, { name: `p${i}`, priority: 100 + i }).policy_id);
});
afterEach(() => t.destroy());

/**
 * Between two snapshots: a short or long gap (the collector down for up to two hours), a restart that
 * lost the counters (every policy starts again from zero), and per policy traffic, idleness or a reset.
 */
const interval = fc.record({
  gapMs: fc.oneof(
    { weight: 8, arbitrary: fc.constant(10 * S) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 600 * S }) },
    { weight: 1, arbitrary: fc.integer({ min: 600 * S, max: 7200 * S }) },
  ),
  restart: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
  policies: fc.array(
    fc.record({
      packets: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
      bytesPerPacket: fc.integer({ min: 40, max: 1500 }),
      reset: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      flows: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: POLICIES, maxLength: POLICIES },
  ),
});

/** Plays the collector: each snapshot writes, in one call, the policies whose counters changed. */
function play(intervals: (typeof interval extends fc.Arbitrary<infer T> ? T : never)[]): void {
  const counters = ids.map(() => ({ packets: 0, bytes: 0 }));
  let at = T0;
  for (const step of intervals) {
    at += step.gapMs;
    const changed: PolicyCounters[] = [];
    step.policies.forEach((change, i) => {
      const counter = counters[i]!;
      const before = { ...counter };
      if (step.restart || change.reset) Object.assign(counter, { packets: 0, bytes: 0 });
      counter.packets += change.packets;
      counter.bytes += change.packets * change.bytesPerPacket;
      if (counter.packets !== before.packets || counter.bytes !== before.bytes)
        changed.push({
          policy_id: ids[i]!,
          packets_matched: counter.packets,
          bytes_matched: counter.bytes,
          active_flows: change.flows,
        });
    });
    storePolicyStats(t.db, { at, stats: changed });
  }
}

interface RawRow {
  policy_id: number;
  timestamp: number;
  packets_matched: number;
  bytes_matched: number;
  active_flows: number;
}

/**
 * What the raw rows say of each bucket (snapshots in (bucket, bucket + width]), computed in plain code
 * from the whole table: each row's rise over the policy's row before it (all of it after a counter went
 * down; none for a policy's first row), the rise beginning at the row before the bucket's first one or
 * the collector's last snapshot of any policy before that first one, if later.
 */
function reference(rows: RawRow[], widthMs: number) {
  const ticks = [...new Set(rows.map((r) => r.timestamp))].sort((a, b) => a - b);
  const buckets = new Map<string, Record<string, number>>();
  for (const policy of ids) {
    let before: RawRow | undefined;
    for (const row of rows.filter((r) => r.policy_id === policy)) {
      const bucket = Math.floor((row.timestamp - 1) / widthMs) * widthMs;
      const reset =
        before && (row.packets_matched < before.packets_matched || row.bytes_matched < before.bytes_matched);
      const packets = !before ? 0 : reset ? row.packets_matched : row.packets_matched - before.packets_matched;
      const bytes = !before ? 0 : reset ? row.bytes_matched : row.bytes_matched - before.bytes_matched;
      const key = `${policy}/${bucket}`;
      let cell = buckets.get(key);
      if (!cell) {
        const tick = ticks.filter((x) => x < row.timestamp).at(-1) ?? -Infinity;
        const began = before ? Math.max(before.timestamp, tick) : row.timestamp;
        cell = { policy_id: policy, bucket, packets: 0, bytes: 0, samples: 0, began_at: began };
        buckets.set(key, cell);
      }
      cell.packets! += packets;
      cell.bytes! += bytes;
      cell.samples! += 1;
      cell.last_at = row.timestamp;
      cell.active_flows = row.active_flows;
      before = row;
    }
  }
  return [...buckets.values()].sort((a, b) => a.policy_id! - b.policy_id! || a.bucket! - b.bucket!);
}

describe("rollups over random snapshot series with gaps, restarts and resets", () => {
  it("hold, for every bucket of both levels, exactly what the raw rows say of it", () => {
    fc.assert(
      fc.property(fc.array(interval, { minLength: 1, maxLength: 80 }), (intervals) => {
        for (const table of ["sdwan_policy_stats", ...Object.values(ROLLUP_LEVELS).map((l) => l.name)])
          t.db.run(`DELETE FROM ${table}`);
        play(intervals);
        const raw = t.db.all<RawRow>(
          "SELECT policy_id, timestamp, packets_matched, bytes_matched, active_flows FROM sdwan_policy_stats ORDER BY timestamp, stat_id",
        );
        for (const level of Object.keys(ROLLUP_LEVELS) as RollupLevel[]) {
          const { name, widthMs } = ROLLUP_LEVELS[level];
          const rolled = t.db.all(
            `SELECT policy_id, bucket, packets, bytes, samples, began_at, last_at, active_flows FROM ${name} ORDER BY policy_id, bucket`,
          );
          expect(rolled).toEqual(reference(raw, widthMs));
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe("getTrafficHistory over long ranges", () => {
  it("reads the minute or hour level and sums its buckets to what the raw rows say of each history bucket", () => {
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 1, maxLength: 80 }),
        fc.constantFrom(3 * 3600 * S, 26 * 3600 * S, 4 * 86_400 * S, 40 * 86_400 * S),
        fc.integer({ min: 0, max: 3 * 3600 * S }),
        fc.integer({ min: 10, max: 300 }),
        (intervals, span, offset, maxBuckets) => {
          for (const table of ["sdwan_policy_stats", ...Object.values(ROLLUP_LEVELS).map((l) => l.name)])
            t.db.run(`DELETE FROM ${table}`);
          play(intervals);
          const from = T0 + offset - span / 2;
          const to = from + span;
          const step = chooseStep(from, to, maxBuckets);
          const level = levelFor(from, to, step);
          expect(level).toBeDefined();
          const { widthMs } = ROLLUP_LEVELS[level!];
          const raw = t.db.all<RawRow>(
            "SELECT policy_id, timestamp, packets_matched, bytes_matched, active_flows FROM sdwan_policy_stats ORDER BY timestamp, stat_id",
          );
          // The range's ends round out to the level's buckets.
          const lo = from - (from % widthMs);
          const cells = reference(raw, widthMs).filter((c) => c.bucket! >= lo && c.bucket! < to);
          const expected = new Map<number, { packets: number; rate: number; flows: number; samples: number }>();
          for (const policy of ids) {
            const byAt = new Map<number, Record<string, number>[]>();
            for (const c of cells.filter((c) => c.policy_id === policy)) {
              const at = c.bucket! - (c.bucket! % step);
              byAt.set(at, [...(byAt.get(at) ?? []), c]);
            }
            for (const [at, group] of byAt) {
              const packets = group.reduce((sum, c) => sum + c.packets!, 0);
              const span = group.at(-1)!.last_at! - group[0]!.began_at!;
              const point = expected.get(at) ?? { packets: 0, rate: 0, flows: 0, samples: 0 };
              point.packets += packets;
              point.rate += span > 0 ? packets / (span / S) : 0;
              point.flows += group.at(-1)!.active_flows!;
              point.samples += group.reduce((sum, c) => sum + c.samples!, 0);
              expected.set(at, point);
            }
          }

          const history = getTrafficHistory(t.db, { from, to, maxBuckets });

          expect(history.step_ms).toBe(step);
          if (expected.size === 0) {
            expect(history.points).toEqual([]);
            return;
          }
          for (const point of history.points) {
            const want = expected.get(point.at);
            expect(point.packets).toBe(want?.packets ?? 0);
            expect(point.samples).toBe(want?.samples ?? 0);
            expect(point.active_flows).toBe(want ? want.flows : null);
            if (want === undefined) expect(point.packets_per_second).toBeNull();
            else expect(point.packets_per_second).toBeCloseTo(want.rate, 6);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
