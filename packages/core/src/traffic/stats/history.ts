import type Sqlite from "better-sqlite3";
import { and, asc, desc, eq, gt, gte, lt, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { openDatabase, type Db } from "../../db/client";
import { policies, policyStats } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { parseInput } from "../../validation";
import {
  readRollupCells,
  readTotalsCells,
  recordedRollupBuckets,
  rollupReaches,
  totalsReach,
  type RollupLevel,
  type TotalsLevel,
} from "./rollups";

/**
 * One bucket of a traffic history. Its traffic is what the counters rose at the snapshots in it; its
 * rates divide each policy's rise by the time that rise took (see docs/api.md, traffic_history).
 */
export interface TrafficPoint {
  /**
   * Bucket start, epoch ms: a multiple of the history's step_ms, so buckets stay put as a range rolls.
   * The bucket holds the snapshots taken in (at, at + step_ms]: a snapshot's traffic happened before it.
   */
  at: number;
  packets: number;
  bytes: number;
  /**
   * Null when the collector recorded nothing in the bucket, for any policy: it was down (or every
   * policy idle), a gap to draw as a gap. A policy absent from a bucket the collector recorded was idle: 0.
   */
  packets_per_second: number | null;
  bytes_per_second: number | null;
  /** Live flows at each policy's last snapshot in the bucket, summed; null when the bucket holds no snapshot. */
  active_flows: number | null;
  /** Snapshot rows that fell into the bucket; 0 means nothing was recorded (idle, or the collector was down). */
  samples: number;
}

export interface TrafficHistory {
  from: number;
  to: number;
  step_ms: number;
  /** The one policy asked for, or null for totals across every policy. */
  policy_id: number | null;
  /** Every bucket from `from` to `to`, oldest first; empty when the range holds no snapshot at all. */
  points: TrafficPoint[];
}

export interface PolicyTrafficHistory {
  policy_id: number;
  name: string;
  points: TrafficPoint[];
}

export interface TrafficHistoryParams {
  /** Epoch ms: the traffic of (from, to], from the snapshots taken in that range. */
  from: number;
  to: number;
  /** At most this many buckets (2-1000, default 200); the step is the smallest round one that fits. */
  maxBuckets?: number;
  policyId?: number;
}

export const epochMs = (what: string) =>
  z
    .number(`${what} must be a number of epoch milliseconds`)
    .int(`${what} must be whole epoch milliseconds`)
    .nonnegative(`${what} must not be before 1970`);

const rangeShape = {
  from: epochMs("from"),
  to: epochMs("to"),
  policyId: z
    .number("policy id must be a number")
    .int("policy id must be a whole number")
    .positive("policy id must be positive")
    .optional(),
};
const afterFrom = { message: "must be after from", path: ["to"] };

/** A history's `maxBuckets`: 2-1000, 200 when omitted. */
export const maxBucketsSchema = z
  .number()
  .int("must be a whole number")
  .min(2, "must be at least 2")
  .max(1000, "must be at most 1000")
  .default(200);

const historyParams = z
  .object({
    ...rangeShape,
    maxBuckets: maxBucketsSchema,
  })
  .refine((p) => p.to > p.from, afterFrom);

const exportParams = z.object(rangeShape).refine((p) => p.to > p.from, afterFrom);

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Round bucket widths; buckets start at multiples of these, so a day bucket is a UTC day. */
const STEPS = [1, 2, 5, 10, 15, 30]
  .map((s) => s * SECOND)
  .concat([1, 2, 5, 10, 15, 30].map((m) => m * MINUTE))
  .concat(
    [1, 2, 3, 6, 12].map((h) => h * HOUR),
    DAY,
  );

/** The narrowest round step whose aligned buckets between from and to number at most maxBuckets. */
export function chooseStep(from: number, to: number, maxBuckets: number): number {
  // Buckets are (at, at + step]: the first holds from + 1, the last holds to.
  const count = (step: number) => Math.floor((to - 1) / step) - Math.floor(from / step) + 1;
  const fits = STEPS.find((step) => count(step) <= maxBuckets);
  // Whole days past the ladder: ceil(span / step) + 1 alignment bucket <= maxBuckets.
  return fits ?? DAY * Math.ceil((to - from) / (DAY * (maxBuckets - 1)));
}

/**
 * Traffic between `from` and `to` in at most `maxBuckets` buckets: totals across every policy, or one
 * policy's. Snapshot counters are cumulative; a snapshot's traffic is its increase over the policy's
 * previous snapshot (which may lie before `from`), counted in the bucket the snapshot was taken in.
 * A counter that went down was reset (the control API's reset), so the whole new value is the
 * traffic since; resets are found per bucket, so one followed within its bucket by more traffic than
 * the counter held before it goes unseen. A policy's first snapshot ever is a baseline, not traffic.
 */
export function getTrafficHistory(db: Db, params: TrafficHistoryParams): TrafficHistory {
  return readTotals(db, params) ?? totalsOf(readBuckets(db, params));
}

/** getTrafficHistory per policy: one series for each policy with a snapshot in the range, by policy id. */
export function getTrafficHistoryByPolicy(
  db: Db,
  params: TrafficHistoryParams,
): { step_ms: number; policies: PolicyTrafficHistory[] } {
  const read = readBuckets(db, params);
  return { step_ms: read.step, policies: perPolicyOf(read) };
}

/** The policies past a history's top ones, summed bucket by bucket. */
export interface OtherPoliciesHistory {
  /** How many policies with snapshots in the range are summed here. */
  policies: number;
  points: TrafficPoint[];
}

/**
 * The most points (series times buckets) one answer's by_policy may ask for: the web server's thread
 * builds and serialises every one of them, and 1,000 series of 120 points held it for seconds; a
 * chart shows a handful of series (docs/api.md, traffic_history).
 */
export const MAX_POLICY_POINTS = 4000;

const topParams = z
  .object({
    topPolicies: z.number("must be a number").int("must be a whole number").min(1, "must be at least 1").default(10),
    maxBuckets: z.number(),
  })
  .superRefine(({ topPolicies, maxBuckets }, ctx) => {
    const points = topPolicies * maxBuckets;
    if (points > MAX_POLICY_POINTS)
      ctx.addIssue({
        code: "custom",
        path: ["topPolicies"],
        message: `times maxBuckets must be at most ${MAX_POLICY_POINTS} points, not ${topPolicies} x ${maxBuckets} = ${points}: ask for fewer policies or fewer buckets (the others are summed in other_policies)`,
      });
  });

/**
 * Both of the above from one pass over the range, as the API's traffic_history with by_policy needs: the
 * `topPolicies` policies that carried the most bytes (ties to the lower id), listed by id, and every other
 * policy with snapshots in the range summed, so by_policy and other_policies add up to the totals' traffic.
 */
export function getTrafficHistoryWithPolicies(
  db: Db,
  params: TrafficHistoryParams & { topPolicies?: number },
): TrafficHistory & { by_policy: PolicyTrafficHistory[]; other_policies: OtherPoliciesHistory | null } {
  const { maxBuckets } = parseInput(historyParams, params); // its errors first: they name the input at fault
  const { topPolicies } = parseInput(topParams, { topPolicies: params.topPolicies, maxBuckets });
  const read = readBuckets(db, params);
  return { ...(readTotals(db, params) ?? totalsOf(read)), ...splitTop(read, topPolicies) };
}

/**
 * The top `n` policies' series, and the rest's rows summed bucket by bucket as one series (densify sums
 * a bucket's rows as it does for totals): only the top ones are built one by one.
 */
function splitTop(read: ReturnType<typeof readBuckets>, n: number) {
  const bytes = new Map<number, number>();
  for (const row of read.rows) bytes.set(row.policy_id, (bytes.get(row.policy_id) ?? 0) + row.bytes);
  const ranked = [...bytes].sort(([a, x], [b, y]) => y - x || a - b).map(([id]) => id);
  const top = new Set(ranked.slice(0, n));
  const rest = new Map<number, BucketRow[]>();
  for (const row of read.rows) {
    if (top.has(row.policy_id)) continue;
    const bucket = rest.get(row.bucket);
    if (bucket) bucket.push(row);
    else rest.set(row.bucket, [row]);
  }
  return {
    by_policy: perPolicyOf({ ...read, rows: read.rows.filter((row) => top.has(row.policy_id)) }),
    other_policies: ranked.length > n ? { policies: ranked.length - n, points: densify(rest, read) } : null,
  };
}

/**
 * Totals across every policy from a level's totals rows, one a level bucket: the level a rolled-up range
 * reads, else the 10 s totals when the step is whole 10 s buckets; undefined when neither holds the range. The totals read as one counter: a bucket's rate is the summed
 * rise over the time from the earliest rise's start to its last snapshot, and its live flows those
 * of its last level bucket (docs/database.md, "Totals").
 */
function readTotals(db: Db, params: TrafficHistoryParams): TrafficHistory | undefined {
  const { from, to, maxBuckets, policyId } = parseInput(historyParams, params);
  if (policyId !== undefined) return undefined;
  const step = chooseStep(from, to, maxBuckets);
  const level: TotalsLevel | undefined = levelFor(from, to, step) ?? (step % 10_000 === 0 ? "tenSeconds" : undefined);
  if (level === undefined || !totalsReach(db, level, from)) return undefined;
  const cells = readTotalsCells(db, { level, from, to, step });
  const byBucket = new Map(cells.map((c) => [c.bucket, [{ ...c, policy_id: 0, name: "", began_at: 0, last_at: 0 }]]));
  const recorded = new Set(byBucket.keys());
  return { from, to, step_ms: step, policy_id: null, points: densify(byBucket, { from, to, step, recorded }) };
}

/** The range's snapshot rows, bucketed: the one database pass every history is grouped from. */
function readBuckets(db: Db, params: TrafficHistoryParams) {
  const { from, to, maxBuckets, policyId } = parseInput(historyParams, params);
  if (policyId !== undefined) assertPolicyExists(db, policyId);
  const step = chooseStep(from, to, maxBuckets);
  const level = levelFor(from, to, step);
  if (level !== undefined && rollupReaches(db, level, from)) {
    const range = { level, from, to, step };
    const rows = readRollupCells(db, { ...range, policyId });
    return { from, to, step, policyId, rows, recorded: recordedRollupBuckets(db, range) };
  }
  const rows = bucketRows(db, { from, to, step, policyId });
  return { from, to, step, policyId, rows, recorded: recordedBuckets(db, { from, to, step }) };
}

/**
 * The rollup level a range reads, or undefined for the raw rows: raw up to 2 h, the minute level up to
 * 3 days, the hour level beyond, when the step is whole buckets of it (docs/database.md, "Rollups").
 */
export function levelFor(from: number, to: number, step: number): RollupLevel | undefined {
  const span = to - from;
  if (span > 3 * DAY && step % HOUR === 0) return "hour";
  if (span > 2 * HOUR && step % MINUTE === 0) return "minute";
  return undefined;
}

/** The buckets in which the collector wrote a snapshot of any policy. */
function recordedBuckets(db: Db, { from, to, step }: { from: number; to: number; step: number }): Set<number> {
  const first = from - (from % step);
  const rows = db.all<{ at: number }>(sql`
    WITH RECURSIVE edges(at) AS (SELECT ${first} UNION ALL SELECT at + ${step} FROM edges WHERE at + ${step} < ${to})
    SELECT e.at FROM edges e
    WHERE EXISTS (SELECT 1 FROM ${policyStats} s WHERE s.timestamp > max(e.at, ${from}) AND s.timestamp <= min(e.at + ${step}, ${to}))
  `);
  return new Set(rows.map((r) => r.at));
}

/**
 * The series of one policy, or the totals read as one counter: a bucket's rise is every policy's, and
 * it took from the earliest policy's start to the latest snapshot, as the totals levels count it.
 */
function totalsOf({ from, to, step, policyId, rows, recorded }: ReturnType<typeof readBuckets>): TrafficHistory {
  const byBucket = new Map<number, BucketRow[]>();
  for (const row of rows) {
    const sum = byBucket.get(row.bucket)?.[0];
    if (!sum) byBucket.set(row.bucket, [{ ...row }]);
    else {
      sum.packets += row.packets;
      sum.bytes += row.bytes;
      sum.samples += row.samples;
      sum.active_flows += row.active_flows;
      sum.began_at = Math.min(sum.began_at, row.began_at);
      sum.last_at = Math.max(sum.last_at, row.last_at);
      sum.span_ms = sum.last_at - sum.began_at;
    }
  }
  return {
    from,
    to,
    step_ms: step,
    policy_id: policyId ?? null,
    points: densify(byBucket, { from, to, step, recorded }),
  };
}

function perPolicyOf({ from, to, step, rows, recorded }: ReturnType<typeof readBuckets>): PolicyTrafficHistory[] {
  const byPolicy = new Map<number, { name: string; buckets: Map<number, BucketRow[]> }>();
  for (const row of rows) {
    let series = byPolicy.get(row.policy_id);
    if (!series) byPolicy.set(row.policy_id, (series = { name: row.name, buckets: new Map() }));
    series.buckets.set(row.bucket, [row]);
  }
  return [...byPolicy].map(([policy_id, { name, buckets }]) => ({
    policy_id,
    name,
    points: densify(buckets, { from, to, step, recorded }),
  }));
}

interface BucketRow {
  policy_id: number;
  name: string;
  bucket: number;
  packets: number;
  bytes: number;
  samples: number;
  /**
   * How long the bucket's rise took: from the policy's snapshot before the bucket's first one (which
   * may lie before the bucket or the range), or the collector's last snapshot before that one if later,
   * to its last one in the bucket. 0 when it holds only the policy's first snapshot ever, a baseline.
   */
  span_ms: number;
  /** Where that span starts and ends. */
  began_at: number;
  last_at: number;
  /** The active_flows of the policy's last snapshot in the bucket. */
  active_flows: number;
}

interface Counters {
  packets: number;
  bytes: number;
}

/** A policy's counters at one snapshot, and when it was taken. */
interface Reading extends Counters {
  at: number;
}

interface Cell {
  policy_id: number;
  name: string;
  at: number;
  samples: number;
  /** The policy's last snapshot at or before the cell's end (null before its first one). */
  packets: number | null;
  bytes: number | null;
  active_flows: number | null;
  last_at: number | null;
  /**
   * The collector's last snapshot of any policy before this policy's first one in the bucket. The
   * collector writes every policy whose counters changed at each snapshot, so the policy's rise began
   * after it: a policy idle for an hour did not spread its traffic over that hour.
   */
  tick_before: number | null;
}

/**
 * One row per policy and bucket with snapshots in it. Counters are cumulative, so a bucket's traffic
 * is its last value less the one before it: a few index seeks per policy and bucket on
 * (policy_id, timestamp) and (timestamp), however many rows the bucket holds. For a week of 25 policies at 10 s (1.5M
 * rows) reading every row took 4.4 s on the web's one thread; this takes 0.2 s, mostly counting index
 * entries. A bucket whose counter went down holds a reset and is summed row by row.
 */
function bucketRows(
  db: Db,
  { from, to, step, policyId }: { from: number; to: number; step: number; policyId?: number },
): BucketRow[] {
  const onePolicy = policyId === undefined ? sql`` : sql`WHERE p.policy_id = ${policyId}`;
  const first = from - (from % step);
  const cells = db.all<Cell>(sql`
    WITH RECURSIVE edges(at) AS (SELECT ${first} UNION ALL SELECT at + ${step} FROM edges WHERE at + ${step} < ${to}),
    cells AS (
      SELECT p.policy_id, p.name, e.at, max(e.at, ${from}) AS lo, min(e.at + ${step}, ${to}) AS hi
      FROM ${policies} p CROSS JOIN edges e ${onePolicy}
    ),
    ends AS (
      SELECT c.*,
        (SELECT count(*) FROM ${policyStats} s WHERE s.policy_id = c.policy_id AND s.timestamp > c.lo AND s.timestamp <= c.hi) AS samples,
        (SELECT s.stat_id FROM ${policyStats} s WHERE s.policy_id = c.policy_id AND s.timestamp <= c.hi
          ORDER BY s.timestamp DESC, s.stat_id DESC LIMIT 1) AS end_id,
        (SELECT s.timestamp FROM ${policyStats} s WHERE s.policy_id = c.policy_id AND s.timestamp > c.lo AND s.timestamp <= c.hi
          ORDER BY s.timestamp LIMIT 1) AS first_at
      FROM cells c
    )
    SELECT e.policy_id, e.name, e.at, e.samples, s.packets_matched AS packets, s.bytes_matched AS bytes,
      s.active_flows, s.timestamp AS last_at,
      (SELECT t.timestamp FROM ${policyStats} t WHERE t.timestamp < e.first_at ORDER BY t.timestamp DESC LIMIT 1) AS tick_before
    FROM ends e LEFT JOIN ${policyStats} s ON s.stat_id = e.end_id
    ORDER BY e.policy_id, e.at
  `);
  const rows: BucketRow[] = [];
  let before: Reading | undefined;
  let policy = -1;
  for (const cell of cells) {
    if (cell.policy_id !== policy) {
      policy = cell.policy_id;
      before = counterAt(db, { policyId: policy, at: from });
    }
    if (cell.samples === 0 || cell.packets === null || cell.bytes === null || cell.last_at === null) continue;
    const lo = Math.max(cell.at, from);
    const end = { packets: cell.packets, bytes: cell.bytes, at: cell.last_at };
    let traffic: Counters & { since: number };
    if (before === undefined || end.packets < before.packets || end.bytes < before.bytes) {
      // The policy's first snapshot ever (a baseline, not traffic) or a reset is in this bucket.
      traffic = sumRows(db, { policyId: policy, lo, hi: Math.min(cell.at + step, to), before });
    } else {
      traffic = { packets: end.packets - before.packets, bytes: end.bytes - before.bytes, since: before.at };
    }
    const { since, ...rise } = traffic;
    const began = Math.max(since, cell.tick_before ?? since);
    rows.push({
      ...cell,
      bucket: cell.at,
      ...rise,
      span_ms: end.at - began,
      began_at: began,
      last_at: end.at,
      active_flows: cell.active_flows ?? 0,
    });
    before = end;
  }
  return rows;
}

/** The policy's counters at its last snapshot at or before `at`. */
function counterAt(db: Db, { policyId, at }: { policyId: number; at: number }): Reading | undefined {
  return db
    .select({ packets: policyStats.packets_matched, bytes: policyStats.bytes_matched, at: policyStats.timestamp })
    .from(policyStats)
    .where(and(eq(policyStats.policy_id, policyId), lte(policyStats.timestamp, at)))
    .orderBy(desc(policyStats.timestamp), desc(policyStats.stat_id))
    .limit(1)
    .get();
}

/**
 * The traffic of the snapshots in (lo, hi], row by row: each one's increase over the one before, the
 * whole value after a counter went down (a reset). Without a row before, the first is a baseline.
 * `since` is when the rise began: the row before, or the baseline.
 */
function sumRows(
  db: Db,
  { policyId, lo, hi, before }: { policyId: number; lo: number; hi: number; before: Reading | undefined },
): Counters & { since: number } {
  const snapshots = db
    .select({ packets: policyStats.packets_matched, bytes: policyStats.bytes_matched, at: policyStats.timestamp })
    .from(policyStats)
    .where(and(eq(policyStats.policy_id, policyId), gt(policyStats.timestamp, lo), lte(policyStats.timestamp, hi)))
    .orderBy(asc(policyStats.timestamp), asc(policyStats.stat_id))
    .all();
  const traffic = { packets: 0, bytes: 0, since: before?.at ?? snapshots[0]?.at ?? lo };
  let previous = before;
  for (const row of snapshots) {
    if (previous !== undefined) {
      const reset = row.packets < previous.packets || row.bytes < previous.bytes;
      traffic.packets += reset ? row.packets : row.packets - previous.packets;
      traffic.bytes += reset ? row.bytes : row.bytes - previous.bytes;
    }
    previous = row;
  }
  return traffic;
}

/**
 * Every bucket of the range: those without the series' snapshots as zero traffic, and without rates
 * when the collector recorded nothing at all in them; none at all when nothing was recorded in the range.
 * A bucket's rate sums each policy's rise over the time that rise took, never over the part of the
 * bucket the range happens to cover: a snapshot just inside a window's edge, or just after a bucket
 * began, carries the traffic of a whole snapshot interval, and dividing that by the sliver it falls in
 * is what drew false spikes.
 */
function densify(
  byBucket: Map<number, BucketRow[]>,
  { from, to, step, recorded }: { from: number; to: number; step: number; recorded: Set<number> },
): TrafficPoint[] {
  if (byBucket.size === 0) return [];
  const points: TrafficPoint[] = [];
  for (let at = from - (from % step); at < to; at += step) {
    const rows = byBucket.get(at) ?? [];
    let packets = 0;
    let bytes = 0;
    let packetRate = 0;
    let byteRate = 0;
    let samples = 0;
    let flows = 0;
    for (const row of rows) {
      packets += row.packets;
      bytes += row.bytes;
      if (row.span_ms > 0) {
        packetRate += row.packets / (row.span_ms / SECOND);
        byteRate += row.bytes / (row.span_ms / SECOND);
      }
      samples += row.samples;
      flows += row.active_flows;
    }
    points.push({
      at,
      packets,
      bytes,
      packets_per_second: recorded.has(at) ? packetRate : null,
      bytes_per_second: recorded.has(at) ? byteRate : null,
      active_flows: samples === 0 ? null : flows,
      samples,
    });
  }
  return points;
}

function assertPolicyExists(db: Db, policyId: number): void {
  const found = db.select({ id: policies.policy_id }).from(policies).where(eq(policies.policy_id, policyId)).get();
  if (!found) throw new NotFoundError(`no policy with id ${policyId}`);
}

/** A raw snapshot row as exported, with its policy's name. */
export interface PolicyStatsExportRow {
  timestamp: number;
  policy_id: number;
  policy_name: string;
  packets_matched: number;
  bytes_matched: number;
  active_flows: number;
}

/**
 * The snapshot rows between `from` (inclusive) and `to` (exclusive), oldest first, one at a time, for
 * exports of any size. Validates (and checks the policy) before returning, so bad input throws here and
 * not halfway through a response. Iterating reads on a connection of its own: better-sqlite3 refuses
 * every write on a connection while one of its statements is being iterated, and a download can take
 * as long as the client likes. Finish or `return()` the iterator to close it.
 */
export function exportPolicyStats(
  db: Db,
  params: { from: number; to: number; policyId?: number },
): Generator<PolicyStatsExportRow, void, undefined> {
  const { from, to, policyId } = parseInput(exportParams, params);
  if (policyId !== undefined) assertPolicyExists(db, policyId);
  return iterateExport(db, { from, to, policyId });
}

/** drizzle() hands back its driver as `$client`, which the Db type leaves out. */
const driverOf = (db: Db) => (db as Db & { $client: Sqlite.Database }).$client;

function* iterateExport(db: Db, { from, to, policyId }: { from: number; to: number; policyId?: number }) {
  const file = driverOf(db).name;
  // An in-memory database cannot be opened twice; its iteration shares the caller's connection.
  const own = file === ":memory:" ? undefined : openDatabase(file);
  try {
    const reader = own?.db ?? db;
    const query = reader
      .select({
        timestamp: policyStats.timestamp,
        policy_id: policyStats.policy_id,
        policy_name: policies.name,
        packets_matched: policyStats.packets_matched,
        bytes_matched: policyStats.bytes_matched,
        active_flows: policyStats.active_flows,
      })
      .from(policyStats)
      .innerJoin(policies, eq(policies.policy_id, policyStats.policy_id))
      .where(
        and(
          gte(policyStats.timestamp, from),
          lt(policyStats.timestamp, to),
          policyId === undefined ? undefined : eq(policyStats.policy_id, policyId),
        ),
      )
      .orderBy(asc(policyStats.timestamp), asc(policyStats.policy_id), asc(policyStats.stat_id))
      .toSQL();
    // Drizzle 0.45 has no iterator of its own; its SQL runs on the driver's, in the select's column order.
    const statement = driverOf(reader).prepare(query.sql).raw(true);
    for (const row of statement.iterate(...query.params) as IterableIterator<
      [number, number, string, number, number, number]
    >) {
      const [timestamp, policy_id, policy_name, packets_matched, bytes_matched, active_flows] = row;
      yield { timestamp, policy_id, policy_name, packets_matched, bytes_matched, active_flows };
    }
  } finally {
    own?.close();
  }
}
