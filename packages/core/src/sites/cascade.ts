import { count, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { pathMetrics, paths, policies } from "../db/schema";

/** What removing a set of paths takes with it: the confirmation dialogs show exactly this. */
export interface PathCascade {
  paths: number;
  path_metrics: number;
  /** Policies pinned to one of the paths: kept, and fall back to their metric-based preference. */
  pinned_policies: { policy_id: number; name: string }[];
  path_ids: number[];
}

const pathIdsWhere = (db: Queryable, which: SQL) => db.select({ id: paths.id }).from(paths).where(which);

/** Counts what `removePaths` would remove for the paths selected by `which`, removing nothing. */
export function countPathCascade(db: Queryable, which: SQL): PathCascade {
  const path_ids = pathIdsWhere(db, which)
    .all()
    .map((p) => p.id)
    .sort((a, b) => a - b);
  const ids = pathIdsWhere(db, which);
  return {
    paths: path_ids.length,
    path_metrics: db.select({ n: count() }).from(pathMetrics).where(inArray(pathMetrics.path_id, ids)).get()?.n ?? 0,
    pinned_policies: db
      .select({ policy_id: policies.policy_id, name: policies.name })
      .from(policies)
      .where(inArray(policies.pinned_path_id, ids))
      .orderBy(policies.policy_id)
      .all(),
    path_ids,
  };
}

/**
 * Removes the paths selected by `which`, their metrics, and the pins of policies pinned to them, inside
 * the caller's transaction. The counts are what each statement removed, so they equal what the dialog
 * showed when nothing changed in between, and the truth when something did.
 */
export function removePaths(tx: Queryable, which: SQL, at: number): PathCascade {
  const ids = () => pathIdsWhere(tx, which);
  const path_metrics = tx.delete(pathMetrics).where(inArray(pathMetrics.path_id, ids())).run().changes;
  const pinned_policies = tx
    .update(policies)
    .set({ pinned_path_id: null, updated_at: at, revision: sql`${policies.revision} + 1` })
    .where(inArray(policies.pinned_path_id, ids()))
    .returning({ policy_id: policies.policy_id, name: policies.name })
    .all()
    .sort((a, b) => a.policy_id - b.policy_id);
  const path_ids = tx
    .delete(paths)
    .where(inArray(paths.id, ids()))
    .returning({ id: paths.id })
    .all()
    .map((p) => p.id)
    .sort((a, b) => a - b);
  return { paths: path_ids.length, path_metrics, pinned_policies, path_ids };
}
