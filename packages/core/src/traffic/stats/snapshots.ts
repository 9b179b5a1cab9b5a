import { asc, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { policies, policyStats } from "../../db/schema";
import { rollUpSnapshot } from "./rollups";

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
  return db.transaction(() => {
    const kept = stats.filter((s) => policyExists.get({ id: s.policy_id }) !== undefined);
    // Rolled up first: each rise is measured against the policy's row before this one.
    rollUpSnapshot(db, { at, rows: kept.map((s) => ({ ...s, at })) });
    for (const s of kept) insertRow.run({ ...s, timestamp: at });
    return kept.length;
  });
}

/**
 * Prepared once per connection: the collector writes up to one row per policy every snapshot while
 * flows keep arriving, and building one drizzle insert of 1,000 rows blocked the event loop for 20-40 ms
 * (longer than an 8 MB receive buffer lasts at 3M records/s); prepared statements take a few ms.
 */
function prepareStatements(db: Db) {
  const placeholder = (name: string) => sql.placeholder(name);
  return {
    policyExists: db
      .select({ id: policies.policy_id })
      .from(policies)
      .where(eq(policies.policy_id, placeholder("id")))
      .prepare(),
    insertRow: db
      .insert(policyStats)
      .values({
        policy_id: placeholder("policy_id"),
        timestamp: placeholder("timestamp"),
        packets_matched: placeholder("packets_matched"),
        bytes_matched: placeholder("bytes_matched"),
        active_flows: placeholder("active_flows"),
      })
      .prepare(),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

function statementsFor(db: Db): ReturnType<typeof prepareStatements> {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = prepareStatements(db)));
  return statements;
}

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
  return latestStatsQuery(db).all();
}

/**
 * The query of getLatestStatsOfAllPolicies, exported for its query-plan test. One index lookup per policy:
 * a GROUP BY over the snapshots walked the whole (policy_id, timestamp) index, 18-22 s at 259M rows.
 */
export function latestStatsQuery(db: Db) {
  const latestId = db
    .select({ id: policyStats.stat_id })
    .from(policyStats)
    .where(eq(policyStats.policy_id, policies.policy_id))
    .orderBy(desc(policyStats.timestamp), desc(policyStats.stat_id))
    .limit(1);
  return db
    .select({
      stat_id: policyStats.stat_id,
      policy_id: policyStats.policy_id,
      timestamp: policyStats.timestamp,
      packets_matched: policyStats.packets_matched,
      bytes_matched: policyStats.bytes_matched,
      active_flows: policyStats.active_flows,
    })
    .from(policies)
    .innerJoin(policyStats, eq(policyStats.stat_id, sql`(${latestId})`))
    .orderBy(asc(policies.policy_id));
}

/** Deletes snapshot rows older than `before`; returns how many. */
export function pruneStatsBefore(db: Db, { before }: { before: number }): number {
  return db.delete(policyStats).where(lt(policyStats.timestamp, before)).run().changes;
}
