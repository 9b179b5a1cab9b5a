import { getTrafficHistoryWithPolicies } from "@patronus/core/traffic/stats";
import type { Resolvers } from "../generated/resolvers";

export const trafficHistoryResolvers: Resolvers = {
  Query: {
    // One pass over the range gives the totals and by_policy; grouping rows already read costs little.
    traffic_history: (_, args, ctx) =>
      getTrafficHistoryWithPolicies(ctx.db, {
        from: args.from,
        to: args.to,
        policyId: args.policy_id ?? undefined,
        maxBuckets: args.max_buckets ?? undefined,
      }),
  },
};
