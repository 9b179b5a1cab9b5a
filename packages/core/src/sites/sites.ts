import { randomUUID } from "node:crypto";
import { aliasedTable, asc, count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { auditedChange, changedFields, SYSTEM_ACTOR } from "../audit";
import type { Db, Queryable } from "../db/client";
import { endpoints, pathMetrics, paths, sites, siteStatuses } from "../db/schema";
import { ConflictError, NotFoundError } from "../errors";
import { domainEvents, type ChangeOptions } from "../events";
import { defined, parseInput } from "../validation";

export type Site = typeof sites.$inferSelect;
export type Endpoint = typeof endpoints.$inferSelect;
export type Path = typeof paths.$inferSelect;
export type PathMetrics = typeof pathMetrics.$inferSelect;

export interface SiteSummary extends Site {
  endpoint_count: number;
}

export interface PathDetail extends Path {
  source_site_id: string;
  destination_site_id: string;
}

export const siteIdInput = z.uuid("must be a UUID").transform((id) => id.toLowerCase());

const siteInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  location: z.string().max(200).default(""),
  status: z.enum(siteStatuses).default("active"),
});

const metricsInput = z.object({
  path_id: z.number().int().positive(),
  timestamp: z.number().int().nonnegative(),
  latency_ms: z.number().nonnegative(),
  jitter_ms: z.number().nonnegative(),
  packet_loss_pct: z.number().min(0).max(100),
  bandwidth_mbps: z.number().nonnegative(),
  mtu: z.number().int().min(68).max(65535),
  score: z.number().int().min(0).max(100),
});

/** Creates a site; its name must be free. */
export function createSite(
  db: Db,
  { actor = SYSTEM_ACTOR, ...input }: z.input<typeof siteInput> & { actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Site {
  const at = now();
  const id = randomUUID();
  const { result: site, auditId } = auditedChange(
    db,
    { actor, action: "site.create", target: `site:${id}`, at },
    (tx) => {
      const data = parseInput(siteInput, input);
      assertSiteNameFree(tx, data.name);
      const row = tx
        .insert(sites)
        .values({ ...data, id, created_at: at, updated_at: at })
        .returning()
        .get();
      return { result: row, details: { after: data } };
    },
  );
  events.publish({
    type: "network_changed",
    entity: "site",
    id,
    change: "created",
    actor,
    audit_id: auditId,
    at,
    path_ids: [],
  });
  return site;
}

/** Changes a site's name, location or status; only the fields given change. */
export function updateSite(
  db: Db,
  { siteId, actor = SYSTEM_ACTOR, ...patch }: { siteId: string; actor?: string } & Partial<z.input<typeof siteInput>>,
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Site {
  const at = now();
  const { result: site, auditId } = auditedChange(
    db,
    { actor, action: "site.update", target: `site:${siteId}`, at },
    (tx) => {
      const id = parseInput(siteIdInput, siteId, "site_id");
      const current = tx.select().from(sites).where(eq(sites.id, id)).get();
      if (!current) throw new NotFoundError(`site ${id} does not exist`, "site_id");
      const { name, location, status } = current;
      const data = parseInput(siteInput, { name, location, status, ...defined(patch) });
      if (data.name !== current.name) assertSiteNameFree(tx, data.name);
      const row = tx
        .update(sites)
        .set({ ...data, updated_at: at })
        .where(eq(sites.id, id))
        .returning()
        .get();
      return { result: row, details: changedFields({ name, location, status }, data) };
    },
  );
  events.publish({
    type: "network_changed",
    entity: "site",
    id: site.id,
    change: "updated",
    actor,
    audit_id: auditId,
    at,
    path_ids: [],
  });
  return site;
}

function assertSiteNameFree(db: Queryable, name: string): void {
  const taken = db.select({ id: sites.id }).from(sites).where(eq(sites.name, name)).get();
  if (taken) throw new ConflictError(`a site named "${name}" already exists`, "name");
}

function selectSiteSummaries(db: Db) {
  return db
    .select({
      id: sites.id,
      name: sites.name,
      location: sites.location,
      status: sites.status,
      created_at: sites.created_at,
      updated_at: sites.updated_at,
      endpoint_count: count(endpoints.id),
    })
    .from(sites)
    .leftJoin(endpoints, eq(endpoints.site_id, sites.id))
    .groupBy(sites.id)
    .$dynamic();
}

export function listSites(db: Db): SiteSummary[] {
  return selectSiteSummaries(db).orderBy(asc(sites.name)).all();
}

export function getSite(db: Db, { siteId }: { siteId: string }): SiteSummary | undefined {
  return selectSiteSummaries(db).where(eq(sites.id, siteId)).get();
}

/** A site's endpoints, oldest first. */
export function listEndpoints(db: Db, { siteId }: { siteId: string }): Endpoint[] {
  return db.select().from(endpoints).where(eq(endpoints.site_id, siteId)).orderBy(asc(endpoints.id)).all();
}

const sourceEndpoint = aliasedTable(endpoints, "source_endpoint");
const destinationEndpoint = aliasedTable(endpoints, "destination_endpoint");

/** Every path with the sites at both ends. */
export function listPaths(db: Db): PathDetail[] {
  return db
    .select({
      id: paths.id,
      source_endpoint_id: paths.source_endpoint_id,
      destination_endpoint_id: paths.destination_endpoint_id,
      status: paths.status,
      created_at: paths.created_at,
      updated_at: paths.updated_at,
      source_site_id: sourceEndpoint.site_id,
      destination_site_id: destinationEndpoint.site_id,
    })
    .from(paths)
    .innerJoin(sourceEndpoint, eq(sourceEndpoint.id, paths.source_endpoint_id))
    .innerJoin(destinationEndpoint, eq(destinationEndpoint.id, paths.destination_endpoint_id))
    .orderBy(asc(paths.id))
    .all();
}

export function recordPathMetrics(db: Db, rows: z.input<typeof metricsInput>[]): number {
  const data = rows.map((row, i) => parseInput(metricsInput, row, `metrics[${i}]`));
  if (data.length === 0) return 0;
  db.transaction((tx) => {
    // SQLite caps bound parameters per statement (32766); 8 columns a row.
    for (let i = 0; i < data.length; i += 4000)
      tx.insert(pathMetrics)
        .values(data.slice(i, i + 4000))
        .run();
  });
  domainEvents.publish({ type: "path_metrics_recorded", path_ids: [...new Set(data.map((row) => row.path_id))] });
  return data.length;
}

export function getLatestPathMetrics(db: Db, { pathId }: { pathId: number }): PathMetrics | undefined {
  return db
    .select()
    .from(pathMetrics)
    .where(eq(pathMetrics.path_id, pathId))
    .orderBy(desc(pathMetrics.timestamp))
    .limit(1)
    .get();
}
