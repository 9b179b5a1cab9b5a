import { getTrafficHistory, getTrafficHistoryByPolicy, type TrafficHistory } from "@patronus/core/traffic";
import type { Context } from "../context";

interface HistoryArgs {
  from: number;
  to: number;
  policy_id?: number | null;
  max_buckets?: number | null;
}

/** What by_policy needs to repeat the query: the history and the bucket bound it was asked with. */
type HistoryParent = TrafficHistory & { max_buckets?: number };

export const trafficHistoryResolvers = {
  Query: {
    traffic_history: (_: unknown, args: HistoryArgs, ctx: Context): HistoryParent => {
      const maxBuckets = args.max_buckets ?? undefined;
      const history = getTrafficHistory(ctx.db, { from: args.from, to: args.to, policyId: args.policy_id ?? undefined, maxBuckets });
      return { ...history, max_buckets: maxBuckets };
    },
  },
  TrafficHistory: {
    // A second pass over the range, made only when a client asks for it.
    by_policy: (parent: HistoryParent, _: unknown, ctx: Context) =>
      getTrafficHistoryByPolicy(ctx.db, { from: parent.from, to: parent.to, policyId: parent.policy_id ?? undefined, maxBuckets: parent.max_buckets })
        .policies,
  },
};
