import { and, eq, ne } from "drizzle-orm";
import { aliasedTable } from "drizzle-orm";
import type { Cache, PathMetricsSnapshot, RoutingDecision } from "../cache";
import type { Db } from "../db/client";
import { endpoints, paths } from "../db/schema";
import type { EventBus } from "../events";
import { listPolicies, policiesVersion, type Policy } from "../policies";
import { getLatestPathMetrics } from "../sites";
import { formatIPv4, formatIPv6 } from "../net/ip";
import { flowKey, type FlowKeyInput } from "../traffic/match/flow-key";
import { PolicyMatcher, UNMATCHED_POLICY_ID } from "../traffic/match/policy-matcher";

export interface RoutingCaches {
  metrics: Cache<number, PathMetricsSnapshot>;
  routing: Cache<string, RoutingDecision>;
}

export interface RouteQuery {
  sourceSiteId: string;
  destinationSiteId: string;
  flow: FlowKeyInput;
}

interface Candidate {
  path_id: number;
  cost_per_gb: number;
  metrics: PathMetricsSnapshot | undefined;
}

/** The latest metrics of a path through the metrics cache; a miss reads the database and fills it. */
export function latestPathMetrics(
  db: Db,
  { pathId }: { pathId: number },
  caches: Pick<RoutingCaches, "metrics">,
): PathMetricsSnapshot | undefined {
  const cached = caches.metrics.get(pathId);
  if (cached) return cached;
  const row = getLatestPathMetrics(db, { pathId });
  if (!row) return undefined;
  const { id: _id, ...snapshot } = row;
  caches.metrics.insert(pathId, snapshot);
  return snapshot;
}

const source = aliasedTable(endpoints, "source");
const destination = aliasedTable(endpoints, "destination");

/**
 * Which path a flow between two sites takes: the policy it matches (highest priority, ties by lower
 * id), then that policy's pinned path if it joins these sites, else the best usable path by the
 * policy's preference, scored from the latest metrics. Answers come from the routing cache when it
 * holds one (`cached: true`).
 */
export function decideRoute(
  db: Db,
  query: RouteQuery,
  caches: RoutingCaches,
  now: () => number = Date.now,
): { decision: RoutingDecision; cached: boolean } {
  const record = flowKey(query.flow); // validates the flow before it becomes a cache key
  // The key is built from parsed values, so every spelling of an address shares one entry.
  const [src, dst] =
    record.ipVersion === 4
      ? [formatIPv4(record.src4), formatIPv4(record.dst4)]
      : [formatIPv6(record.src6), formatIPv6(record.dst6)];
  const key = [
    query.sourceSiteId,
    query.destinationSiteId,
    src,
    dst,
    record.srcPort,
    record.dstPort,
    record.protocol,
    record.dscp,
  ].join("|");
  const hit = caches.routing.get(key);
  if (hit) return { decision: hit, cached: true };

  const { matcher, byId } = compiledPolicies(db);
  const policyId = matcher.match(record);
  const policy = byId.get(policyId);
  const decision = policy
    ? choosePath(db, query, policy, caches, now())
    : { policy_id: null, path_id: null, reason: "no enabled policy matches this flow", decided_at: now() };
  caches.routing.insert(key, decision);
  return { decision, cached: false };
}

function choosePath(db: Db, query: RouteQuery, policy: Policy, caches: RoutingCaches, at: number): RoutingDecision {
  const label = `policy "${policy.name}" (priority ${policy.priority})`;
  const candidates: Candidate[] = db
    .select({ path_id: paths.id, cost_per_gb: source.cost_per_gb })
    .from(paths)
    .innerJoin(source, eq(source.id, paths.source_endpoint_id))
    .innerJoin(destination, eq(destination.id, paths.destination_endpoint_id))
    .where(
      and(
        eq(source.site_id, query.sourceSiteId),
        eq(destination.site_id, query.destinationSiteId),
        ne(paths.status, "down"),
      ),
    )
    .all()
    .map((c) => ({ ...c, metrics: latestPathMetrics(db, { pathId: c.path_id }, caches) }));

  if (candidates.length === 0) {
    return {
      policy_id: policy.policy_id,
      path_id: null,
      reason: `${label} matched, but no usable path joins these sites`,
      decided_at: at,
    };
  }
  const pinned = candidates.find((c) => c.path_id === policy.pinned_path_id);
  if (pinned) {
    return {
      policy_id: policy.policy_id,
      path_id: pinned.path_id,
      reason: `${label} is pinned to path ${pinned.path_id}`,
      decided_at: at,
    };
  }
  const { score, describe } = preferences[policy.path_preference];
  // Lower score wins; ties go to the lower path id. Paths without metrics rank last.
  const ranked = [...candidates].sort(
    (a, b) => (a.metrics ? score(a) : Infinity) - (b.metrics ? score(b) : Infinity) || a.path_id - b.path_id,
  );
  const best = ranked[0]!;
  const pinNote =
    policy.pinned_path_id === null ? "" : ` (its pinned path ${policy.pinned_path_id} does not join these sites)`;
  return {
    policy_id: policy.policy_id,
    path_id: best.path_id,
    reason: `${label} prefers ${policy.path_preference.replaceAll("_", " ")}${pinNote}: path ${best.path_id} ${describe(best)} of ${candidates.length} candidate${candidates.length === 1 ? "" : "s"}`,
    decided_at: at,
  };
}

const preferences: Record<
  Policy["path_preference"],
  { score: (c: Candidate) => number; describe: (c: Candidate) => string }
> = {
  lowest_latency: { score: (c) => c.metrics!.latency_ms, describe: (c) => `at ${c.metrics?.latency_ms ?? "?"} ms` },
  lowest_loss: {
    score: (c) => c.metrics!.packet_loss_pct,
    describe: (c) => `at ${c.metrics?.packet_loss_pct ?? "?"}% loss`,
  },
  highest_bandwidth: {
    score: (c) => -c.metrics!.bandwidth_mbps,
    describe: (c) => `at ${c.metrics?.bandwidth_mbps ?? "?"} Mbit/s`,
  },
  lowest_cost: { score: (c) => c.cost_per_gb, describe: (c) => `at ${c.cost_per_gb} per GB` },
};

const compiled = new WeakMap<Db, { version: string; matcher: PolicyMatcher; byId: Map<number, Policy> }>();

/** The policy matcher for this database, rebuilt only when the policies change. */
function compiledPolicies(db: Db): { matcher: PolicyMatcher; byId: Map<number, Policy> } {
  const version = policiesVersion(db);
  const current = compiled.get(db);
  if (current?.version === version) return current;
  const policies = listPolicies(db);
  const next = { version, matcher: new PolicyMatcher(policies), byId: new Map(policies.map((p) => [p.policy_id, p])) };
  next.byId.delete(UNMATCHED_POLICY_ID);
  compiled.set(db, next);
  return next;
}

/**
 * Keeps the caches correct between expiries: a policy change clears every routing decision; new
 * metrics, a deleted site or an edited path or endpoint drop those paths' metrics (and decisions,
 * which may name the paths).
 * Returns the unsubscribe function.
 */
export function invalidateRoutingCaches(events: EventBus, caches: RoutingCaches): () => void {
  return events.subscribe((event) => {
    if (event.type === "policies_changed") {
      caches.routing.clear();
    } else if (
      event.type === "path_metrics_recorded" ||
      event.type === "site_deleted" ||
      // A path's status, an endpoint's cost or reachability, a deletion: all change which path wins.
      event.type === "network_changed"
    ) {
      for (const pathId of event.path_ids) caches.metrics.remove(pathId);
      caches.routing.clear();
    }
  });
}
