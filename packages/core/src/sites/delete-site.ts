import { count, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "../audit";
import type { Db, Queryable } from "../db/client";
import { endpoints, pathMetrics, paths, policies, sites } from "../db/schema";
import { DomainError, NotFoundError, ValidationError } from "../errors";
import { domainEvents, type EventBus } from "../events";

/** What deleting a site takes with it: the confirmation dialog shows exactly this. */
export interface SiteDependencies {
  site_id: string;
  site_name: string;
  endpoints: number;
  /** Every path that starts or ends at one of the site's endpoints, including other sites' paths. */
  paths: number;
  path_metrics: number;
  /** Policies pinned to one of those paths: they are kept and fall back to their metric-based preference. */
  pinned_policies: { policy_id: number; name: string }[];
}

export interface DeleteSiteResult extends SiteDependencies {
  audit_id: number;
  path_ids: number[];
}

const siteIdSchema = z.uuid();

function siteEndpointIds(db: Queryable, siteId: string) {
  return db.select({ id: endpoints.id }).from(endpoints).where(eq(endpoints.site_id, siteId));
}

function touchingPathIds(db: Queryable, siteId: string) {
  const ids = siteEndpointIds(db, siteId);
  return db
    .select({ id: paths.id })
    .from(paths)
    .where(or(inArray(paths.source_endpoint_id, ids), inArray(paths.destination_endpoint_id, ids)));
}

function countIn(db: Queryable, siteId: string, siteName: string): SiteDependencies {
  const pathIds = touchingPathIds(db, siteId);
  const one = (query: { get(): { n: number } | undefined }) => query.get()?.n ?? 0;
  return {
    site_id: siteId,
    site_name: siteName,
    endpoints: one(db.select({ n: count() }).from(endpoints).where(eq(endpoints.site_id, siteId))),
    paths: one(db.select({ n: count() }).from(pathIds.as("p"))),
    path_metrics: one(db.select({ n: count() }).from(pathMetrics).where(inArray(pathMetrics.path_id, pathIds))),
    pinned_policies: db
      .select({ policy_id: policies.policy_id, name: policies.name })
      .from(policies)
      .where(inArray(policies.pinned_path_id, pathIds))
      .all(),
  };
}

function parseSiteId(siteId: string): string {
  if (!siteIdSchema.safeParse(siteId).success) {
    throw new ValidationError(`site_id: "${siteId}" is not a UUID`, "site_id");
  }
  return siteId.toLowerCase();
}

/** Counts what `deleteSite` would remove, without removing anything. */
export function countSiteDependencies(db: Db, siteId: string): SiteDependencies {
  const id = parseSiteId(siteId);
  const site = db.select({ name: sites.name }).from(sites).where(eq(sites.id, id)).get();
  if (!site) throw new NotFoundError(`site ${id} does not exist`);
  return countIn(db, id, site.name);
}

/**
 * Deletes a site and everything hanging off it in one IMMEDIATE transaction: its paths' metrics, every
 * path touching its endpoints, the endpoints, the site, and an audit row. Pinned policies are unpinned,
 * not deleted. IMMEDIATE takes the write lock up front, so a concurrent deletion of the same site (in
 * another process) waits, then finds nothing and gets NotFoundError instead of a half-read snapshot.
 *
 * Every outcome is audited; a failed attempt's row is written after the rollback, outside it.
 */
export function deleteSite(
  db: Db,
  { siteId, actor }: { siteId: string; actor: string },
  { events = domainEvents, now = Date.now }: { events?: EventBus; now?: () => number } = {},
): DeleteSiteResult {
  const attemptAt = now();
  let result: DeleteSiteResult;
  try {
    const id = parseSiteId(siteId);
    result = db.transaction(
      (tx) => {
        const site = tx.select({ name: sites.name }).from(sites).where(eq(sites.id, id)).get();
        if (!site) throw new NotFoundError(`site ${id} does not exist`);
        // The counts come from what each statement removed: no second pass over the same rows.
        const pathIds = touchingPathIds(tx, id);
        const removedPathIds = pathIds.all().map((p) => p.id);
        const removedMetrics = tx.delete(pathMetrics).where(inArray(pathMetrics.path_id, pathIds)).run().changes;
        const unpinned = tx
          .update(policies)
          .set({ pinned_path_id: null, updated_at: now() })
          .where(inArray(policies.pinned_path_id, pathIds))
          .returning({ policy_id: policies.policy_id, name: policies.name })
          .all();
        const removedPaths = tx.delete(paths).where(inArray(paths.id, pathIds)).run().changes;
        const removedEndpoints = tx.delete(endpoints).where(eq(endpoints.site_id, id)).run().changes;
        tx.delete(sites).where(eq(sites.id, id)).run();
        const counts: SiteDependencies = {
          site_id: id,
          site_name: site.name,
          endpoints: removedEndpoints,
          paths: removedPaths,
          path_metrics: removedMetrics,
          pinned_policies: unpinned.sort((a, b) => a.policy_id - b.policy_id),
        };
        const auditId = writeAudit(tx, {
          at: attemptAt,
          actor,
          action: "site.delete",
          target: `site:${id}`,
          outcome: "success",
          details: { ...counts },
        });
        return { ...counts, audit_id: auditId, path_ids: removedPathIds };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    writeAudit(db, {
      at: attemptAt,
      actor,
      action: "site.delete",
      target: `site:${siteId}`,
      outcome: error instanceof NotFoundError ? "not_found" : "failed",
      details: { error: error instanceof Error ? error.message : String(error) },
    });
    if (error instanceof DomainError) throw error;
    throw new Error(`deleting site ${siteId} failed and was rolled back: ${(error as Error).message}`, { cause: error });
  }
  events.publish({
    type: "site_deleted",
    site_id: result.site_id,
    site_name: result.site_name,
    actor,
    audit_id: result.audit_id,
    endpoints: result.endpoints,
    paths: result.paths,
    path_metrics: result.path_metrics,
    path_ids: result.path_ids,
    at: attemptAt,
  });
  return result;
}
