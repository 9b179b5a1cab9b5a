import { asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "../db/client";
import { pathPreferences, paths, policies } from "../db/schema";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { domainEvents } from "../events";
import { parseInput } from "../validation";
import { matchRulesSchema, type MatchRules } from "./match-rules";

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

const policyInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  description: z.string().max(1000).default(""),
  priority: z.number().int().min(0, "must be 0-1000").max(1000, "must be 0-1000"),
  match_rules: matchRulesSchema.default({}),
  path_preference: z.enum(pathPreferences).default("lowest_latency"),
  pinned_path_id: z.number().int().positive().nullable().default(null),
  enabled: z.boolean().default(true),
});

export type PolicyInput = z.input<typeof policyInputSchema>;

type PolicyRow = typeof policies.$inferSelect;

function toPolicy(row: PolicyRow): Policy {
  return { ...row, match_rules: JSON.parse(row.match_rules) as MatchRules };
}

export function listPolicies(db: Db): Policy[] {
  return db.select().from(policies).orderBy(desc(policies.priority), asc(policies.policy_id)).all().map(toPolicy);
}

export function getPolicy(db: Db, { policyId }: { policyId: number }): Policy | undefined {
  const row = db.select().from(policies).where(eq(policies.policy_id, policyId)).get();
  return row && toPolicy(row);
}

export function createPolicy(db: Db, input: PolicyInput, now = Date.now()): Policy {
  const data = parseInput(policyInputSchema, input);
  const policy = db.transaction((tx) => {
    assertPathExists(tx, data.pinned_path_id);
    assertNameFree(tx, data.name);
    const row = tx
      .insert(policies)
      .values({ ...data, match_rules: JSON.stringify(data.match_rules), created_at: now, updated_at: now })
      .returning()
      .get();
    return toPolicy(row);
  });
  domainEvents.publish({ type: "policies_changed", policy_id: policy.policy_id, change: "created" });
  return policy;
}

export function updatePolicy(
  db: Db,
  { policyId, ...patch }: { policyId: number } & Partial<PolicyInput>,
  now = Date.now(),
): Policy {
  const current = getPolicy(db, { policyId });
  if (!current) throw new NotFoundError(`policy ${policyId} does not exist`);
  const { policy_id: _id, created_at: _c, updated_at: _u, ...editable } = current;
  const data = parseInput(policyInputSchema, { ...editable, ...patch });
  const policy = db.transaction((tx) => {
    assertPathExists(tx, data.pinned_path_id);
    if (data.name !== current.name) assertNameFree(tx, data.name);
    const row = tx
      .update(policies)
      .set({ ...data, match_rules: JSON.stringify(data.match_rules), updated_at: now })
      .where(eq(policies.policy_id, policyId))
      .returning()
      .get();
    return toPolicy(row);
  });
  domainEvents.publish({ type: "policies_changed", policy_id: policyId, change: "updated" });
  return policy;
}

/** Removes the policy and (by the foreign key's ON DELETE CASCADE) its statistics history. */
export function deletePolicy(db: Db, { policyId }: { policyId: number }): Policy {
  const row = db.delete(policies).where(eq(policies.policy_id, policyId)).returning().get();
  if (!row) throw new NotFoundError(`policy ${policyId} does not exist`);
  domainEvents.publish({ type: "policies_changed", policy_id: policyId, change: "deleted" });
  return toPolicy(row);
}

/**
 * Changes whenever any policy is created, edited or deleted: the collector polls it to know when to
 * recompile its matcher. (count, max updated_at, sum of ids) catches inserts, edits and deletions alike.
 */
export function policiesVersion(db: Db): string {
  const row = db
    .select({
      n: sql<number>`count(*)`,
      updated: sql<number>`coalesce(max(${policies.updated_at}), 0)`,
      ids: sql<number>`coalesce(sum(${policies.policy_id}), 0)`,
    })
    .from(policies)
    .get();
  return `${row?.n}:${row?.updated}:${row?.ids}`;
}

function assertPathExists(db: Queryable, pathId: number | null): void {
  if (pathId === null) return;
  const found = db.select({ id: paths.id }).from(paths).where(eq(paths.id, pathId)).get();
  if (!found) throw new ValidationError(`pinned_path_id: path ${pathId} does not exist`, "pinned_path_id");
}

function assertNameFree(db: Queryable, name: string): void {
  const taken = db.select({ id: policies.policy_id }).from(policies).where(eq(policies.name, name)).get();
  if (taken) throw new ConflictError(`a policy named "${name}" already exists`);
}
