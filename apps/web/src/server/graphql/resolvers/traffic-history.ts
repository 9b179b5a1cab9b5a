import { getTrafficHistoryWithPolicies } from "@patronus/core/traffic/stats";
import type { Context } from "../context";

interface HistoryArgs {
  from: number;
  to: number;
  policy_id?: number | null;
  max_buckets?: number | null;
}

export const trafficHistoryResolvers = {
  Query: {
    // One pass over the range gives the totals and by_policy; grouping rows already read costs little.
    traffic_history: (_: unknown, args: HistoryArgs, ctx: Context) =>
      getTrafficHistoryWithPolicies(ctx.db, {
        from: args.from,
        to: args.to,
        policyId: args.policy_id ?? undefined,
        maxBuckets: args.max_buckets ?? undefined,
      }),
  },
};
