import { and, asc, desc, eq, inArray, lt, max } from "drizzle-orm";
import type { Db } from "../db/client";
import { collectorState, policies, policyStats } from "../db/schema";

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
  return db.transaction((tx) => {
    const ids = stats.map((s) => s.policy_id);
    const existing = new Set(
      tx.select({ id: policies.policy_id }).from(policies).where(inArray(policies.policy_id, ids)).all().map((r) => r.id),
    );
    const rows = stats
      .filter((s) => existing.has(s.policy_id))
      .map((s) => ({
        policy_id: s.policy_id,
        timestamp: at,
        packets_matched: s.packets_matched,
        bytes_matched: s.bytes_matched,
        active_flows: s.active_flows,
      }));
    // SQLite binds at most 32766 parameters a statement; 5 a row.
    for (let i = 0; i < rows.length; i += 5000) tx.insert(policyStats).values(rows.slice(i, i + 5000)).run();
    return rows.length;
  });
}

/** The spec's get_latest_policy_stats. */
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

export function saveCollectorState(db: Db, { key, value, at }: { key: string; value: unknown; at: number }): void {
  const json = JSON.stringify(value);
  db.insert(collectorState)
    .values({ key, value: json, updated_at: at })
    .onConflictDoUpdate({ target: collectorState.key, set: { value: json, updated_at: at } })
    .run();
}

export function loadCollectorState<T>(db: Db, { key }: { key: string }): T | undefined {
  const row = db.select({ value: collectorState.value }).from(collectorState).where(eq(collectorState.key, key)).get();
  return row === undefined ? undefined : (JSON.parse(row.value) as T);
}
