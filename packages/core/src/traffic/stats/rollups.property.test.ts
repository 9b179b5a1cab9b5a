import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPolicy, deletePolicy } from "../../policies/policies";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { chooseStep, getTrafficHistory, getTrafficHistoryByPolicy, levelFor } from "./history";
import { ROLLUP_LEVELS, TOTALS_LEVELS, type RollupLevel, type TotalsLevel } from "./rollups";
import { storePolicyStats, type PolicyCounters } from "./snapshots";

const T0 = Date.UTC(2026, 0, 1) + 7 * 60_000 + 123;
const S = 1000;
const POLICIES = 3;

let t: TestDb;
let ids: number[];
/** Raw rows of the policies a run deleted, as they were: the rollups were written while they existed. */
let deletedRows: RawRow[];
let created = 0;

beforeEach(() => {
  t = createTestDb();
  ids = Array.from({ length: POLICIES }, (_, i) => createPolicy(t.db, { name: `p${i}`, priority: 100 + i }).policy_id);
  deletedRows = [];
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
  /** A policy deleted before the snapshot, and a new one taking its place. */
  replace: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, fc.integer({ min: 0, max: POLICIES - 1 })),
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
    if (step.replace !== undefined) {
      const gone = ids[step.replace]!;
      deletedRows.push(...rawRows().flatMap((r) => (r.policy_id === gone ? [{ ...r, gone_at: at }] : [])));
      deletePolicy(t.db, { policyId: gone });
      ids[step.replace] = createPolicy(t.db, { name: `n${created++}`, priority: 100 + step.replace }).policy_id;
      counters[step.replace] = { packets: 0, bytes: 0 };
    }
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

/** An empty history and fresh policies: a run that failed midway may have replaced some. */
function reset(): void {
  for (const table of [
    "sdwan_policy_stats",
    ...Object.values(ROLLUP_LEVELS).map((l) => l.name),
    ...Object.values(TOTALS_LEVELS).map((l) => l.totalsName),
  ])
    t.db.run(`DELETE FROM ${table}`);
  t.db.run("DELETE FROM sdwan_policies");
  ids = ids.map((_, i) => createPolicy(t.db, { name: `n${created++}`, priority: 100 + i }).policy_id);
  deletedRows = [];
}

const rawRows = () =>
  t.db.all<RawRow>(
    "SELECT policy_id, timestamp, packets_matched, bytes_matched, active_flows FROM sdwan_policy_stats ORDER BY timestamp, stat_id",
  );

interface RawRow {
  /** For a deleted policy's row: the first snapshot written after it was gone. */
  gone_at?: number;
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
function reference(rows: RawRow[], widthMs: number, written: RawRow[] = rows) {
  // The collector's snapshots a row was written after: those whose rows were still there.
  const tickBefore = (at: number) =>
    Math.max(...written.filter((r) => r.timestamp < at && (r.gone_at ?? Infinity) > at).map((r) => r.timestamp));
  const buckets = new Map<string, Record<string, number>>();
  for (const policy of [...new Set(rows.map((r) => r.policy_id))]) {
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
        const tick = tickBefore(row.timestamp);
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
        reset();
        play(intervals);
        const raw = rawRows();
        for (const level of Object.keys(ROLLUP_LEVELS) as RollupLevel[]) {
          const { name, widthMs } = ROLLUP_LEVELS[level];
          const rolled = t.db.all(
            `SELECT policy_id, bucket, packets, bytes, samples, began_at, last_at, active_flows FROM ${name} ORDER BY policy_id, bucket`,
          );
          expect(rolled).toEqual(reference(raw, widthMs, [...raw, ...deletedRows]));
        }
      }),
      { numRuns: 120 },
    );
  });
});

/**
 * Each bucket's totals: the counts of the policies' rows that remain, the span of every row recorded.
 * A bucket only deleted policies wrote to stays, empty.
 */
function totalsReference(raw: RawRow[], widthMs: number) {
  const written = [...raw, ...deletedRows];
  const totals = new Map<number, Record<string, number>>();
  for (const cell of reference(written, widthMs)) {
    const sum = totals.get(cell.bucket!) ?? {
      bucket: cell.bucket!,
      packets: 0,
      bytes: 0,
      samples: 0,
      active_flows: 0,
      began_at: cell.began_at!,
      last_at: cell.last_at!,
    };
    sum.began_at = Math.min(sum.began_at!, cell.began_at!);
    sum.last_at = Math.max(sum.last_at!, cell.last_at!);
    totals.set(cell.bucket!, sum);
  }
  for (const cell of reference(raw, widthMs, written)) {
    const sum = totals.get(cell.bucket!)!;
    for (const key of ["packets", "bytes", "samples", "active_flows"]) sum[key]! += cell[key]!;
  }
  return [...totals.values()].sort((a, b) => a.bucket! - b.bucket!);
}

describe("totals over random snapshot series with gaps, restarts, resets and policies replaced", () => {
  it("hold, for every bucket of both levels, the policies' rows summed and what the raw rows say", () => {
    fc.assert(
      fc.property(fc.array(interval, { minLength: 1, maxLength: 80 }), (intervals) => {
        reset();
        play(intervals);
        const raw = rawRows();
        for (const level of Object.keys(TOTALS_LEVELS) as TotalsLevel[]) {
          const { totalsName, widthMs } = TOTALS_LEVELS[level];
          const totals = t.db.all<Record<string, number>>(
            `SELECT bucket, packets, bytes, samples, began_at, last_at, active_flows FROM ${totalsName} ORDER BY bucket`,
          );
          expect(totals).toEqual(totalsReference(raw, widthMs));
          if (level === "tenSeconds") continue; // no per-policy rows beside it
          const summed = t.db.all<Record<string, number>>(
            `SELECT bucket, sum(packets) AS packets, sum(bytes) AS bytes, sum(samples) AS samples,
               sum(active_flows) AS active_flows FROM ${ROLLUP_LEVELS[level].name} GROUP BY bucket ORDER BY bucket`,
          );
          expect(
            totals.filter((r) => r.samples! > 0).map(({ began_at: _b, last_at: _l, ...counts }) => counts),
          ).toEqual(summed);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe("getTrafficHistory over long ranges", () => {
  it("reads the 10 s, minute or hour totals and sums them to what the raw rows say of each history bucket", () => {
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 1, maxLength: 80 }),
        fc.constantFrom(3600 * S, 3 * 3600 * S, 26 * 3600 * S, 4 * 86_400 * S, 40 * 86_400 * S),
        fc.integer({ min: 0, max: 3 * 3600 * S }),
        fc.integer({ min: 10, max: 300 }),
        (intervals, span, offset, maxBuckets) => {
          reset();
          play(intervals);
          const from = T0 + offset - span / 2;
          const to = from + span;
          const step = chooseStep(from, to, maxBuckets);
          fc.pre(step % 10_000 === 0); // else the raw rows are read, policy by policy
          const { widthMs } = TOTALS_LEVELS[levelFor(from, to, step) ?? "tenSeconds"];
          // The range's ends round out to the level's buckets.
          const lo = from - (from % widthMs);
          const inRange = (c: Record<string, number>) => c.bucket! >= lo && c.bucket! < to;
          const expected = new Map<number, Record<string, number>[]>();
          for (const c of totalsReference(rawRows(), widthMs).filter(inRange)) {
            const at = c.bucket! - (c.bucket! % step);
            expected.set(at, [...(expected.get(at) ?? []), c]);
          }
          for (const [at, group] of expected) if (group.every((c) => c.samples === 0)) expected.delete(at);

          const history = getTrafficHistory(t.db, { from, to, maxBuckets });

          expect(history.step_ms).toBe(step);
          if (expected.size === 0) {
            expect(history.points).toEqual([]);
            return;
          }
          for (const point of history.points) {
            const group = expected.get(point.at);
            const packets = group?.reduce((sum, c) => sum + c.packets!, 0) ?? 0;
            expect(point.packets).toBe(packets);
            expect(point.samples).toBe(group?.reduce((sum, c) => sum + c.samples!, 0) ?? 0);
            expect(point.active_flows).toBe(group ? group.filter((c) => c.samples! > 0).at(-1)!.active_flows : null);
            if (group === undefined) expect(point.packets_per_second).toBeNull();
            else {
              const took = Math.max(...group.map((c) => c.last_at!)) - Math.min(...group.map((c) => c.began_at!));
              expect(point.packets_per_second).toBeCloseTo(took > 0 ? packets / (took / S) : 0, 6);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives each policy's series from the minute or hour level, its rise over the time that rise took", () => {
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 1, maxLength: 80 }),
        fc.constantFrom(3 * 3600 * S, 26 * 3600 * S, 4 * 86_400 * S, 40 * 86_400 * S),
        fc.integer({ min: 0, max: 3 * 3600 * S }),
        fc.integer({ min: 10, max: 300 }),
        (intervals, span, offset, maxBuckets) => {
          reset();
          play(intervals);
          const from = T0 + offset - span / 2;
          const to = from + span;
          const step = chooseStep(from, to, maxBuckets);
          const { widthMs } = ROLLUP_LEVELS[levelFor(from, to, step)!];
          const lo = from - (from % widthMs);
          const raw = rawRows();
          const cells = reference(raw, widthMs, [...raw, ...deletedRows]).filter(
            (c) => c.bucket! >= lo && c.bucket! < to,
          );

          const { policies } = getTrafficHistoryByPolicy(t.db, { from, to, maxBuckets });

          for (const series of policies) {
            const byAt = new Map<number, Record<string, number>[]>();
            for (const c of cells.filter((c) => c.policy_id === series.policy_id)) {
              const at = c.bucket! - (c.bucket! % step);
              byAt.set(at, [...(byAt.get(at) ?? []), c]);
            }
            for (const [at, group] of byAt) {
              const point = series.points.find((p) => p.at === at)!;
              const packets = group.reduce((sum, c) => sum + c.packets!, 0);
              const took = group.at(-1)!.last_at! - group[0]!.began_at!;
              expect(point.packets).toBe(packets);
              expect(point.active_flows).toBe(group.at(-1)!.active_flows);
              expect(point.packets_per_second).toBeCloseTo(took > 0 ? packets / (took / S) : 0, 6);
            }
          }
          expect(policies.map((p) => p.policy_id)).toEqual(
            [...new Set(cells.map((c) => c.policy_id!))].sort((a, b) => a - b),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
