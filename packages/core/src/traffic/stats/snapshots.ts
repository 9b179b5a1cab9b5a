import { and, asc, desc, eq, lt, max, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { policies, policyStats } from "../../db/schema";

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
 * Writes one snapshot row per policy in one transaction, all with the snapshot's own time. Counters of
 * a policy deleted since they were taken are dropped (the row would point at nothing); returns how many
 * rows were written.
 */
export function storePolicyStats(db: Db, { at, stats }: { at: number; stats: readonly PolicyCounters[] }): number {
  if (stats.length === 0) return 0;
  const { policyExists, insertRow } = statementsFor(db);
  return db.transaction(() => {
    let written = 0;
    for (const s of stats) {
      if (!policyExists.get({ id: s.policy_id })) continue;
      insertRow.run({ ...s, timestamp: at });
      written++;
    }
    return written;
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
  const latest = db
    .select({ policy_id: policyStats.policy_id, at: max(policyStats.timestamp).as("at") })
    .from(policyStats)
    .groupBy(policyStats.policy_id)
    .as("latest");
  return db
    .select({
      stat_id: policyStats.stat_id,
      policy_id: policyStats.policy_id,
      timestamp: policyStats.timestamp,
      packets_matched: policyStats.packets_matched,
      bytes_matched: policyStats.bytes_matched,
      active_flows: policyStats.active_flows,
    })
    .from(policyStats)
    .innerJoin(latest, and(eq(latest.policy_id, policyStats.policy_id), eq(latest.at, policyStats.timestamp)))
    .orderBy(asc(policyStats.policy_id))
    .all();
}

/** Deletes snapshot rows older than `before`; returns how many. */
export function pruneStatsBefore(db: Db, { before }: { before: number }): number {
  return db.delete(policyStats).where(lt(policyStats.timestamp, before)).run().changes;
}
