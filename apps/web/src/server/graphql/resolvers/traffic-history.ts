import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { readTrafficHistory } from "../../history-pool";
import type { Resolvers } from "../generated/resolvers";

export const trafficHistoryResolvers: Resolvers = {
  Query: {
    // On a reader thread (history-pool.ts). by_policy reads every policy's rows; the totals alone read
    // one row a bucket, so it is read only when asked for. The two come from one pass when it is, and only
    // the top policies and the rest's sum cross back: 1,000 series held this thread for seconds.
    traffic_history: async (_, args, ctx, info) => {
      const params = {
        from: args.from,
        to: args.to,
        policyId: args.policy_id ?? undefined,
        maxBuckets: args.max_buckets ?? undefined,
      };
      if (!asksFor(info, "by_policy") && !asksFor(info, "other_policies"))
        return {
          ...(await readTrafficHistory(ctx.db, { kind: "totals", params })),
          by_policy: [],
          other_policies: null,
        };
      const topPolicies = args.top_policies ?? undefined;
      return readTrafficHistory(ctx.db, { kind: "with_policies", params: { ...params, topPolicies } });
    },
  },
};

/** Whether the query selects `field` on this field's result, directly or through fragments. */
function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === field
        : s.kind === Kind.INLINE_FRAGMENT
          ? visit(s.selectionSet)
          : visit(info.fragments[s.name.value]?.selectionSet),
    ) ?? false;
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
