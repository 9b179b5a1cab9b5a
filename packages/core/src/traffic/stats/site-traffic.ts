import type Sqlite from "better-sqlite3";
import { count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "../../db/client";
import { policies, sitePolicyStatsHour, sitePolicyStatsMinute, sites } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { parseInput } from "../../validation";
import { chooseStep, epochMs, levelFor, maxBucketsSchema } from "./history";
import {
  bucketOf,
  driverOf,
  recordedRollupBuckets,
  ROLLUP_LEVELS,
  type RollupLevel,
  type StatsRetention,
} from "./rollups";
import { perConnection } from "../../db/per-connection";

/*
 * Traffic per (exporter site, policy) in history: docs/database.md "Traffic per site". A sparse table per
 * rollup level holding each pair's rise in a bucket; site_id "" is traffic from exporters that are no endpoint.
 */

const SITE_LEVELS = {
  minute: { table: sitePolicyStatsMinute, name: "sdwan_site_policy_stats_minute" },
  hour: { table: sitePolicyStatsHour, name: "sdwan_site_policy_stats_hour" },
} as const satisfies Record<RollupLevel, unknown>;

/** What one (site, policy) pair rose since the last snapshot. */
export interface SitePolicyRise {
  site_id: string;
  policy_id: number;
  packets: number;
  bytes: number;
}

function prepareStatements(driver: Sqlite.Database) {
  const upsert = (name: string) =>
    driver.prepare<[string, number, number, number, number]>(
      `INSERT INTO ${name} (site_id, policy_id, bucket, packets, bytes) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (site_id, bucket, policy_id) DO UPDATE SET packets = packets + excluded.packets,
         bytes = bytes + excluded.bytes`,
    );
  return {
    hasSnapshot: driver.prepare<[number], { one: number }>(
      "SELECT 1 AS one FROM sdwan_policy_stats WHERE policy_id = ? LIMIT 1",
    ),
    siteExists: driver.prepare<[string], { one: number }>("SELECT 1 AS one FROM sdwan_sites WHERE id = ?"),
    upserts: (Object.keys(SITE_LEVELS) as RollupLevel[]).map((level) => ({
      widthMs: ROLLUP_LEVELS[level].widthMs,
      run: upsert(SITE_LEVELS[level].name),
    })),
  };
}

const statementsOf = perConnection(prepareStatements);

/**
 * Adds a snapshot's per-site rises to every level's bucket of `at`. Call inside the snapshot's transaction
 * before its raw rows are written: a policy without a raw row yet is at its first snapshot, which the
 * rollups take as a baseline, so its rises are left out too and the sites keep summing to the policy.
 * Rises of a deleted policy or site are dropped. Returns the pairs written.
 */
export function storeSiteRises(db: Db, { at, rises }: { at: number; rises: readonly SitePolicyRise[] }): number {
  if (rises.length === 0) return 0;
  const driver = driverOf(db);
  const s = statementsOf(driver);
  const counted = new Map<number, boolean>();
  const known = new Map<string, boolean>([["", true]]);
  let written = 0;
  for (const rise of rises) {
    let policyCounted = counted.get(rise.policy_id);
    if (policyCounted === undefined)
      counted.set(rise.policy_id, (policyCounted = s.hasSnapshot.get(rise.policy_id) !== undefined));
    let siteKnown = known.get(rise.site_id);
    if (siteKnown === undefined) known.set(rise.site_id, (siteKnown = s.siteExists.get(rise.site_id) !== undefined));
    if (!policyCounted || !siteKnown) continue;
    for (const level of s.upserts)
      level.run.run(rise.site_id, rise.policy_id, bucketOf(at, level.widthMs), rise.packets, rise.bytes);
    written++;
  }
  return written;
}

/** One bounded step of retention for the per-site levels, with the policy rollups' retentions (pruneStatsStep). */
export function pruneSiteTrafficStep(
  db: Db,
  { now, retention, limit }: { now: number; retention: StatsRetention; limit: number },
): { removed: number; done: boolean } {
  const driver = driverOf(db);
  const step = (name: string, before: number) =>
    driver
      .prepare(
        `DELETE FROM ${name} WHERE rowid IN (SELECT rowid FROM ${name} WHERE bucket < ? ORDER BY bucket LIMIT ?)`,
      )
      .run(before, limit).changes;
  const removed = db.transaction(() => [
    step(SITE_LEVELS.minute.name, now - retention.minute),
    step(SITE_LEVELS.hour.name, now - retention.hour),
  ]);
  return { removed: removed[0]! + removed[1]!, done: removed.every((n) => n < limit) };
}

/** The per-site rows of a site at every level: what deleting it removes. */
export function countSiteTrafficRows(db: Queryable, { siteId }: { siteId: string }): number {
  return Object.values(SITE_LEVELS).reduce(
    (sum, { table }) => sum + (db.select({ n: count() }).from(table).where(eq(table.site_id, siteId)).get()?.n ?? 0),
    0,
  );
}

/** Deletes a site's per-site rows inside the caller's (the site deletion's) transaction; returns how many. */
export function removeSiteTraffic(tx: Queryable, { siteId }: { siteId: string }): number {
  return Object.values(SITE_LEVELS).reduce(
    (sum, { table }) => sum + tx.delete(table).where(eq(table.site_id, siteId)).run().changes,
    0,
  );
}

/** One bucket of a site's traffic. */
export interface SiteTrafficPoint {
  /** Bucket start, epoch ms; the bucket holds the snapshots taken in (at, at + step_ms]. */
  at: number;
  packets: number;
  bytes: number;
  /** The bucket's rise over its width; null when the collector recorded nothing in it (down), a gap. */
  packets_per_second: number | null;
  bytes_per_second: number | null;
}

export interface SiteTrafficHistory {
  /** "" for traffic from exporters that are no endpoint. */
  site_id: string;
  policy_id: number | null;
  from: number;
  to: number;
  step_ms: number;
  points: SiteTrafficPoint[];
  /** The range's traffic per policy, most bytes first. */
  by_policy: { policy_id: number; name: string; packets: number; bytes: number }[];
}

const MINUTE = 60_000;
const historyParams = z
  .object({
    siteId: z.union([z.literal(""), z.uuid("site id must be a UUID, or empty for no endpoint")]),
    from: epochMs("from"),
    to: epochMs("to"),
    maxBuckets: maxBucketsSchema,
    policyId: z.number().int("policy id must be a whole number").positive("policy id must be positive").optional(),
  })
  .refine((p) => p.to > p.from, { message: "must be after from", path: ["to"] });

/**
 * A site's traffic between `from` and `to` in at most `maxBuckets` buckets, all its policies' or one's.
 * The levels are minute and hour, so a bucket is never narrower than a minute: a short range has fewer
 * buckets than asked. Reads the hour level where traffic_history does (levelFor), else the minute level.
 */
export function getSiteTrafficHistory(
  db: Db,
  params: { siteId: string; from: number; to: number; maxBuckets?: number; policyId?: number },
): SiteTrafficHistory {
  const { siteId, from, to, maxBuckets, policyId } = parseInput(historyParams, params);
  const site = siteId.toLowerCase();
  if (site !== "" && !db.select({ id: sites.id }).from(sites).where(eq(sites.id, site)).get())
    throw new NotFoundError(`site ${site} does not exist`);
  const step = Math.max(chooseStep(from, to, maxBuckets), MINUTE);
  const level: RollupLevel = levelFor(from, to, step) === "hour" ? "hour" : "minute";
  const { table } = SITE_LEVELS[level];
  const lo = from - (from % ROLLUP_LEVELS[level].widthMs);
  const onePolicy = policyId === undefined ? sql`` : sql`AND r.policy_id = ${policyId}`;
  const range = sql`r.site_id = ${site} AND r.bucket >= ${lo} AND r.bucket < ${to} ${onePolicy}`;
  const cells = db.all<{ at: number; packets: number; bytes: number }>(sql`
    SELECT r.bucket - r.bucket % ${step} AS at, sum(r.packets) AS packets, sum(r.bytes) AS bytes
    FROM ${table} r WHERE ${range} GROUP BY 1 ORDER BY 1
  `);
  const by_policy = db.all<{ policy_id: number; name: string; packets: number; bytes: number }>(sql`
    SELECT r.policy_id, p.name, sum(r.packets) AS packets, sum(r.bytes) AS bytes
    FROM ${table} r JOIN ${policies} p ON p.policy_id = r.policy_id WHERE ${range}
    GROUP BY r.policy_id ORDER BY 4 DESC, 1
  `);
  const recorded = recordedRollupBuckets(db, { level, from, to, step });
  const byAt = new Map(cells.map((c) => [c.at, c]));
  const points: SiteTrafficPoint[] = [];
  for (let at = from - (from % step); at < to; at += step) {
    const cell = byAt.get(at);
    const seen = recorded.has(at) || cell !== undefined;
    points.push({
      at,
      packets: cell?.packets ?? 0,
      bytes: cell?.bytes ?? 0,
      packets_per_second: seen ? (cell?.packets ?? 0) / (step / 1000) : null,
      bytes_per_second: seen ? (cell?.bytes ?? 0) / (step / 1000) : null,
    });
  }
  return { site_id: site, policy_id: policyId ?? null, from, to, step_ms: step, points, by_policy };
}
