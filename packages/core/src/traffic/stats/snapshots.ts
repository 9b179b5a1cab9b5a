import { desc, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { policyStats } from "../../db/schema";
import { driverOf, rollUpSnapshot } from "./rollups";
import { perConnection } from "../../db/per-connection";

/** One row of sdwan_policy_stats: a policy's counters at a snapshot. */
export interface PolicyStatsRow {
  stat_id: number;
  policy_id: number;
  timestamp: number;
  packets_matched: number;
  bytes_matched: number;
  active_flows: number;
}

export type PolicyCounters = Omit<PolicyStatsRow, "stat_id" | "timestamp">;

/**
 * Writes one snapshot row per policy, all with the snapshot's own time, and rolls them into the minute
 * and hour levels, in one transaction. Counters of a policy deleted since they were taken are dropped
 * (the row would point at nothing); returns how many rows were written.
 */
export function storePolicyStats(db: Db, { at, stats }: { at: number; stats: readonly PolicyCounters[] }): number {
  if (stats.length === 0) return 0;
  const { policyExists, insertRow } = statementsFor(db);
  return inOneTransaction(db, () => {
    const kept = stats.filter((s) => policyExists.get(s.policy_id) !== undefined);

    // Rolled up first: each rise is measured against the policy's row before this one.
    rollUpSnapshot(db, { at, rows: kept.map((s) => ({ ...s, at })) });
    for (const s of kept) insertRow.run(s.policy_id, at, s.packets_matched, s.bytes_matched, s.active_flows);
    return kept.length;
  });
}

/**
 * Runs `write` in a transaction, or in the caller's if one is open (writeSnapshot's): a nested transaction
 * is a SAVEPOINT, for which SQLite copies each page into a sub-journal before its first change, and that
 * tripled the cost of the snapshot's raw inserts (docs/database.md, "Figures"). The caller's transaction
 * rolls the whole snapshot back if this throws.
 */
export function inOneTransaction<T>(db: Db, write: () => T): T {
  return driverOf(db).inTransaction ? write() : db.transaction(write);
}

/**
 * Prepared once per connection, on the driver itself: the collector writes up to one row per policy every
 * snapshot while flows keep arriving, and drizzle's prepared statements cost 30-50 µs a row against 8-10 µs
 * directly (persistence.ts), most of a 1,000-policy snapshot's time (docs/database.md, "Figures").
 */
function prepareStatements(db: Db) {
  const driver = driverOf(db);
  return {
    policyExists: driver.prepare<[number], { id: number }>(
      "SELECT policy_id AS id FROM sdwan_policies WHERE policy_id = ?",
    ),
    insertRow: driver.prepare<[number, number, number, number, number]>(
      `INSERT INTO sdwan_policy_stats (policy_id, timestamp, packets_matched, bytes_matched, active_flows)
       VALUES (?, ?, ?, ?, ?)`,
    ),
  };
}

const statementsFor = perConnection(prepareStatements);

/** Each policy's latest snapshot row (get_latest_policy_stats in the Rust release, docs/database.md). */
export function getLatestPolicyStats(db: Db, { policyId }: { policyId: number }): PolicyStatsRow | undefined {
  return db
    .select()
    .from(policyStats)
    .where(eq(policyStats.policy_id, policyId))
    .orderBy(desc(policyStats.timestamp), desc(policyStats.stat_id))
    .limit(1)
    .get();
}

/** The latest snapshot row of every policy that has one: what the collector restores on start. */
export function getLatestStatsOfAllPolicies(db: Db): PolicyStatsRow[] {
  const latest = latestStatementOf(db);
  // Columns as arrays, made into rows here: drizzle's mapping of the same query cost 2-5x the read itself,
  // and the web reads this on every policies query while the collector is down (docs/database.md, "Figures").
  return (latest.all() as number[][]).map(([stat_id, policy_id, timestamp, packets, bytes, flows]) => ({
    stat_id: stat_id!,
    policy_id: policy_id!,
    timestamp: timestamp!,
    packets_matched: packets!,
    bytes_matched: bytes!,
    active_flows: flows!,
  }));
}

/**
 * The query of getLatestStatsOfAllPolicies, exported for its query-plan test. One index lookup per policy:
 * a GROUP BY over the snapshots walked the whole (policy_id, timestamp) index, 18-22 s at 259M rows.
 */
export const LATEST_STATS_SQL = `
  SELECT s.stat_id, s.policy_id, s.timestamp, s.packets_matched, s.bytes_matched, s.active_flows
  FROM sdwan_policies p JOIN sdwan_policy_stats s ON s.stat_id = (
    SELECT stat_id FROM sdwan_policy_stats WHERE policy_id = p.policy_id ORDER BY timestamp DESC, stat_id DESC LIMIT 1)
  ORDER BY p.policy_id`;

const latestStatementOf = perConnection((db: Db) => driverOf(db).prepare(LATEST_STATS_SQL).raw(true));

/** Deletes snapshot rows older than `before`; returns how many. */
export function pruneStatsBefore(db: Db, { before }: { before: number }): number {
  return db.delete(policyStats).where(lt(policyStats.timestamp, before)).run().changes;
}
