import {
  countPolicyDependencies,
  createPolicy,
  deletePolicy,
  reorderPolicies,
  setPolicyEnabled,
  updatePolicy,
  type Policy,
  type PolicyPatch,
} from "@patronus/core/policies";
import type { Context } from "../context";
import { given, optionalRowId, rowId } from "./input-ids";

type Nullable<T> = { [K in keyof T]?: T[K] | null };

interface MatchRulesInput {
  source_cidrs?: string[] | null;
  destination_cidrs?: string[] | null;
  source_ports?: string[] | null;
  destination_ports?: string[] | null;
  protocols?: number[] | null;
  dscp?: number[] | null;
}

type PolicyFields = Nullable<Omit<PolicyPatch, "match_rules" | "pinned_path_id">> & {
  match_rules?: MatchRulesInput | null;
  pinned_path_id?: string | null;
};

/** The input's fields for core: nulls left out, except pinned_path_id, whose null unpins. */
function policyFields(input: PolicyFields): PolicyPatch {
  const { match_rules, pinned_path_id, ...rest } = input;
  const pinned = optionalRowId(pinned_path_id, "pinned_path_id");
  return {
    ...given(rest),
    ...(match_rules ? { match_rules: given(match_rules) } : {}),
    ...(pinned === undefined ? {} : { pinned_path_id: pinned }),
  };
}

const policyId = (id: string) => rowId(id, "policy_id");

// Each mutation is one core service, which validates, audits under the viewer and announces the change;
// the collector rebuilds its matcher from the database within its reload interval.
export const policyChangesResolvers = {
  Query: {
    policy_dependencies: (_: unknown, { policy_id }: { policy_id: string }, ctx: Context) =>
      countPolicyDependencies(ctx.db, { policyId: policyId(policy_id) }),
  },
  Mutation: {
    createPolicy: (_: unknown, { input }: { input: PolicyFields & { name: string; priority: number } }, ctx: Context) =>
      createPolicy(ctx.db, {
        ...policyFields(input),
        name: input.name,
        priority: input.priority,
        actor: ctx.viewer!.email,
      }),
    updatePolicy: (_: unknown, { policy_id, input }: { policy_id: string; input: PolicyFields }, ctx: Context) =>
      updatePolicy(ctx.db, { ...policyFields(input), policyId: policyId(policy_id), actor: ctx.viewer!.email }),
    setPolicyEnabled: (_: unknown, { policy_id, enabled }: { policy_id: string; enabled: boolean }, ctx: Context) =>
      setPolicyEnabled(ctx.db, { policyId: policyId(policy_id), enabled, actor: ctx.viewer!.email }),
    deletePolicy: (_: unknown, { policy_id }: { policy_id: string }, ctx: Context) => {
      const removed = deletePolicy(ctx.db, { policyId: policyId(policy_id), actor: ctx.viewer!.email });
      return {
        policy_id: removed.policy_id,
        name: removed.name,
        stats_rows_deleted: removed.stats_rows,
        audit_id: removed.audit_id,
      };
    },
    reorderPolicies: (
      _: unknown,
      { priorities }: { priorities: { policy_id: string; priority: number }[] },
      ctx: Context,
    ): Policy[] =>
      reorderPolicies(ctx.db, {
        priorities: priorities.map((p, i) => ({
          policy_id: rowId(p.policy_id, `priorities[${i}].policy_id`),
          priority: p.priority,
        })),
        actor: ctx.viewer!.email,
      }),
  },
};
