import { getPolicy, listPolicies, type MatchRules, type PortRange } from "@patronus/core/policies";
import type { Resolvers } from "../generated/resolvers";
import { counterOf, loadCountersFor } from "./counters";

/** A range as MatchRulesInput takes it back: "443" or "10000-20000". */
const portText = ({ from, to }: PortRange) => (from === to ? String(from) : `${from}-${to}`);

/** A policy's match rules as the API's MatchRules gives them: every list present, ports as text. */
export function rulesOf(r: MatchRules) {
  return {
    source_cidrs: r.source_cidrs ?? [],
    destination_cidrs: r.destination_cidrs ?? [],
    source_ports: (r.source_ports ?? []).map(portText),
    destination_ports: (r.destination_ports ?? []).map(portText),
    protocols: r.protocols ?? [],
    dscp: r.dscp ?? [],
  };
}

export const policiesResolvers: Resolvers = {
  Query: {
    policies: async (_, __, ctx, info) => {
      await loadCountersFor(ctx, info);
      return listPolicies(ctx.db);
    },
    policy: (_, { id }, ctx) => {
      const policyId = Number(id);
      return Number.isSafeInteger(policyId) && policyId > 0 ? (getPolicy(ctx.db, { policyId }) ?? null) : null;
    },
  },
  Policy: {
    id: (policy) => policy.policy_id,
    match_rules: (policy) => JSON.stringify(policy.match_rules),
    rules: (policy) => rulesOf(policy.match_rules),
    packets_matched: (policy, _, ctx) => counterOf(ctx, policy.policy_id, "packets_matched"),
    bytes_matched: (policy, _, ctx) => counterOf(ctx, policy.policy_id, "bytes_matched"),
    active_flows: (policy, _, ctx) => counterOf(ctx, policy.policy_id, "active_flows"),
  },
};
