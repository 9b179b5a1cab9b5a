import type Sqlite from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { policies, policyStats, policyStatsHour, policyStatsMinute } from "../../db/schema";

/** The rollup levels beside the raw snapshots (docs/database.md, "Rollups"). */
export const ROLLUP_LEVELS = {
  minute: { table: policyStatsMinute, name: "sdwan_policy_stats_minute", widthMs: 60_000 },
  hour: { table: policyStatsHour, name: "sdwan_policy_stats_hour", widthMs: 3_600_000 },
} as const;

export type RollupLevel = keyof typeof ROLLUP_LEVELS;

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
  return {
    previous: driver.prepare<[number], { at: number; packets: number; bytes: number }>(
      `SELECT timestamp AS at, packets_matched AS packets, bytes_matched AS bytes FROM sdwan_policy_stats
       WHERE policy_id = ? ORDER BY timestamp DESC, stat_id DESC LIMIT 1`,
    ),
    tickBefore: driver.prepare<[number], { at: number }>(
      "SELECT timestamp AS at FROM sdwan_policy_stats WHERE timestamp < ? ORDER BY timestamp DESC LIMIT 1",
    ),
    upserts: Object.values(ROLLUP_LEVELS).map((level) => ({ widthMs: level.widthMs, run: upsert(level.name) })),
  };
}

const prepared = new WeakMap<Sqlite.Database, ReturnType<typeof prepareRollupStatements>>();

/** drizzle() hands back its driver as `$client`, which the Db type leaves out. */
export const driverOf = (db: Db) => (db as Db & { $client: Sqlite.Database }).$client;

/**
 * Rolls a snapshot's rows into every level. Call inside the snapshot's transaction, before its raw rows
 * are inserted: each row's rise is measured against the policy's latest raw row, as history.ts does
 * (a counter that went down was reset, so its whole value is the rise; a policy's first row is a baseline).
 */
export function rollUpSnapshot(db: Db, { at, rows }: { at: number; rows: readonly RollupInput[] }): void {
  const driver = driverOf(db);
  let statements = prepared.get(driver);
  if (!statements) prepared.set(driver, (statements = prepareRollupStatements(driver)));
  const tick = statements.tickBefore.get(at)?.at;
  for (const row of rows) {
    const before = statements.previous.get(row.policy_id);
    let packets = 0;
    let bytes = 0;
    let began = at;
    if (before !== undefined) {
      const reset = row.packets_matched < before.packets || row.bytes_matched < before.bytes;
      packets = reset ? row.packets_matched : row.packets_matched - before.packets;
      bytes = reset ? row.bytes_matched : row.bytes_matched - before.bytes;
      began = Math.max(before.at, tick ?? before.at);
    }
    for (const level of statements.upserts) {
      level.run.run(row.policy_id, bucketOf(at, level.widthMs), packets, bytes, began, at, row.active_flows);
    }
  }
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
      max(r.last_at * ${span} + min(r.active_flows, ${span} - 1)) % ${span} AS active_flows
    FROM ${table} r JOIN ${policies} p ON p.policy_id = r.policy_id
    WHERE r.bucket >= ${lo} AND r.bucket < ${to} ${onePolicy}
    GROUP BY r.policy_id, 3
    ORDER BY r.policy_id, 3
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
): { removed: { raw: number; minute: number; hour: number }; done: boolean } {
  const driver = driverOf(db);
  const run = (statement: string, before: number) => driver.prepare(statement).run(before, limit).changes;
  const removed = db.transaction(() => ({
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
  }));
  return { removed, done: removed.raw < limit && removed.minute < limit && removed.hour < limit };
}
