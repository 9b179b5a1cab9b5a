import { createMetricsCache, createRoutingCache } from "@patronus/core/cache";
import type { Db } from "@patronus/core/db";
import type { RoutingCaches } from "@patronus/core/routing";
import {
  CollectorUnavailableError,
  getLatestStatsOfAllPolicies,
  UNMATCHED_POLICY_ID,
  type CollectorClient,
  type PolicyStats,
  type TrafficTotals,
} from "@patronus/core/traffic";

/** Traffic counters for this request: live from the collector, or the latest snapshots when it is down. */
export interface TrafficView {
  source: "live" | "snapshot";
  at: number;
  byPolicy: Map<number, PolicyStats>;
  totals: TrafficTotals;
  /** Why the live figures are not there (only for source "snapshot"). */
  reason?: string;
}

export interface Context {
  db: Db;
  caches: RoutingCaches;
  collector: CollectorClient | undefined;
  /** Fetched at most once per request, however many fields ask. */
  traffic(): Promise<TrafficView>;
}

/** Pure: tests build a context directly; only the route knows about requests. */
export function createContext({
  db,
  collector,
  caches = { metrics: createMetricsCache(), routing: createRoutingCache() },
}: {
  db: Db;
  collector?: CollectorClient;
  caches?: RoutingCaches;
}): Context {
  let traffic: Promise<TrafficView> | undefined;
  return {
    db,
    caches,
    collector,
    traffic: () => (traffic ??= loadTraffic(db, collector)),
  };
}

async function loadTraffic(db: Db, collector: CollectorClient | undefined): Promise<TrafficView> {
  let reason = "no collector configured";
  if (collector) {
    try {
      const live = await collector.stats();
      return { source: "live", at: live.at, byPolicy: new Map(live.policies.map((p) => [p.policy_id, p])), totals: live.totals };
    } catch (error) {
      if (!(error instanceof CollectorUnavailableError)) throw error;
      reason = error.message;
    }
  }
  const rows = getLatestStatsOfAllPolicies(db);
  const byPolicy = new Map<number, PolicyStats>(
    rows.map((r) => [
      r.policy_id,
      { ...r, first_seen: r.timestamp, last_updated: r.timestamp },
    ]),
  );
  const totals = rows.reduce(
    (t, r) => ({ packets: t.packets + r.packets_matched, bytes: t.bytes + r.bytes_matched, active_flows: t.active_flows + r.active_flows }),
    { packets: 0, bytes: 0, active_flows: 0 },
  );
  const at = rows.reduce((latest, r) => Math.max(latest, r.timestamp), 0);
  byPolicy.delete(UNMATCHED_POLICY_ID);
  return { source: "snapshot", at, byPolicy, totals, reason };
}
