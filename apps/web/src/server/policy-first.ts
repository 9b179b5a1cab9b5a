import type { Db } from "@patronus/core/db";
import type { Policy } from "@patronus/core/policies";
import type { CollectorClient } from "@patronus/core/traffic/control";
import type { PolicyDetailQuery } from "~/graphql/graphql";
import { loadTraffic } from "./graphql/context";
import { rulesOf } from "./graphql/resolvers/policies";

/**
 * How long the page waits for the collector's live counters before it shows the latest snapshot's: the
 * rules and charts need no collector, so a hung one must not hold the page (the control client would
 * wait 2 s), and the page's own query brings the live figures moments later.
 */
export const LIVE_COUNTERS_WAIT_MS = 250;

/**
 * A policy's page's first answer, read with the page through the services the PolicyDetail query's
 * resolvers call (the live counters too, within LIVE_COUNTERS_WAIT_MS), in the query's shape: so the
 * page's HTML carries the policy and, with its first range (traffic-first.ts), its charts drawn. `policy`
 * is what the page read to know it is there; only the query's fields go into the page. Undefined when
 * the counters' read fails: the page's own query then asks and shows the answer.
 */
export async function readFirstPolicy(
  db: Db,
  { policy, collector }: { policy: Policy; collector?: CollectorClient },
): Promise<PolicyDetailQuery | undefined> {
  try {
    const traffic = await withinOr(loadTraffic(db, collector), LIVE_COUNTERS_WAIT_MS, () => loadTraffic(db, undefined));
    const counters = traffic.byPolicy.get(policy.policy_id);
    return {
      policy: {
        id: String(policy.policy_id),
        name: policy.name,
        description: policy.description,
        priority: policy.priority,
        enabled: policy.enabled,
        path_preference: policy.path_preference,
        pinned_path_id: policy.pinned_path_id,
        rules: rulesOf(policy.match_rules),
        created_at: policy.created_at,
        updated_at: policy.updated_at,
        packets_matched: counters?.packets_matched ?? 0,
        bytes_matched: counters?.bytes_matched ?? 0,
        active_flows: counters?.active_flows ?? 0,
      },
    };
  } catch {
    return undefined;
  }
}

const LATE = Symbol("late");

/** `promise`'s value if it settles within `ms`, else `fallback()`'s; a late failure is dropped, not unhandled. */
async function withinOr<T>(promise: Promise<T>, ms: number, fallback: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(resolve, ms, LATE)));
  try {
    const first = await Promise.race([promise, late]);
    return first === LATE ? await fallback() : first;
  } finally {
    clearTimeout(timer);
    promise.catch(() => undefined);
  }
}
