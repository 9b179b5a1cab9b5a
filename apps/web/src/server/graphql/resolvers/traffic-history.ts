import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { readTrafficHistory } from "../../history-pool";
import type { Resolvers } from "../generated/resolvers";

export const trafficHistoryResolvers: Resolvers = {
  Query: {
    // On a reader thread (history-pool.ts). by_policy reads every policy's rows; the totals alone read
    // one row a bucket, so it is read only when asked for. The two come from one pass when it is.
    traffic_history: async (_, args, ctx, info) => {
      const params = {
        from: args.from,
        to: args.to,
        policyId: args.policy_id ?? undefined,
        maxBuckets: args.max_buckets ?? undefined,
      };
      const kind = asksFor(info, "by_policy") ? "with_policies" : "totals";
      const history = await readTrafficHistory(ctx.db, { kind, params });
      return { ...history, by_policy: history.by_policy ?? [] };
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
