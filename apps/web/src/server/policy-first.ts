import type { Db } from "@patronus/core/db";
import type { Policy } from "@patronus/core/policies";
import type { CollectorClient } from "@patronus/core/traffic/control";
import type { PolicyDetailQuery } from "~/graphql/graphql";
import { loadTraffic } from "./graphql/context";
import { rulesOf } from "./graphql/resolvers/policies";

/**
 * A policy's page's first answer, read with the page through the services the PolicyDetail query's
 * resolvers call (the live counters too), in the query's shape: so the page's HTML carries the policy
 * and, with its first range (traffic-first.ts), its charts drawn. `policy` is what the page read to
 * know it is there. Undefined when the counters' read fails: the page's own query then asks and shows
 * the answer.
 */
export async function readFirstPolicy(
  db: Db,
  { policy, collector }: { policy: Policy; collector?: CollectorClient },
): Promise<PolicyDetailQuery | undefined> {
  const { match_rules, policy_id, ...fields } = policy;
  try {
    const counters = (await loadTraffic(db, collector)).byPolicy.get(policy_id);
    return {
      policy: {
        ...fields,
        id: String(policy_id),
        rules: rulesOf(match_rules),
        packets_matched: counters?.packets_matched ?? 0,
        bytes_matched: counters?.bytes_matched ?? 0,
        active_flows: counters?.active_flows ?? 0,
      },
    };
  } catch {
    return undefined;
  }
}
