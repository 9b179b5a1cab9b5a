import { and, asc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { aliasedTable } from "drizzle-orm";
import type { Db } from "../db/client";
import { endpoints, pathMetrics, paths, pathStatuses, sites } from "../db/schema";
import { ValidationError } from "../errors";

type PathStatus = (typeof pathStatuses)[number];

export interface PathEnd {
  site_id: string;
  site_name: string;
  endpoint_id: number;
  address: string;
  interface_kind: string;
}

/** A path with its ends and its latest measurement (null before the first). */
export interface PathHealth {
  path_id: number;
  status: PathStatus;
  source: PathEnd;
  destination: PathEnd;
  latest: {
    timestamp: number;
    latency_ms: number;
    jitter_ms: number;
    packet_loss_pct: number;
    bandwidth_mbps: number;
    score: number;
  } | null;
}

const srcEndpoint = aliasedTable(endpoints, "src_endpoint");
const dstEndpoint = aliasedTable(endpoints, "dst_endpoint");
const srcSite = aliasedTable(sites, "src_site");
const dstSite = aliasedTable(sites, "dst_site");
const latestRow = aliasedTable(pathMetrics, "latest_metrics");

/**
 * Paths with their latest metrics, worst first: down, then degraded, then up; within a status the
 * lowest score first (unmeasured paths before measured ones), then by id. Optionally only those
 * touching a site, or in one status.
 */
export function listPathHealth(
  db: Db,
  { siteId, status, pathId }: { siteId?: string; status?: PathStatus; pathId?: number } = {},
): PathHealth[] {
  const filters: (SQL | undefined)[] = [
    siteId === undefined ? undefined : or(eq(srcEndpoint.site_id, siteId), eq(dstEndpoint.site_id, siteId)),
    status === undefined ? undefined : eq(paths.status, status),
    pathId === undefined ? undefined : eq(paths.id, pathId),
  ];
  const rows = db
    .select({
      path_id: paths.id,
      status: paths.status,
      src_site_id: srcSite.id,
      src_site_name: srcSite.name,
      src_endpoint_id: srcEndpoint.id,
      src_address: srcEndpoint.address,
      src_kind: srcEndpoint.interface_kind,
      dst_site_id: dstSite.id,
      dst_site_name: dstSite.name,
      dst_endpoint_id: dstEndpoint.id,
      dst_address: dstEndpoint.address,
      dst_kind: dstEndpoint.interface_kind,
      timestamp: latestRow.timestamp,
      latency_ms: latestRow.latency_ms,
      jitter_ms: latestRow.jitter_ms,
      packet_loss_pct: latestRow.packet_loss_pct,
      bandwidth_mbps: latestRow.bandwidth_mbps,
      score: latestRow.score,
    })
    .from(paths)
    .innerJoin(srcEndpoint, eq(srcEndpoint.id, paths.source_endpoint_id))
    .innerJoin(dstEndpoint, eq(dstEndpoint.id, paths.destination_endpoint_id))
    .innerJoin(srcSite, eq(srcSite.id, srcEndpoint.site_id))
    .innerJoin(dstSite, eq(dstSite.id, dstEndpoint.site_id))
    // The newest row per path through the (path_id, timestamp) index: one seek per path.
    .leftJoin(
      latestRow,
      eq(
        latestRow.id,
        sql`(SELECT id FROM ${pathMetrics} WHERE ${pathMetrics.path_id} = ${paths.id} ORDER BY ${pathMetrics.timestamp} DESC LIMIT 1)`,
      ),
    )
    .where(and(...filters))
    .orderBy(
      sql`CASE ${paths.status} WHEN 'down' THEN 0 WHEN 'degraded' THEN 1 ELSE 2 END`,
      sql`coalesce(${latestRow.score}, -1)`,
      asc(paths.id),
    )
    .all();
  return rows.map((r) => ({
    path_id: r.path_id,
    status: r.status,
    source: {
      site_id: r.src_site_id,
      site_name: r.src_site_name,
      endpoint_id: r.src_endpoint_id,
      address: r.src_address,
      interface_kind: r.src_kind,
    },
    destination: {
      site_id: r.dst_site_id,
      site_name: r.dst_site_name,
      endpoint_id: r.dst_endpoint_id,
      address: r.dst_address,
      interface_kind: r.dst_kind,
    },
    latest:
      r.timestamp === null
        ? null
        : {
            timestamp: r.timestamp,
            latency_ms: r.latency_ms!,
            jitter_ms: r.jitter_ms!,
            packet_loss_pct: r.packet_loss_pct!,
            bandwidth_mbps: r.bandwidth_mbps!,
            score: r.score!,
          },
  }));
}

/** One bucket of a path's history: means of the samples within it, and how many there were. */
export interface PathMetricBucket {
  /** Start of the bucket, epoch ms. */
  start: number;
  samples: number;
  latency_ms: number;
  jitter_ms: number;
  packet_loss_pct: number;
  score: number;
  /** The worst latency in the bucket, so a short spike survives the averaging. */
  max_latency_ms: number;
}

/** Bucket widths a chart can label plainly; the smallest giving at most max_buckets is used. */
const STEPS_MS = [
  60_000,
  5 * 60_000,
  15 * 60_000,
  30 * 60_000,
  60 * 60_000,
  3 * 60 * 60_000,
  6 * 60 * 60_000,
  24 * 60 * 60_000,
];

/**
 * A path's metrics in [from, to), averaged into buckets of a round width aligned to it (at most
 * maxBuckets of them). Buckets without a sample are left out: the chart draws a gap, not a zero.
 */
export function getPathMetricHistory(
  db: Db,
  { pathId, from, to, maxBuckets = 200 }: { pathId: number; from: number; to: number; maxBuckets?: number },
): { step_ms: number; buckets: PathMetricBucket[] } {
  if (!(Number.isFinite(from) && Number.isFinite(to) && from < to))
    throw new ValidationError("from must be before to, both epoch milliseconds", "from");
  if (!Number.isInteger(maxBuckets) || maxBuckets < 2 || maxBuckets > 1000)
    throw new ValidationError("max_buckets must be an integer from 2 to 1000", "max_buckets");
  const span = to - from;
  const step = STEPS_MS.find((s) => span / s <= maxBuckets) ?? Math.ceil(span / maxBuckets / 60_000) * 60_000;
  const start = Math.floor(from / step) * step;
  // better-sqlite3 binds JS numbers as REAL, which would make this a real division: a bucket per sample.
  const bucket = sql<number>`CAST((${pathMetrics.timestamp} - ${start}) / ${step} AS INTEGER)`;
  const buckets = db
    .select({
      index: bucket,
      samples: sql<number>`count(*)`,
      latency_ms: sql<number>`avg(${pathMetrics.latency_ms})`,
      jitter_ms: sql<number>`avg(${pathMetrics.jitter_ms})`,
      packet_loss_pct: sql<number>`avg(${pathMetrics.packet_loss_pct})`,
      score: sql<number>`avg(${pathMetrics.score})`,
      max_latency_ms: sql<number>`max(${pathMetrics.latency_ms})`,
    })
    .from(pathMetrics)
    .where(and(eq(pathMetrics.path_id, pathId), gte(pathMetrics.timestamp, from), lt(pathMetrics.timestamp, to)))
    .groupBy(bucket)
    .orderBy(bucket)
    .all()
    .map(({ index, ...b }) => ({ start: start + index * step, ...b }));
  return { step_ms: step, buckets };
}
