import { asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { auditedChange, changedFields, SYSTEM_ACTOR } from "../audit";
import type { Db, Queryable } from "../db/client";
import { paths, policies, policyStats } from "../db/schema";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { domainEvents, type ChangeOptions, type EventBus } from "../events";
import { parseInput } from "../validation";
import { removePolicyFromTotals } from "../traffic/stats/rollups";
import {
  editablePolicyFields,
  parsePolicyInput,
  parsePolicyPatch,
  parseReorder,
  policyIdInput,
  type EditablePolicy,
  type Policy,
  type PolicyInput,
  type PolicyPatch,
  type PriorityChange,
} from "./draft";

type PolicyRow = typeof policies.$inferSelect;

function toPolicy({ revision: _r, ...row }: PolicyRow): Policy {
  return { ...row, match_rules: JSON.parse(row.match_rules) as Policy["match_rules"] };
}

export function listPolicies(db: Queryable): Policy[] {
  return db.select().from(policies).orderBy(desc(policies.priority), asc(policies.policy_id)).all().map(toPolicy);
}

export function getPolicy(db: Queryable, { policyId }: { policyId: number }): Policy | undefined {
  const row = db.select().from(policies).where(eq(policies.policy_id, policyId)).get();
  return row && toPolicy(row);
}

function existingPolicy(db: Queryable, policyId: unknown): Policy {
  const id = parseInput(policyIdInput, policyId, "policy_id");
  const found = getPolicy(db, { policyId: id });
  if (!found) throw new NotFoundError(`policy ${id} does not exist`, "policy_id");
  return found;
}

function announce(
  events: EventBus,
  policyId: number,
  change: "created" | "updated" | "deleted",
  { actor, auditId, at }: { actor: string; auditId: number; at: number },
): void {
  events.publish({ type: "policies_changed", policy_id: policyId, change, actor, audit_id: auditId, at });
}

/** Creates a policy; its name must be free and a pinned path must exist. */
export function createPolicy(
  db: Db,
  { actor = SYSTEM_ACTOR, ...input }: PolicyInput & { actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Policy {
  const at = now();
  const { result: policy, auditId } = auditedChange(
    db,
    { actor, action: "policy.create", target: "policy", at },
    (tx) => {
      const data = parsePolicyInput(input);
      assertPathExists(tx, data.pinned_path_id);
      assertNameFree(tx, data.name);
      const row = tx
        .insert(policies)
        .values({ ...data, match_rules: JSON.stringify(data.match_rules), created_at: at, updated_at: at })
        .returning()
        .get();
      return { result: toPolicy(row), target: `policy:${row.policy_id}`, details: { after: data } };
    },
  );
  announce(events, policy.policy_id, "created", { actor, auditId, at });
  return policy;
}

/** Writes `data` over the policy's editable fields and raises its revision, inside the caller's transaction. */
function writePolicy(tx: Queryable, current: Policy, data: EditablePolicy, at: number): Policy {
  const row = tx
    .update(policies)
    .set({
      ...data,
      match_rules: JSON.stringify(data.match_rules),
      updated_at: at,
      revision: sql`${policies.revision} + 1`,
    })
    .where(eq(policies.policy_id, current.policy_id))
    .returning()
    .get();
  return toPolicy(row);
}

/** Edits a policy; only the fields given change. The collector keeps its counters (they are keyed by id). */
export function updatePolicy(
  db: Db,
  { policyId, actor = SYSTEM_ACTOR, ...patch }: { policyId: number; actor?: string } & PolicyPatch,
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Policy {
  const at = now();
  const { result: policy, auditId } = auditedChange(
    db,
    { actor, action: "policy.update", target: `policy:${policyId}`, at },
    (tx) => {
      const current = existingPolicy(tx, policyId);
      const data = parsePolicyPatch(current, patch);
      if (data.pinned_path_id !== current.pinned_path_id) assertPathExists(tx, data.pinned_path_id);
      if (data.name !== current.name) assertNameFree(tx, data.name);
      return {
        result: writePolicy(tx, current, data, at),
        details: changedFields(editablePolicyFields(current), data),
      };
    },
  );
  announce(events, policy.policy_id, "updated", { actor, auditId, at });
  return policy;
}

/** Turns a policy on or off. Off keeps everything (rules, history); its traffic falls to the next policy. */
export function setPolicyEnabled(
  db: Db,
  { policyId, enabled, actor = SYSTEM_ACTOR }: { policyId: number; enabled: boolean; actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Policy {
  const at = now();
  const { result: policy, auditId } = auditedChange(
    db,
    { actor, action: enabled ? "policy.enable" : "policy.disable", target: `policy:${policyId}`, at },
    (tx) => {
      const current = existingPolicy(tx, policyId);
      const data = parsePolicyPatch(current, { enabled });
      return {
        result: writePolicy(tx, current, data, at),
        details: changedFields(editablePolicyFields(current), data),
      };
    },
  );
  announce(events, policy.policy_id, "updated", { actor, auditId, at });
  return policy;
}

/** What deleting a policy takes with it: its traffic history, one row per snapshot. */
export interface PolicyDependencies {
  policy_id: number;
  name: string;
  stats_rows: number;
  /** The oldest history row's time, or null when there is none. */
  stats_since: number | null;
}

export interface DeletePolicyResult extends PolicyDependencies {
  policy: Policy;
  audit_id: number;
}

/** Counts what `deletePolicy` would remove, without removing anything. */
export function countPolicyDependencies(db: Db, { policyId }: { policyId: number }): PolicyDependencies {
  const policy = existingPolicy(db, policyId);
  const row = db
    .select({ n: count(), since: sql<number | null>`min(${policyStats.timestamp})` })
    .from(policyStats)
    .where(eq(policyStats.policy_id, policy.policy_id))
    .get();
  return { policy_id: policy.policy_id, name: policy.name, stats_rows: row?.n ?? 0, stats_since: row?.since ?? null };
}

/**
 * Removes a policy and its traffic history (sdwan_policy_stats rows) in one transaction; the count is what
 * the statement removed. To keep the history, disable the policy instead.
 */
export function deletePolicy(
  db: Db,
  { policyId, actor = SYSTEM_ACTOR }: { policyId: number; actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): DeletePolicyResult {
  const at = now();
  const { result, auditId } = auditedChange(
    db,
    { actor, action: "policy.delete", target: `policy:${policyId}`, at },
    (tx) => {
      const policy = existingPolicy(tx, policyId);
      const since = tx
        .select({ since: sql<number | null>`min(${policyStats.timestamp})` })
        .from(policyStats)
        .where(eq(policyStats.policy_id, policy.policy_id))
        .get();
      removePolicyFromTotals(tx, { policyId: policy.policy_id }); // needs the raw rows, so first
      // Explicit rather than left to ON DELETE CASCADE, so the audit row says exactly how much history went.
      const stats_rows = tx.delete(policyStats).where(eq(policyStats.policy_id, policy.policy_id)).run().changes;
      tx.delete(policies).where(eq(policies.policy_id, policy.policy_id)).run();
      const removed = {
        policy,
        policy_id: policy.policy_id,
        name: policy.name,
        stats_rows,
        stats_since: since?.since ?? null,
      };
      return { result: removed, details: { before: editablePolicyFields(policy), removed: { stats_rows } } };
    },
  );
  announce(events, result.policy_id, "deleted", { actor, auditId, at });
  return { ...result, audit_id: auditId };
}

/**
 * Sets the priorities of several policies at once, in one transaction and one audit row (before and after
 * of each policy that moved). Returns every policy in the new order. Policies not listed keep theirs.
 */
export function reorderPolicies(
  db: Db,
  { priorities, actor = SYSTEM_ACTOR }: { priorities: PriorityChange[]; actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Policy[] {
  const at = now();
  const { result, auditId } = auditedChange(db, { actor, action: "policy.reorder", target: "policies", at }, (tx) => {
    const wanted = parseReorder(priorities);
    const ids = wanted.map((p) => p.policy_id);
    const current = new Map(
      tx
        .select()
        .from(policies)
        .where(inArray(policies.policy_id, ids))
        .all()
        .map((row) => [row.policy_id, toPolicy(row)]),
    );
    const before: Record<number, number> = {};
    const after: Record<number, number> = {};
    wanted.forEach(({ policy_id, priority }, i) => {
      const policy = current.get(policy_id);
      if (!policy) {
        throw new NotFoundError(
          `priorities[${i}].policy_id: policy ${policy_id} does not exist`,
          `priorities[${i}].policy_id`,
        );
      }
      if (policy.priority === priority) return;
      writePolicy(tx, policy, { ...editablePolicyFields(policy), priority }, at);
      before[policy_id] = policy.priority;
      after[policy_id] = priority;
    });
    return { result: { moved: Object.keys(after).map(Number), list: listPolicies(tx) }, details: { before, after } };
  });
  for (const policyId of result.moved) announce(events, policyId, "updated", { actor, auditId, at });
  return result.list;
}

/**
 * Changes whenever any policy is created, edited or deleted: the collector polls it to know when to
 * recompile its matcher. Every write raises its row's revision by one, so the sum moves on every edit,
 * however close in time; a deletion changes the count; a deletion and a creation between two polls
 * change the sum of ids (ids only grow). updated_at covers rows written by hand without a revision.
 */
export function policiesVersion(db: Db): string {
  const row = db
    .select({
      n: sql<number>`count(*)`,
      revisions: sql<number>`coalesce(sum(${policies.revision}), 0)`,
      ids: sql<number>`coalesce(sum(${policies.policy_id}), 0)`,
      updated: sql<number>`coalesce(max(${policies.updated_at}), 0)`,
    })
    .from(policies)
    .get();
  return `${row?.n}:${row?.revisions}:${row?.ids}:${row?.updated}`;
}

function assertPathExists(db: Queryable, pathId: number | null): void {
  if (pathId === null) return;
  const found = db.select({ id: paths.id }).from(paths).where(eq(paths.id, pathId)).get();
  if (!found) throw new ValidationError(`pinned_path_id: path ${pathId} does not exist`, "pinned_path_id");
}

function assertNameFree(db: Queryable, name: string): void {
  const taken = db.select({ id: policies.policy_id }).from(policies).where(eq(policies.name, name)).get();
  if (taken) throw new ConflictError(`a policy named "${name}" already exists`, "name");
}
