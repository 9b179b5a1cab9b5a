import type { Db } from "../db/client";
import { UNMATCHED_POLICY_ID } from "./policy-matcher";
import {
  getLatestStatsOfAllPolicies,
  loadCollectorState,
  saveCollectorState,
  storePolicyStats,
} from "./snapshots";
import type { PolicyStats, TrafficStatsCollector } from "./traffic-stats-collector";

const UNMATCHED_KEY = "unmatched_stats";

/**
 * Seeds a fresh collector with the counters of the last snapshot, so a restart continues counting
 * where the last snapshot left off (the original reset to zero). Live flows are not restored: they
 * are rebuilt from the next records. Returns how many policies were restored.
 */
export function restoreCollector(db: Db, collector: TrafficStatsCollector): number {
  const rows = getLatestStatsOfAllPolicies(db);
  for (const row of rows) {
    collector.restore(row.policy_id, {
      packets_matched: row.packets_matched,
      bytes_matched: row.bytes_matched,
      last_updated: row.timestamp,
    });
  }
  const unmatched = loadCollectorState<PolicyStats>(db, { key: UNMATCHED_KEY });
  if (unmatched) collector.restore(UNMATCHED_POLICY_ID, unmatched);
  return rows.length + (unmatched ? 1 : 0);
}

/**
 * Writes the counters of every policy that changed since `cursor` (one transaction, one timestamp)
 * and returns the cursor for the next call. If the write throws, the caller keeps its old cursor
 * and the same changes are written next time: nothing is lost.
 */
export function writeSnapshot(
  db: Db,
  collector: TrafficStatsCollector,
  { at, cursor }: { at: number; cursor: number },
): { cursor: number; rows: number } {
  const changed = collector.changedSince(cursor);
  const unmatched = changed.stats.find((s) => s.policy_id === UNMATCHED_POLICY_ID);
  const rows = db.transaction(() => {
    if (unmatched) saveCollectorState(db, { key: UNMATCHED_KEY, value: unmatched, at });
    return storePolicyStats(db, { at, stats: changed.stats.filter((s) => s.policy_id !== UNMATCHED_POLICY_ID) });
  });
  return { cursor: changed.cursor, rows };
}
