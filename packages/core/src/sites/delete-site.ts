import { count, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { writeAudit, writeAuditPrepared } from "../audit";
import type { Db } from "../db/client";
import { endpoints, pathMetrics, paths, policies, sites } from "../db/schema";
import { DomainError, NotFoundError, ValidationError } from "../errors";
import { domainEvents, type EventBus } from "../events";
import { countSiteTrafficRows, removeSiteTraffic } from "../traffic/stats/site-traffic";
import { perConnection } from "../db/per-connection";

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
  /** Rows of the site's traffic history (per policy, minute and hour levels). */
  traffic_rows: number;
}

export interface DeleteSiteResult extends SiteDependencies {
  audit_id: number;
  path_ids: number[];
}

const siteIdSchema = z.uuid();

/**
 * The cascade's statements, prepared once per connection: building drizzle queries costs more than
 * running them on a small site (about 1 ms a deletion, measured), so they are built on first use.
 */
function prepareStatements(db: Db) {
  const site = sql.placeholder("site");
  const endpointIds = db.select({ id: endpoints.id }).from(endpoints).where(eq(endpoints.site_id, site));
  const pathIds = db
    .select({ id: paths.id })
    .from(paths)
    .where(or(inArray(paths.source_endpoint_id, endpointIds), inArray(paths.destination_endpoint_id, endpointIds)));
  return {
    siteName: db.select({ name: sites.name }).from(sites).where(eq(sites.id, site)).prepare(),
    pathIds: pathIds.prepare(),
    countEndpoints: db.select({ n: count() }).from(endpoints).where(eq(endpoints.site_id, site)).prepare(),
    countMetrics: db.select({ n: count() }).from(pathMetrics).where(inArray(pathMetrics.path_id, pathIds)).prepare(),
    pinnedPolicies: db
      .select({ policy_id: policies.policy_id, name: policies.name })
      .from(policies)
      .where(inArray(policies.pinned_path_id, pathIds))
      .orderBy(policies.policy_id)
      .prepare(),
    deleteMetrics: db.delete(pathMetrics).where(inArray(pathMetrics.path_id, pathIds)).prepare(),
    unpin: db
      .update(policies)
      .set({
        pinned_path_id: null,
        updated_at: sql`${sql.placeholder("now")}`,
        revision: sql`${policies.revision} + 1`,
      })
      .where(inArray(policies.pinned_path_id, pathIds))
      .returning({ policy_id: policies.policy_id, name: policies.name })
      .prepare(),
    deletePaths: db.delete(paths).where(inArray(paths.id, pathIds)).returning({ id: paths.id }).prepare(),
    deleteEndpoints: db.delete(endpoints).where(eq(endpoints.site_id, site)).prepare(),
    deleteSite: db.delete(sites).where(eq(sites.id, site)).prepare(),
  };
}

const statementsFor = perConnection(prepareStatements);

function parseSiteId(siteId: string): string {
  if (!siteIdSchema.safeParse(siteId).success) {
    throw new ValidationError(`site_id: "${siteId}" is not a UUID`, "site_id");
  }
  return siteId.toLowerCase();
}

/** What deleting the site would remove right now; `undefined` when there is no such site. */
function dependenciesOf(
  db: Db,
  s: ReturnType<typeof prepareStatements>,
  id: string,
): (SiteDependencies & { path_ids: number[] }) | undefined {
  const site = s.siteName.get({ site: id });
  if (!site) return undefined;
  const pathIds = s.pathIds.all({ site: id }).map((p) => p.id);
  return {
    site_id: id,
    site_name: site.name,
    endpoints: s.countEndpoints.get({ site: id })?.n ?? 0,
    paths: pathIds.length,
    path_metrics: s.countMetrics.get({ site: id })?.n ?? 0,
    pinned_policies: s.pinnedPolicies.all({ site: id }),
    traffic_rows: countSiteTrafficRows(db, { siteId: id }),
    path_ids: pathIds,
  };
}

/** Counts what `deleteSite` would remove, without removing anything. */
export function countSiteDependencies(db: Db, siteId: string): SiteDependencies {
  const id = parseSiteId(siteId);
  const found = dependenciesOf(db, statementsFor(db), id);
  if (!found) throw new NotFoundError(`site ${id} does not exist`);
  const { path_ids: _ids, ...dependencies } = found;
  return dependencies;
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
    const s = statementsFor(db);
    result = db.transaction(
      () => {
        const site = s.siteName.get({ site: id });
        if (!site) throw new NotFoundError(`site ${id} does not exist`);
        // What each statement removed is the count the dialog showed, without a second pass over the rows.
        const path_metrics = s.deleteMetrics.run({ site: id }).changes;
        const pinned_policies = s.unpin.all({ site: id, now: attemptAt }).sort((a, b) => a.policy_id - b.policy_id);
        const path_ids = s.deletePaths.all({ site: id }).map((p) => p.id);
        const removedEndpoints = s.deleteEndpoints.run({ site: id }).changes;
        const traffic_rows = removeSiteTraffic(db, { siteId: id });
        s.deleteSite.run({ site: id });
        const counts: SiteDependencies = {
          site_id: id,
          site_name: site.name,
          endpoints: removedEndpoints,
          paths: path_ids.length,
          path_metrics,
          pinned_policies,
          traffic_rows,
        };
        const auditId = writeAuditPrepared(db, {
          at: attemptAt,
          actor,
          action: "site.delete",
          target: `site:${id}`,
          outcome: "success",
          details: { ...counts },
        });
        return { ...counts, audit_id: auditId, path_ids };
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
    throw new Error(`deleting site ${siteId} failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
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
