import { writeAudit } from "@patronus/core/audit";
import { NotFoundError, ValidationError } from "@patronus/core/errors";
import { draftPolicies, getPolicy, listPolicies, type Policy, type PolicyChange } from "@patronus/core/policies";
import type { Db } from "@patronus/core/db";
import { flowRates } from "@patronus/core/traffic/engine";
import { MAX_PREVIEW_POLICIES } from "@patronus/core/traffic/control";
import { UNMATCHED_POLICY_ID } from "@patronus/core/traffic/match";
import type { PolicyChangeInput, Resolvers } from "../generated/resolvers";
import { askCollector } from "./collector-calls";
import { rowId } from "./input-ids";
import { policyFields } from "./policy-changes";

/** Most live flows one policy_top_flows answer lists. */
const MAX_TOP_FLOWS = 100;
/** Moved flows a preview lists (schema.graphql, PolicyChangePreview.top_flows). */
const PREVIEW_TOP = 10;

// The collector judges the draft without a database: the web resolves the change into the whole list the
// save would produce (core's draftPolicies, the services' own rules) and sends that. docs/architecture.md,
// "Policy change preview".
export const policyPreviewResolvers: Resolvers = {
  Query: {
    policy_change_preview: async (_, { change }, ctx) => {
      const current = listPolicies(ctx.db);
      const draft = draftPolicies(current, toPolicyChange(change));
      if (draft.length > MAX_PREVIEW_POLICIES)
        throw new ValidationError(
          `a preview covers at most ${MAX_PREVIEW_POLICIES} policies; with this change there would be ${draft.length}`,
          "change",
        );
      const preview = await askCollector(ctx, "previewing the change", (collector) =>
        collector.preview(
          draft.map(({ policy_id, priority, enabled, match_rules }) => ({ policy_id, priority, enabled, match_rules })),
          PREVIEW_TOP,
        ),
      );
      const name = policyNames([...current, ...draft]);
      const id = (policyId: number) => (policyId === UNMATCHED_POLICY_ID ? null : policyId);
      return {
        ...preview,
        moves: preview.moves.map((m) => ({
          ...m,
          from_policy_id: id(m.from_policy_id),
          from_policy_name: name(m.from_policy_id),
          to_policy_id: id(m.to_policy_id),
          to_policy_name: name(m.to_policy_id),
        })),
        top_flows: preview.top_flows.map(({ key, ...f }) => ({
          ...f,
          ...flowAddress(key),
          from_policy_id: id(f.from_policy_id),
          to_policy_id: id(f.to_policy_id),
        })),
      };
    },
    policy_top_flows: async (_, { policy_id, limit }, ctx) => {
      const policyId = existingPolicy(ctx.db, policy_id);
      const wanted = limit ?? 10;
      if (!Number.isInteger(wanted) || wanted < 1 || wanted > MAX_TOP_FLOWS)
        throw new ValidationError(`limit must be from 1 to ${MAX_TOP_FLOWS}`, "limit");
      const flows = await askCollector(ctx, "listing the policy's live flows", (collector) =>
        collector.topFlows(policyId, wanted),
      );
      return flows.map(({ key, packets, bytes, first_seen, last_seen }) => ({
        ...flowAddress(key),
        packets,
        bytes,
        first_seen,
        last_seen,
        ...flowRates(packets, bytes, first_seen, last_seen),
      }));
    },
  },
  Mutation: {
    resetPolicyCounters: async (_, { policy_id }, ctx) => {
      const policyId = existingPolicy(ctx.db, policy_id);
      const what = "resetting the policy's counters";
      const before = await askCollector(ctx, what, (collector) => collector.policyStats(policyId));
      const { reset } = await askCollector(ctx, what, (collector) => collector.reset(policyId));
      const packets_before = before?.packets_matched ?? 0;
      const bytes_before = before?.bytes_matched ?? 0;
      const audit_id = writeAudit(ctx.db, {
        actor: ctx.viewer.email,
        action: "policy.reset_counters",
        target: `policy:${policyId}`,
        outcome: "success",
        details: { reset, packets_before, bytes_before },
      });
      return { policy_id: policyId, reset, packets_before, bytes_before, audit_id };
    },
  },
};

/** The policy's id, or NOT_FOUND naming policy_id: the collector would only say it has no counters. */
function existingPolicy(db: Db, id: string): number {
  const policyId = rowId(id, "policy_id");
  if (!getPolicy(db, { policyId })) throw new NotFoundError(`policy ${policyId} does not exist`, "policy_id");
  return policyId;
}

function flowAddress(key: {
  src_addr: string;
  dst_addr: string;
  src_port: number;
  dst_port: number;
  protocol: number;
}) {
  return {
    source: key.src_addr,
    destination: key.dst_addr,
    source_port: key.src_port,
    destination_port: key.dst_port,
    protocol: key.protocol,
  };
}

/**
 * A policy id's name, the later list winning: the draft's (a created policy has the id the draft gave it)
 * over today's (a deleted one is only there); null for unmatched traffic.
 */
function policyNames(policies: Policy[]): (policyId: number) => string | null {
  const names = new Map(policies.map((p) => [p.policy_id, p.name]));
  return (policyId) => names.get(policyId) ?? null;
}

/** The GraphQL change as core's PolicyChange; a field its kind needs and lacks is a VALIDATION error naming it. */
function toPolicyChange(change: PolicyChangeInput): PolicyChange {
  const required = <T>(value: T | null | undefined, field: string): T => {
    if (value === null || value === undefined)
      throw new ValidationError(`change.${field} is required for a ${change.kind} change`, `change.${field}`);
    return value;
  };
  const policyId = () => rowId(required(change.policy_id, "policy_id"), "change.policy_id");
  switch (change.kind) {
    case "create": {
      const input = required(change.input, "input");
      return { kind: "create", input: { ...policyFields(input), name: input.name, priority: input.priority } };
    }
    case "update":
      return { kind: "update", policyId: policyId(), patch: policyFields(required(change.patch, "patch")) };
    case "set_enabled":
      return { kind: "set_enabled", policyId: policyId(), enabled: required(change.enabled, "enabled") };
    case "delete":
      return { kind: "delete", policyId: policyId() };
    case "reorder":
      return {
        kind: "reorder",
        priorities: required(change.priorities, "priorities").map((p, i) => ({
          policy_id: rowId(p.policy_id, `change.priorities[${i}].policy_id`),
          priority: p.priority,
        })),
      };
  }
}
