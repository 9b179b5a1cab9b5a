import {
  countPolicyDependencies,
  createPolicy,
  deletePolicy,
  reorderPolicies,
  setPolicyEnabled,
  updatePolicy,
  type PolicyPatch,
} from "@patronus/core/policies";
import type { PolicyPatch as PolicyPatchInput, Resolvers } from "../generated/resolvers";
import { given, optionalRowId, rowId } from "./input-ids";

/** The input's fields for core: nulls left out, except pinned_path_id, whose null unpins. */
export function policyFields(input: PolicyPatchInput): PolicyPatch {
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
// the collector rebuilds its matcher from the database within its poll interval.
export const policyChangesResolvers: Resolvers = {
  Query: {
    policy_dependencies: (_, { policy_id }, ctx) => countPolicyDependencies(ctx.db, { policyId: policyId(policy_id) }),
  },
  Mutation: {
    createPolicy: (_, { input }, ctx) =>
      createPolicy(ctx.db, {
        ...policyFields(input),
        name: input.name,
        priority: input.priority,
        actor: ctx.viewer.email,
      }),
    updatePolicy: (_, { policy_id, input }, ctx) =>
      updatePolicy(ctx.db, { ...policyFields(input), policyId: policyId(policy_id), actor: ctx.viewer.email }),
    setPolicyEnabled: (_, { policy_id, enabled }, ctx) =>
      setPolicyEnabled(ctx.db, { policyId: policyId(policy_id), enabled, actor: ctx.viewer.email }),
    deletePolicy: (_, { policy_id }, ctx) => {
      const removed = deletePolicy(ctx.db, { policyId: policyId(policy_id), actor: ctx.viewer.email });
      return {
        policy_id: removed.policy_id,
        name: removed.name,
        stats_rows_deleted: removed.stats_rows,
        audit_id: removed.audit_id,
      };
    },
    setPolicyPriorities: (_, { priorities }, ctx) =>
      reorderPolicies(ctx.db, {
        priorities: priorities.map((p, i) => ({
          policy_id: rowId(p.policy_id, `priorities[${i}].policy_id`),
          priority: p.priority,
        })),
        actor: ctx.viewer.email,
      }),
  },
};
