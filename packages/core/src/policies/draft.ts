import { z } from "zod";
import { pathPreferences } from "../db/schema";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { defined, parseInput } from "../validation";
import { matchRulesSchema, type MatchRules } from "./match-rules";

/*
 * The rules of a policy change, as pure functions over values: the services apply them before writing,
 * and `draftPolicies` applies them to a list in memory, so a preview (what a change would do to live
 * traffic) runs a draft matcher over exactly the policies the save would produce, without a write.
 */

export interface Policy {
  policy_id: number;
  name: string;
  description: string;
  priority: number;
  match_rules: MatchRules;
  path_preference: (typeof pathPreferences)[number];
  pinned_path_id: number | null;
  enabled: boolean;
  created_at: number;
  updated_at: number;
}

const priority = z.number().int().min(0, "must be 0-1000").max(1000, "must be 0-1000");

export const policyIdInput = z.number().int().positive();

const policyInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  description: z.string().max(1000).default(""),
  priority,
  match_rules: matchRulesSchema.default({}),
  path_preference: z.enum(pathPreferences).default("lowest_latency"),
  pinned_path_id: z.number().int().positive().nullable().default(null),
  enabled: z.boolean().default(true),
});

export type PolicyInput = z.input<typeof policyInputSchema>;
export type PolicyPatch = Partial<PolicyInput>;
export type EditablePolicy = z.output<typeof policyInputSchema>;

export interface PriorityChange {
  policy_id: number;
  priority: number;
}

/** At most this many policies in one reorder: the matcher's own bench size, and a bound on one transaction. */
export const MAX_REORDER = 1000;

const reorderSchema = z
  .array(z.object({ policy_id: policyIdInput, priority }))
  .min(1, "must list at least one policy")
  .max(MAX_REORDER, `must list at most ${MAX_REORDER} policies`);

export function parsePolicyInput(input: PolicyInput): EditablePolicy {
  return parseInput(policyInputSchema, input);
}

export function editablePolicyFields(policy: Policy): EditablePolicy {
  const { name, description, priority, match_rules, path_preference, pinned_path_id, enabled } = policy;
  return { name, description, priority, match_rules, path_preference, pinned_path_id, enabled };
}

/** The policy's fields with `patch` over them, validated as a whole. */
export function parsePolicyPatch(current: Policy, patch: PolicyPatch): EditablePolicy {
  return parseInput(policyInputSchema, { ...editablePolicyFields(current), ...defined(patch) });
}

/** The reorder's entries, validated, each policy listed once (errors name the entry: `priorities[2].priority`). */
export function parseReorder(priorities: PriorityChange[]): PriorityChange[] {
  const wanted = parseInput(reorderSchema, priorities, "priorities");
  const seen = new Set<number>();
  wanted.forEach(({ policy_id }, i) => {
    if (seen.has(policy_id)) {
      const field = `priorities[${i}].policy_id`;
      throw new ValidationError(`${field}: policy ${policy_id} is listed twice`, field);
    }
    seen.add(policy_id);
  });
  return wanted;
}

/** A change an admin is about to save. */
export type PolicyChange =
  | { kind: "create"; input: PolicyInput }
  | { kind: "update"; policyId: number; patch: PolicyPatch }
  | { kind: "set_enabled"; policyId: number; enabled: boolean }
  | { kind: "delete"; policyId: number }
  | { kind: "reorder"; priorities: PriorityChange[] };

/**
 * `policies` as they would be after `change`, validated by the same rules as the services, without touching
 * the database (what needs it, a pinned path's existence, is left to the save). A created policy gets an id
 * above every listed one. Throws the error the save would throw for a bad change.
 */
export function draftPolicies(policies: readonly Policy[], change: PolicyChange, now = Date.now()): Policy[] {
  const find = (policyId: number) => {
    const found = policies.find((p) => p.policy_id === policyId);
    if (!found) throw new NotFoundError(`policy ${policyId} does not exist`, "policy_id");
    return found;
  };
  const nameFree = (name: string, except?: number) => {
    if (policies.some((p) => p.name === name && p.policy_id !== except)) {
      throw new ConflictError(`a policy named "${name}" already exists`, "name");
    }
  };
  switch (change.kind) {
    case "create": {
      const data = parsePolicyInput(change.input);
      nameFree(data.name);
      const id = policies.reduce((max, p) => Math.max(max, p.policy_id), 0) + 1;
      return [...policies, { ...data, policy_id: id, created_at: now, updated_at: now }];
    }
    case "update":
    case "set_enabled": {
      const current = find(change.policyId);
      const data = parsePolicyPatch(current, change.kind === "update" ? change.patch : { enabled: change.enabled });
      nameFree(data.name, current.policy_id);
      return policies.map((p) => (p === current ? { ...p, ...data, updated_at: now } : p));
    }
    case "delete": {
      const current = find(change.policyId);
      return policies.filter((p) => p !== current);
    }
    case "reorder": {
      const wanted = new Map(parseReorder(change.priorities).map((p) => [p.policy_id, p.priority]));
      for (const policyId of wanted.keys()) find(policyId);
      return policies.map((p) =>
        wanted.has(p.policy_id) ? { ...p, priority: wanted.get(p.policy_id)!, updated_at: now } : p,
      );
    }
  }
}
