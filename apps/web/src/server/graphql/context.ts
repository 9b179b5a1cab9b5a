import { CacheRegistry, createMetricsCache, createRoutingCache } from "@patronus/core/cache";
import type { Db } from "@patronus/core/db";
import type { RoutingCaches } from "@patronus/core/routing";
import type { ApiTokenScope, UserRole } from "@patronus/core/users";
import { CollectorUnavailableError, type CollectorClient } from "@patronus/core/traffic/control";
import { getLatestStatsOfAllPolicies } from "@patronus/core/traffic/stats";
import { UNMATCHED_POLICY_ID } from "@patronus/core/traffic/match";
import { type PolicyStats, type TrafficTotals } from "@patronus/core/traffic/engine";

/** Traffic counters for this request: live from the collector, or the latest snapshots when it is down. */
export interface TrafficView {
  source: "live" | "snapshot";
  at: number;
  byPolicy: Map<number, PolicyStats>;
  totals: TrafficTotals;
  /** Why the live figures are not there (only for source "snapshot"). */
  reason?: string;
}

/** Who is asking: a signed-in user (session cookie) or a script (API token). */
export interface Viewer {
  id: number;
  email: string;
  role: UserRole;
  via: "session" | "token";
  /** An API token's scope; a `metrics` token may only post path metrics (guards.ts). */
  scope?: ApiTokenScope;
}

export interface Context {
  db: Db;
  /** Undefined for an anonymous request; the guards refuse it (see guards.ts). */
  viewer: Viewer | undefined;
  /** Why a request that tried to authenticate is anonymous (a bad or expired token). */
  authError?: string;
  caches: RoutingCaches;
  /** Every cache of this process, for cache statistics and clearing. */
  registry: CacheRegistry;
  collector: CollectorClient | undefined;
  /** Fetched at most once per request, however many fields ask. */
  traffic(): Promise<TrafficView>;
  /** The view once traffic() has settled: fields read it without a promise each (resolvers/counters.ts). */
  trafficNow(): TrafficView | undefined;
}

/** Pure: tests build a context directly; only the route knows about requests. */
export function createContext({
  db,
  viewer,
  authError,
  collector,
  caches = { metrics: createMetricsCache(), routing: createRoutingCache() },
  registry = registryOf(caches),
}: {
  db: Db;
  viewer?: Viewer;
  authError?: string;
  collector?: CollectorClient;
  caches?: RoutingCaches;
  registry?: CacheRegistry;
}): Context {
  let traffic: Promise<TrafficView> | undefined;
  let loaded: TrafficView | undefined;
  return {
    db,
    viewer,
    authError,
    caches,
    registry,
    collector,
    traffic: () => (traffic ??= loadTraffic(db, collector).then((view) => (loaded = view))),
    trafficNow: () => loaded,
  };
}

function registryOf(caches: RoutingCaches): CacheRegistry {
  const registry = new CacheRegistry();
  registry.register("path_metrics", caches.metrics);
  registry.register("routing_decisions", caches.routing);
  return registry;
}

/** Traffic counters as a request's traffic() reads them: live from the collector, or the latest snapshots. */
export async function loadTraffic(db: Db, collector: CollectorClient | undefined): Promise<TrafficView> {
  let reason = "no collector configured";
  if (collector) {
    try {
      const live = await collector.stats();
      return {
        source: "live",
        at: live.at,
        byPolicy: new Map(live.policies.map((p) => [p.policy_id, p])),
        totals: live.totals,
      };
    } catch (error) {
      if (!(error instanceof CollectorUnavailableError)) throw error;
      reason = error.message;
    }
  }
  const rows = getLatestStatsOfAllPolicies(db);
  const byPolicy = new Map<number, PolicyStats>(
    rows.map((r) => [r.policy_id, { ...r, first_seen: r.timestamp, last_updated: r.timestamp }]),
  );
  const totals = rows.reduce(
    (t, r) => ({
      packets: t.packets + r.packets_matched,
      bytes: t.bytes + r.bytes_matched,
      active_flows: t.active_flows + r.active_flows,
    }),
    { packets: 0, bytes: 0, active_flows: 0 },
  );
  const at = rows.reduce((latest, r) => Math.max(latest, r.timestamp), 0);
  byPolicy.delete(UNMATCHED_POLICY_ID);
  return { source: "snapshot", at, byPolicy, totals, reason };
}

/** A context whose viewer the guards have checked: what every resolver behind them receives (guards.ts). */
export type AuthedContext = Context & { viewer: Viewer };
