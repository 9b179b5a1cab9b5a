import { ValidationError } from "@patronus/core/errors";
import { listPolicies, type MatchRules, type Policy } from "@patronus/core/policies";
import { flowKey, PolicyMatcher, UNMATCHED_POLICY_ID } from "@patronus/core/traffic/match";
import type { FlowInput, Resolvers } from "../generated/resolvers";

/** The most passed-over policies one answer lists; the rest are counted (passed_over_more). */
const MAX_PASSED_OVER = 20;

/** The order a policy's rules are tried in when saying which one a flow fails. */
const RULES: readonly (keyof MatchRules)[] = [
  "source_cidrs",
  "destination_cidrs",
  "source_ports",
  "destination_ports",
  "protocols",
  "dscp",
];

/** flowKey names FlowKeyInput's fields; a form shows errors beside FlowInput's. */
const FLOW_FIELDS: Record<string, string> = {
  src: "source",
  dst: "destination",
  srcPort: "source_port",
  dstPort: "destination_port",
};

function recordOf(flow: FlowInput) {
  try {
    return flowKey({
      src: flow.source,
      dst: flow.destination,
      srcPort: flow.source_port,
      dstPort: flow.destination_port,
      protocol: flow.protocol,
      dscp: flow.dscp ?? undefined,
    });
  } catch (e) {
    if (!(e instanceof ValidationError) || !e.field) throw e;
    const field = FLOW_FIELDS[e.field] ?? e.field;
    throw new ValidationError(e.message.replace(e.field, field), field);
  }
}

/**
 * The first rule of `policy` that `record` fails, asked of core's own matcher compiled over that one rule,
 * so the explanation cannot disagree with what the collector counts.
 */
function failedRule(policy: Policy, record: ReturnType<typeof flowKey>): string {
  for (const rule of RULES) {
    if (policy.match_rules[rule] === undefined) continue;
    const alone = new PolicyMatcher([
      { policy_id: 1, priority: 0, enabled: true, match_rules: { [rule]: policy.match_rules[rule] } },
    ]);
    if (alone.match(record) === UNMATCHED_POLICY_ID) return rule;
  }
  return "none"; // unreachable while the matcher and this loop agree; said rather than thrown
}

export const flowPolicyResolvers: Resolvers = {
  Query: {
    flow_policy: (_, { flow }, ctx) => {
      const record = recordOf(flow);
      const enabled = listPolicies(ctx.db).filter((p) => p.enabled); // ranked as the matcher ranks them
      const matchedId = new PolicyMatcher(enabled).match(record);
      const rank = enabled.findIndex((p) => p.policy_id === matchedId);
      const policy = rank === -1 ? null : enabled[rank]!;
      const above = rank === -1 ? enabled : enabled.slice(0, rank);
      const passedOver = above.slice(0, MAX_PASSED_OVER).map((p) => ({
        policy_id: p.policy_id,
        name: p.name,
        priority: p.priority,
        failed_rule: failedRule(p, record),
      }));
      const reason = policy
        ? `policy "${policy.name}" (priority ${policy.priority}) is the highest-ranked enabled policy whose every rule matches` +
          (above.length === 0 ? "" : `; ${above.length} ranked above it passed the flow over`)
        : `no enabled policy matches this flow (${enabled.length} tried): it is counted as unmatched`;
      return { policy, reason, passed_over: passedOver, passed_over_more: above.length - passedOver.length };
    },
  },
};
