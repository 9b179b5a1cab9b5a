import { listPolicies, type Policy } from "@patronus/core/policies";
import type { Context } from "../context";

export const policiesResolvers = {
  Query: {
    policies: (_: unknown, __: unknown, ctx: Context) => listPolicies(ctx.db),
  },
  Policy: {
    id: (policy: Policy) => policy.policy_id,
    match_rules: (policy: Policy) => JSON.stringify(policy.match_rules),
    packets_matched: async (policy: Policy, _: unknown, ctx: Context) =>
      (await ctx.traffic()).byPolicy.get(policy.policy_id)?.packets_matched ?? 0,
    bytes_matched: async (policy: Policy, _: unknown, ctx: Context) =>
      (await ctx.traffic()).byPolicy.get(policy.policy_id)?.bytes_matched ?? 0,
    active_flows: async (policy: Policy, _: unknown, ctx: Context) =>
      (await ctx.traffic()).byPolicy.get(policy.policy_id)?.active_flows ?? 0,
  },
};
