import { randomUUID } from "node:crypto";
import { aliasedTable, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { endpoints, interfaceKinds, pathMetrics, paths, pathStatuses, sites, siteStatuses } from "../db/schema";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { domainEvents } from "../events";
import { ipFamily } from "../net/ip";
import { parseInput } from "../validation";

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

const siteInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  location: z.string().max(200).default(""),
  status: z.enum(siteStatuses).default("active"),
});

const endpointInput = z.object({
  site_id: z.uuid("must be a UUID"),
  address: z.string().refine((a) => ipFamily(a) !== 0, "must be an IPv4 or IPv6 address"),
  port: z.number().int().min(1).max(65535),
  interface_kind: z.enum(interfaceKinds),
  cost_per_gb: z.number().min(0).default(0),
  reachable: z.boolean().default(true),
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

export function createSite(db: Db, input: z.input<typeof siteInput>, now = Date.now()): Site {
  const data = parseInput(siteInput, input);
  const taken = db.select({ id: sites.id }).from(sites).where(eq(sites.name, data.name)).get();
  if (taken) throw new ConflictError(`a site named "${data.name}" already exists`);
  return db
    .insert(sites)
    .values({ ...data, id: randomUUID(), created_at: now, updated_at: now })
    .returning()
    .get();
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

export function addEndpoint(db: Db, input: z.input<typeof endpointInput>, now = Date.now()): Endpoint {
  const data = parseInput(endpointInput, input);
  if (!getSite(db, { siteId: data.site_id })) throw new NotFoundError(`site ${data.site_id} does not exist`);
  return db
    .insert(endpoints)
    .values({ ...data, created_at: now })
    .returning()
    .get();
}

/** A directional path between endpoints of two different sites. */
export function createPath(
  db: Db,
  input: { source_endpoint_id: number; destination_endpoint_id: number; status?: (typeof pathStatuses)[number] },
  now = Date.now(),
): Path {
  const found = db
    .select({ id: endpoints.id, site_id: endpoints.site_id })
    .from(endpoints)
    .where(inArray(endpoints.id, [input.source_endpoint_id, input.destination_endpoint_id]))
    .all();
  const source = found.find((e) => e.id === input.source_endpoint_id);
  const destination = found.find((e) => e.id === input.destination_endpoint_id);
  if (!source) throw new ValidationError(`endpoint ${input.source_endpoint_id} does not exist`, "source_endpoint_id");
  if (!destination) {
    throw new ValidationError(`endpoint ${input.destination_endpoint_id} does not exist`, "destination_endpoint_id");
  }
  if (source.site_id === destination.site_id) {
    throw new ValidationError("a path joins endpoints of two different sites", "destination_endpoint_id");
  }
  const existing = db
    .select({ id: paths.id })
    .from(paths)
    .where(sql`${paths.source_endpoint_id} = ${source.id} AND ${paths.destination_endpoint_id} = ${destination.id}`)
    .get();
  if (existing) throw new ConflictError(`a path from endpoint ${source.id} to endpoint ${destination.id} exists`);
  return db
    .insert(paths)
    .values({
      source_endpoint_id: source.id,
      destination_endpoint_id: destination.id,
      status: input.status ?? "up",
      created_at: now,
      updated_at: now,
    })
    .returning()
    .get();
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
  const data = rows.map((row, i) => parseInput(metricsInput, row, `metrics.${i}`));
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
