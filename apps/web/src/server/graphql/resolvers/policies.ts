import { listPolicies } from "@patronus/core/policies";
import type { Resolvers } from "../generated/resolvers";

export const policiesResolvers: Resolvers = {
  Query: {
    policies: (_, __, ctx) => listPolicies(ctx.db),
  },
  Policy: {
    id: (policy) => policy.policy_id,
    match_rules: (policy) => JSON.stringify(policy.match_rules),
    packets_matched: async (policy, _, ctx) =>
      (await ctx.traffic()).byPolicy.get(policy.policy_id)?.packets_matched ?? 0,
    bytes_matched: async (policy, _, ctx) => (await ctx.traffic()).byPolicy.get(policy.policy_id)?.bytes_matched ?? 0,
    active_flows: async (policy, _, ctx) => (await ctx.traffic()).byPolicy.get(policy.policy_id)?.active_flows ?? 0,
  },
};
