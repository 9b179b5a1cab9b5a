import { getPolicy, listPolicies, type PortRange } from "@patronus/core/policies";
import type { Resolvers } from "../generated/resolvers";

/** A range as MatchRulesInput takes it back: "443" or "10000-20000". */
const portText = ({ from, to }: PortRange) => (from === to ? String(from) : `${from}-${to}`);

export const policiesResolvers: Resolvers = {
  Query: {
    policies: (_, __, ctx) => listPolicies(ctx.db),
    policy: (_, { id }, ctx) => {
      const policyId = Number(id);
      return Number.isSafeInteger(policyId) && policyId > 0 ? (getPolicy(ctx.db, { policyId }) ?? null) : null;
    },
  },
  Policy: {
    id: (policy) => policy.policy_id,
    match_rules: (policy) => JSON.stringify(policy.match_rules),
    rules: ({ match_rules: r }) => ({
      source_cidrs: r.source_cidrs ?? [],
      destination_cidrs: r.destination_cidrs ?? [],
      source_ports: (r.source_ports ?? []).map(portText),
      destination_ports: (r.destination_ports ?? []).map(portText),
      protocols: r.protocols ?? [],
      dscp: r.dscp ?? [],
    }),
    packets_matched: async (policy, _, ctx) =>
      (await ctx.traffic()).byPolicy.get(policy.policy_id)?.packets_matched ?? 0,
    bytes_matched: async (policy, _, ctx) => (await ctx.traffic()).byPolicy.get(policy.policy_id)?.bytes_matched ?? 0,
    active_flows: async (policy, _, ctx) => (await ctx.traffic()).byPolicy.get(policy.policy_id)?.active_flows ?? 0,
  },
};
