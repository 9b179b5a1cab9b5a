import { listPolicies, type Policy } from "@patronus/core/policies";
import type { Context } from "../context";

export const policiesResolvers = {
  Query: {
    policies: (_: unknown, __: unknown, ctx: Context) => listPolicies(ctx.db),
  },
  Policy: {
    id: (policy: Policy) => policy.policy_id,
    match_rules: (policy: Policy) => JSON.stringify(policy.match_rules),
  },
};
