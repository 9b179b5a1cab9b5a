import type Sqlite from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import {
  policies,
  policyStats,
  policyStatsHour,
  policyStatsMinute,
  statsTotals10s,
  statsTotalsHour,
  statsTotalsMinute,
} from "../../db/schema";
import { perConnection } from "../../db/per-connection";

/**
 * The rollup levels beside the raw snapshots, each with its per-policy table and its totals across
 * policies (docs/database.md, "Rollups" and "Totals").
 */
export const ROLLUP_LEVELS = {
  minute: {
    table: policyStatsMinute,
    name: "sdwan_policy_stats_minute",
    totals: statsTotalsMinute,
    totalsName: "sdwan_stats_totals_minute",
    widthMs: 60_000,
  },
  hour: {
    table: policyStatsHour,
    name: "sdwan_policy_stats_hour",
    totals: statsTotalsHour,
    totalsName: "sdwan_stats_totals_hour",
    widthMs: 3_600_000,
  },
} as const;

export type RollupLevel = keyof typeof ROLLUP_LEVELS;

/**
 * Every level's totals across policies: the rollups' and one of 10 s beside the raw rows, so short
 * ranges' totals need not read every policy's rows either. The 10 s level is kept as long as the raw rows.
 */
export const TOTALS_LEVELS = {
  tenSeconds: { totals: statsTotals10s, totalsName: "sdwan_stats_totals_10s", widthMs: 10_000 },
  minute: ROLLUP_LEVELS.minute,
  hour: ROLLUP_LEVELS.hour,
} as const;

export type TotalsLevel = keyof typeof TOTALS_LEVELS;

/** The bucket of a level a snapshot taken at `at` falls in: (bucket, bucket + width], as history's buckets. */
export const bucketOf = (at: number, widthMs: number) => Math.floor((at - 1) / widthMs) * widthMs;

/**
 * Whether a level holds what the raw rows hold of the range: it reaches back to `from`, or the raw rows
 * reach no further back than it does. Snapshots written before the rollups existed (an upgraded database)
 * are only in the raw rows, which are then read instead, so a long range never shows their time as
 * empty. Two index lookups: the level's first bucket, and the oldest raw row by its autoincrement id.
 */
export function rollupReaches(db: Db, level: RollupLevel, from: number): boolean {
  const first = db.get<{ bucket: number | null }>(
    sql`SELECT min(bucket) AS bucket FROM ${ROLLUP_LEVELS[level].table}`,
  ).bucket;
  if (first === null) return false;
  if (first <= from) return true;
  const oldestRaw = db.get<{ at: number } | undefined>(
    sql`SELECT timestamp AS at FROM ${policyStats} ORDER BY stat_id LIMIT 1`,
  );
  return oldestRaw === undefined || oldestRaw.at > first;
}

/** rollupReaches for a level's totals: the minute and hour totals were filled from the rollups, the 10 s ones were not. */
export function totalsReach(db: Db, level: TotalsLevel, from: number): boolean {
  const first = db.get<{ bucket: number | null }>(
    sql`SELECT min(bucket) AS bucket FROM ${TOTALS_LEVELS[level].totals}`,
  ).bucket;
  if (first === null) return false;
  if (first <= from) return true;
  const oldestRaw = db.get<{ at: number } | undefined>(
    sql`SELECT timestamp AS at FROM ${policyStats} ORDER BY stat_id LIMIT 1`,
  );
  return oldestRaw === undefined || oldestRaw.at > first;
}

/** One snapshot row about to be written, with what the rollups need to know of the rows before it. */
export interface RollupInput {
  policy_id: number;
  at: number;
  packets_matched: number;
  bytes_matched: number;
  active_flows: number;
}

/**
 * Statements on the driver itself, prepared once per connection: the collector runs them for every
 * changed policy at every snapshot, inside the snapshot's transaction (see storePolicyStats).
 */
function prepareRollupStatements(driver: Sqlite.Database) {
  const upsert = (name: string) =>
    driver.prepare<[number, number, number, number, number, number, number]>(
      `INSERT INTO ${name} (policy_id, bucket, packets, bytes, samples, began_at, last_at, active_flows)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?)
       ON CONFLICT (policy_id, bucket) DO UPDATE SET packets = packets + excluded.packets,
         bytes = bytes + excluded.bytes, samples = samples + 1, last_at = excluded.last_at,
         active_flows = excluded.active_flows`,
    );
  const upsertTotals = (name: string) =>
    driver.prepare<[number, number, number, number, number, number, number]>(
      `INSERT INTO ${name} (bucket, packets, bytes, samples, began_at, last_at, active_flows)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (bucket) DO UPDATE SET packets = packets + excluded.packets, bytes = bytes + excluded.bytes,
         samples = samples + excluded.samples, began_at = min(began_at, excluded.began_at),
         last_at = max(last_at, excluded.last_at), active_flows = active_flows + excluded.active_flows`,
    );
  return {
    previous: driver.prepare<[number], PreviousRow>(
      `SELECT timestamp AS at, packets_matched AS packets, bytes_matched AS bytes, active_flows AS flows
       FROM sdwan_policy_stats WHERE policy_id = ? ORDER BY timestamp DESC, stat_id DESC LIMIT 1`,
    ),
    tickBefore: driver.prepare<[number], { at: number }>(
      "SELECT timestamp AS at FROM sdwan_policy_stats WHERE timestamp < ? ORDER BY timestamp DESC LIMIT 1",
    ),
    upserts: Object.values(ROLLUP_LEVELS).map((level) => ({ widthMs: level.widthMs, run: upsert(level.name) })),
    totals: Object.values(TOTALS_LEVELS).map((level) => ({
      widthMs: level.widthMs,
      run: upsertTotals(level.totalsName),
    })),
  };
}

const statementsOf = perConnection(prepareRollupStatements);

/** drizzle() hands back its driver as `$client`, which the Db type leaves out. */
export const driverOf = (db: Db) => (db as Db & { $client: Sqlite.Database }).$client;

/**
 * Rolls a snapshot's rows into every level. Call inside the snapshot's transaction, before its raw rows
 * are inserted: each row's rise is measured against the policy's latest raw row, as history.ts does
 * (a counter that went down was reset, so its whole value is the rise; a policy's first row is a baseline).
 */
export function rollUpSnapshot(db: Db, { at, rows }: { at: number; rows: readonly RollupInput[] }): void {
  const driver = driverOf(db);
  const statements = statementsOf(driver);
  if (rows.length === 0) return;
  const tick = statements.tickBefore.get(at)?.at;
  const rises = rows.map((row) => riseOf(row, statements.previous.get(row.policy_id), tick));
  // Each row's rise is computed once, then written level by level and summed for the totals.
  for (const level of statements.upserts) {
    for (const r of rises)
      level.run.run(r.policy_id, bucketOf(at, level.widthMs), r.packets, r.bytes, r.began, at, r.active_flows);
  }
  // The snapshot's rises summed in JS: one totals upsert a level, whatever the number of policies.
  for (const level of statements.totals) {
    const bucket = bucketOf(at, level.widthMs);
    let packets = 0;
    let bytes = 0;
    let began = at;
    let flows = 0;
    for (const r of rises) {
      packets += r.packets;
      bytes += r.bytes;
      began = Math.min(began, r.began);
      // The policy's bucket row keeps its last live flows: replace its earlier figure in the sum, if any.
      flows +=
        r.active_flows -
        (r.before !== undefined && bucketOf(r.before.at, level.widthMs) === bucket ? r.before.flows : 0);
    }
    level.run.run(bucket, packets, bytes, rises.length, began, at, flows);
  }
}

interface PreviousRow {
  at: number;
  packets: number;
  bytes: number;
  flows: number;
}

/**
 * A row's rise over the policy's previous raw row (a counter that went down was reset, so its whole value
 * is the rise; a policy's first row is a baseline), and when the rise began: at the previous row, or at
 * the collector's last snapshot before this one if later (the policy was idle in between).
 */
function riseOf(row: RollupInput, before: PreviousRow | undefined, tick: number | undefined) {
  if (before === undefined) return { ...row, packets: 0, bytes: 0, began: row.at, before };
  const reset = row.packets_matched < before.packets || row.bytes_matched < before.bytes;
  return {
    ...row,
    packets: reset ? row.packets_matched : row.packets_matched - before.packets,
    bytes: reset ? row.bytes_matched : row.bytes_matched - before.bytes,
    began: Math.max(before.at, tick ?? before.at),
    before,
  };
}

/**
 * Takes a policy's share out of every totals level: call in the transaction that deletes the policy,
 * before its raw rows go (docs/database.md, "Totals"). The minute and hour shares are its rollup rows;
 * the 10 s share is recomputed from its raw rows as rollUpSnapshot counted them. Spans stay as recorded,
 * and a bucket left empty stays until pruned (reads skip it).
 */
export function removePolicyFromTotals(tx: Queryable, { policyId }: { policyId: number }): void {
  const span = sql.raw(String(FLOWS_SPAN));
  for (const level of Object.values(ROLLUP_LEVELS)) {
    tx.run(sql`
      UPDATE ${level.totals} AS t SET packets = t.packets - r.packets, bytes = t.bytes - r.bytes,
        samples = t.samples - r.samples, active_flows = t.active_flows - r.active_flows
      FROM ${level.table} AS r WHERE r.policy_id = ${policyId} AND r.bucket = t.bucket
    `);
  }
  const width = sql.raw(String(TOTALS_LEVELS.tenSeconds.widthMs));
  tx.run(sql`
    UPDATE ${TOTALS_LEVELS.tenSeconds.totals} AS t SET packets = t.packets - r.packets, bytes = t.bytes - r.bytes,
      samples = t.samples - r.samples, active_flows = t.active_flows - r.active_flows
    FROM (
      SELECT bucket, sum(rise_packets) AS packets, sum(rise_bytes) AS bytes, count(*) AS samples,
        max(timestamp * ${span} + min(active_flows, ${span} - 1)) % ${span} AS active_flows
      FROM (
        SELECT (timestamp - 1) / ${width} * ${width} AS bucket, timestamp, active_flows,
          CASE WHEN prev_packets IS NULL THEN 0 WHEN packets_matched < prev_packets OR bytes_matched < prev_bytes
            THEN packets_matched ELSE packets_matched - prev_packets END AS rise_packets,
          CASE WHEN prev_packets IS NULL THEN 0 WHEN packets_matched < prev_packets OR bytes_matched < prev_bytes
            THEN bytes_matched ELSE bytes_matched - prev_bytes END AS rise_bytes
        FROM (
          SELECT timestamp, packets_matched, bytes_matched, active_flows,
            lag(packets_matched) OVER w AS prev_packets, lag(bytes_matched) OVER w AS prev_bytes
          FROM ${policyStats} WHERE policy_id = ${policyId}
          WINDOW w AS (ORDER BY timestamp, stat_id)
        )
      ) GROUP BY bucket
    ) AS r WHERE r.bucket = t.bucket
  `);
}

/**
 * Live flows packed under a bucket's last_at: 21 bits (2,097,151 flows, twice PATRONUS_MAX_FLOWS' default;
 * more reads as that) times epoch ms stays inside SQLite's 64-bit integers until 2109.
 */
const FLOWS_SPAN = 2 ** 21;

/** A rollup row summed into one history bucket, in the shape history.ts groups. */
export interface RolledUpCell {
  policy_id: number;
  name: string;
  bucket: number;
  packets: number;
  bytes: number;
  samples: number;
  span_ms: number;
  began_at: number;
  last_at: number;
  active_flows: number;
}

/**
 * A level's rows summed into history buckets of `step` (a multiple of the level's width): the rise is
 * the sum of the rises, the rise began where the first bucket's did and ended at the last's last
 * snapshot. The range's ends round out to the level's buckets.
 */
export function readRollupCells(
  db: Db,
  {
    level,
    from,
    to,
    step,
    policyId,
  }: { level: RollupLevel; from: number; to: number; step: number; policyId?: number },
): RolledUpCell[] {
  const { table, widthMs } = ROLLUP_LEVELS[level];
  const lo = from - (from % widthMs);
  const onePolicy = policyId === undefined ? sql`` : sql`AND r.policy_id = ${policyId}`;
  // began_at and last_at only grow with the bucket (a bucket's rise begins after the one before ended), so
  // min and max find the first and last bucket's without joining back; the last one's live flows ride in
  // the low bits of max(last_at) (FLOWS_SPAN), which keeps this one pass over the level's rows.
  const span = sql.raw(String(FLOWS_SPAN)); // inlined: a bound number is a REAL, and the product needs 64-bit integers
  return db.all<RolledUpCell>(sql`
    SELECT r.policy_id, p.name, r.bucket - r.bucket % ${step} AS bucket, sum(r.packets) AS packets,
      sum(r.bytes) AS bytes, sum(r.samples) AS samples, max(r.last_at) - min(r.began_at) AS span_ms,
      min(r.began_at) AS began_at, max(r.last_at) AS last_at, max(r.last_at * ${span} + min(r.active_flows, ${span} - 1)) % ${span} AS active_flows
    FROM ${table} r JOIN ${policies} p ON p.policy_id = r.policy_id
    WHERE r.bucket >= ${lo} AND r.bucket < ${to} ${onePolicy}
    GROUP BY r.policy_id, 3
    ORDER BY r.policy_id, 3
  `);
}

/** A level's totals summed into one history bucket: every policy's rise, read as one counter. */
export interface TotalsCell {
  bucket: number;
  packets: number;
  bytes: number;
  samples: number;
  /** From the earliest rise's start to the last snapshot in the bucket. */
  span_ms: number;
  /** The live flows of the bucket's last level bucket. */
  active_flows: number;
}

/**
 * A level's totals rows summed into history buckets of `step`: one row a level bucket, so a year of
 * hours is 8,760 rows however many policies there are. The range's ends round out as readRollupCells'.
 * Rows emptied by deleted policies keep their span, as recorded, and are no bucket's last.
 */
export function readTotalsCells(
  db: Db,
  { level, from, to, step }: { level: TotalsLevel; from: number; to: number; step: number },
): TotalsCell[] {
  const { totals, widthMs } = TOTALS_LEVELS[level];
  const lo = from - (from % widthMs);
  const span = sql.raw(String(FLOWS_SPAN)); // as in readRollupCells: the last bucket's flows in the low bits
  return db.all<TotalsCell>(sql`
    SELECT bucket - bucket % ${step} AS bucket, sum(packets) AS packets, sum(bytes) AS bytes, sum(samples) AS samples,
      max(last_at) - min(began_at) AS span_ms,
      max(CASE WHEN samples > 0 THEN last_at * ${span} + min(active_flows, ${span} - 1) END) % ${span} AS active_flows
    FROM ${totals} WHERE bucket >= ${lo} AND bucket < ${to}
    GROUP BY 1 HAVING sum(samples) > 0 ORDER BY 1
  `);
}

/** The history buckets of `step` in which a level holds a row of any policy. */
export function recordedRollupBuckets(
  db: Db,
  { level, from, to, step }: { level: RollupLevel; from: number; to: number; step: number },
): Set<number> {
  const { table, widthMs } = ROLLUP_LEVELS[level];
  const lo = from - (from % widthMs);
  const first = from - (from % step);
  const rows = db.all<{ at: number }>(sql`
    WITH RECURSIVE edges(at) AS (SELECT ${first} UNION ALL SELECT at + ${step} FROM edges WHERE at + ${step} < ${to})
    SELECT e.at FROM edges e
    WHERE EXISTS (SELECT 1 FROM ${table} r WHERE r.bucket >= max(e.at, ${lo}) AND r.bucket < min(e.at + ${step}, ${to}))
  `);
  return new Set(rows.map((r) => r.at));
}

/** How long each level is kept, in ms (the collector's PATRONUS_STATS_RETENTION_*). */
export interface StatsRetention {
  raw: number;
  minute: number;
  hour: number;
}

/**
 * One bounded step of retention: deletes at most `limit` expired rows of each level, oldest first, and
 * says whether anything expired is left. The collector repeats it between other work: one DELETE of an
 * hour's raw rows at 1,000 policies (360,000 rows) held its receive loop for seconds (docs/database.md).
 */
export function pruneStatsStep(
  db: Db,
  { now, retention, limit }: { now: number; retention: StatsRetention; limit: number },
): { removed: { raw: number; minute: number; hour: number; totals: number }; done: boolean } {
  const driver = driverOf(db);
  const run = (statement: string, before: number) => driver.prepare(statement).run(before, limit).changes;
  // Totals go with their level's retention; a level bucket is one totals row, so `limit` covers them.
  const pruneTotals = (name: string, before: number) =>
    run(
      `DELETE FROM ${name} WHERE bucket IN (SELECT bucket FROM ${name} WHERE bucket < ? ORDER BY bucket LIMIT ?)`,
      before,
    );
  const { totals, ...removed } = db.transaction(() => ({
    raw: run(
      `DELETE FROM sdwan_policy_stats WHERE stat_id IN
        (SELECT stat_id FROM sdwan_policy_stats WHERE timestamp < ? ORDER BY timestamp LIMIT ?)`,
      now - retention.raw,
    ),
    minute: run(
      `DELETE FROM ${ROLLUP_LEVELS.minute.name} WHERE rowid IN
        (SELECT rowid FROM ${ROLLUP_LEVELS.minute.name} WHERE bucket < ? ORDER BY bucket LIMIT ?)`,
      now - retention.minute,
    ),
    hour: run(
      `DELETE FROM ${ROLLUP_LEVELS.hour.name} WHERE rowid IN
        (SELECT rowid FROM ${ROLLUP_LEVELS.hour.name} WHERE bucket < ? ORDER BY bucket LIMIT ?)`,
      now - retention.hour,
    ),
    totals: [
      pruneTotals(TOTALS_LEVELS.tenSeconds.totalsName, now - retention.raw),
      pruneTotals(ROLLUP_LEVELS.minute.totalsName, now - retention.minute),
      pruneTotals(ROLLUP_LEVELS.hour.totalsName, now - retention.hour),
    ],
  }));
  return {
    removed: { ...removed, totals: totals.reduce((sum, n) => sum + n, 0) },
    done: [removed.raw, removed.minute, removed.hour, ...totals].every((n) => n < limit),
  };
}
