import { desc, eq, inArray, max } from "drizzle-orm";
import { z } from "zod";
import type { PathMetricsSnapshot } from "../cache";
import type { Db } from "../db/client";
import { pathMetrics, paths, pathStatuses } from "../db/schema";
import { writeAudit } from "../audit";
import { ValidationError } from "../errors";
import { domainEvents } from "../events";
import type { RoutingCaches } from "../routing";
import { parseInput } from "../validation";

/** Most samples one batch may carry: a probe reporting every path of a large network at once (docs/api.md, Path metrics). */
export const MAX_SAMPLES_PER_BATCH = 1000;
/** Probes' clocks drift; a sample this far ahead of ours is refused as a wrong clock, not stored. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Older samples are refused: the charts show at most 7 days, and a late backfill would not be seen. */
export const MAX_SAMPLE_AGE_MS = 7 * 24 * 60 * 60_000;
/** A minute of delay is no longer a path; the bound keeps a unit mistake (µs for ms) out of averages. */
const MAX_DELAY_MS = 60_000;

/** Below this score a path is degraded; at or above this loss it is down and routing skips it. */
export const DEGRADED_BELOW_SCORE = 50;
export const DOWN_AT_LOSS_PCT = 50;

const sample = z.object({
  path_id: z.number().int().positive(),
  /** Epoch milliseconds; the time of ingest when omitted. */
  timestamp: z.number().int().nonnegative().optional(),
  latency_ms: z.number().finite().min(0).max(MAX_DELAY_MS),
  jitter_ms: z.number().finite().min(0).max(MAX_DELAY_MS),
  packet_loss_pct: z.number().finite().min(0).max(100),
  /** The path's previous figure (else 0) when omitted: most probes measure delay and loss only. */
  bandwidth_mbps: z.number().finite().min(0).max(1_000_000).optional(),
  mtu: z.number().int().min(68).max(65_535).optional(),
  /** Computed from latency, jitter and loss (pathScore) when omitted. */
  score: z.number().int().min(0).max(100).optional(),
});

const batch = z.array(sample).min(1, "send at least one sample").max(MAX_SAMPLES_PER_BATCH);

export type PathMetricSample = z.input<typeof sample>;

export interface IngestResult {
  /** Rows written. */
  recorded: number;
  /** Paths whose status this batch changed, with the new status. */
  status_changes: { path_id: number; status: (typeof pathStatuses)[number] }[];
}

/** 0-100, higher is better: the demo seed's formula, so ingested and seeded scores compare. */
export function pathScore({
  latency_ms,
  jitter_ms,
  packet_loss_pct,
}: Pick<PathMetricsSnapshot, "latency_ms" | "jitter_ms" | "packet_loss_pct">): number {
  return Math.max(0, Math.min(100, Math.round(100 - latency_ms / 3 - packet_loss_pct * 10 - jitter_ms)));
}

/** A path's status from its latest measurement (docs/api.md, Path metrics). */
export function statusOf({ score, packet_loss_pct }: Pick<PathMetricsSnapshot, "score" | "packet_loss_pct">) {
  if (packet_loss_pct >= DOWN_AT_LOSS_PCT) return "down" as const;
  return score < DEGRADED_BELOW_SCORE ? ("degraded" as const) : ("up" as const);
}

/**
 * Records a batch of path measurements from a probe or edge device: validated as a whole (nothing is
 * written when one sample is bad), written in one transaction with each path's status set from its
 * newest sample, then the metrics cache holds the new latest figures and the routing decisions are
 * dropped so the next route query sees them. A refused batch is audited as failed under `actor`.
 */
export function ingestPathMetrics(
  db: Db,
  { actor, samples, now = Date.now() }: { actor: string; samples: unknown; now?: number },
  caches?: RoutingCaches,
): IngestResult {
  let checked: { rows: PathMetricsSnapshot[]; statuses: Map<number, string> };
  try {
    checked = validate(db, samples, now);
  } catch (error) {
    if (error instanceof ValidationError) {
      writeAudit(db, {
        actor,
        action: "path_metrics.ingest",
        target: "path_metrics",
        outcome: "failed",
        details: { reason: error.message },
        at: now,
      });
    }
    throw error;
  }
  const { rows, statuses } = checked;
  const newest = newestByPath(rows);
  const { current, status_changes } = db.transaction((tx) => {
    const previous = new Map(
      tx
        .select({ path_id: pathMetrics.path_id, at: max(pathMetrics.timestamp) })
        .from(pathMetrics)
        .where(inArray(pathMetrics.path_id, [...newest.keys()]))
        .groupBy(pathMetrics.path_id)
        .all()
        .map((r) => [r.path_id, r.at ?? -Infinity]),
    );
    // SQLite caps bound parameters per statement (32766); 8 columns a row.
    for (let i = 0; i < rows.length; i += 4000)
      tx.insert(pathMetrics)
        .values(rows.slice(i, i + 4000))
        .run();
    const current: PathMetricsSnapshot[] = [];
    const changes: IngestResult["status_changes"] = [];
    for (const latest of newest.values()) {
      // A backfill of older samples does not overrule what the path reported since.
      if (latest.timestamp < (previous.get(latest.path_id) ?? -Infinity)) continue;
      current.push(latest);
      const status = statusOf(latest);
      if (statuses.get(latest.path_id) === status) continue;
      tx.update(paths).set({ status, updated_at: now }).where(eq(paths.id, latest.path_id)).run();
      changes.push({ path_id: latest.path_id, status });
    }
    return { current, status_changes: changes };
  });
  // Subscribers (routing/decide-route.ts) drop these paths' entries in their caches. The caches given
  // here get the new latest figures, so the next lookup is a hit on fresh data, and lose every routing
  // decision: any decision between these paths' sites compared them, and the key does not say which.
  domainEvents.publish({ type: "path_metrics_recorded", path_ids: [...newest.keys()] });
  if (caches) {
    for (const latest of current) caches.metrics.insert(latest.path_id, latest);
    caches.routing.clear();
  }
  return { recorded: rows.length, status_changes };
}

function validate(
  db: Db,
  samples: unknown,
  now: number,
): { rows: PathMetricsSnapshot[]; statuses: Map<number, string> } {
  const parsed = parseInput(batch, samples, "samples");
  const ids = [...new Set(parsed.map((s) => s.path_id))];
  const statuses = new Map(
    db
      .select({ id: paths.id, status: paths.status })
      .from(paths)
      .where(inArray(paths.id, ids))
      .all()
      .map((p) => [p.id, p.status as string]),
  );
  const rows = parsed.map((s, i) => {
    const field = `samples[${i}]`;
    if (!statuses.has(s.path_id))
      throw new ValidationError(`${field}.path_id: no path has id ${s.path_id}`, `${field}.path_id`);
    const timestamp = s.timestamp ?? now;
    if (timestamp > now + MAX_CLOCK_SKEW_MS)
      throw new ValidationError(
        `${field}.timestamp: ${new Date(timestamp).toISOString()} is in the future (check the probe's clock)`,
        `${field}.timestamp`,
      );
    if (timestamp < now - MAX_SAMPLE_AGE_MS)
      throw new ValidationError(
        `${field}.timestamp: ${new Date(timestamp).toISOString()} is older than 7 days`,
        `${field}.timestamp`,
      );
    const before = s.bandwidth_mbps === undefined || s.mtu === undefined ? previousOf(db, s.path_id) : undefined;
    return {
      path_id: s.path_id,
      timestamp,
      latency_ms: s.latency_ms,
      jitter_ms: s.jitter_ms,
      packet_loss_pct: s.packet_loss_pct,
      bandwidth_mbps: s.bandwidth_mbps ?? before?.bandwidth_mbps ?? 0,
      mtu: s.mtu ?? before?.mtu ?? 1500,
      score: s.score ?? pathScore(s),
    };
  });
  return { rows, statuses };
}

function previousOf(db: Db, pathId: number): { bandwidth_mbps: number; mtu: number } | undefined {
  return db
    .select({ bandwidth_mbps: pathMetrics.bandwidth_mbps, mtu: pathMetrics.mtu })
    .from(pathMetrics)
    .where(eq(pathMetrics.path_id, pathId))
    .orderBy(desc(pathMetrics.timestamp))
    .limit(1)
    .get();
}

/** Each path's newest sample of the batch; of equal times the later in the batch. */
function newestByPath(rows: PathMetricsSnapshot[]): Map<number, PathMetricsSnapshot> {
  const newest = new Map<number, PathMetricsSnapshot>();
  for (const row of rows) {
    const seen = newest.get(row.path_id);
    if (!seen || row.timestamp >= seen.timestamp) newest.set(row.path_id, row);
  }
  return newest;
}
