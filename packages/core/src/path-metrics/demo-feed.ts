import type { RoutingCaches } from "../routing";
import type { Db } from "../db/client";
import { prng } from "../random";
import { listSites } from "../sites";
import { demoSites } from "../seed";
import { ingestPathMetrics, type PathMetricSample } from "./ingest";
import { listPathHealth } from "./health";

const DAY_MS = 24 * 60 * 60_000;

/**
 * One fresh sample per path, near its last figures: a random walk with the seed's daily busy curve,
 * so the charts move the way the seeded day does. Paths never measured start from a fiber-like line.
 */
export function demoSamples(db: Db, { now, random }: { now: number; random: () => number }): PathMetricSample[] {
  const busy = Math.max(0, Math.sin(((now % DAY_MS) / DAY_MS) * 2 * Math.PI - Math.PI / 2));
  return listPathHealth(db).map(({ path_id, latest, source }) => {
    const isLte = source.interface_kind === "lte";
    const base = latest?.latency_ms ?? (isLte ? 50 : 12);
    // Bounded, so hours of drift never walk a path off the chart.
    const latency = Math.min(300, Math.max(1, base * (0.97 + random() * 0.06)));
    const loss = Math.max(0, (isLte ? 0.8 : 0.05) * busy + (random() < 0.02 ? random() * 3 : 0));
    return {
      path_id,
      timestamp: now,
      latency_ms: round(latency),
      jitter_ms: round(latency * 0.05 + random() * 2),
      packet_loss_pct: round(Math.min(loss, 100)),
      bandwidth_mbps: latest?.bandwidth_mbps,
    };
  });
}

/**
 * While the demo network is there (half its sites by name, as the collector's demo traffic decides),
 * writes a sample per path every `intervalMs` through ingestPathMetrics, so the path charts and the
 * routing answers move. Returns the stop function.
 */
export function startDemoMetricsFeed(
  db: Db,
  {
    intervalMs,
    caches,
    now = Date.now,
    log = console.error,
  }: {
    intervalMs: number;
    caches?: RoutingCaches;
    now?: () => number;
    log?: (message: string) => void;
  },
): () => void {
  const random = prng(now());
  const tick = () => {
    try {
      const names = new Set(listSites(db).map((s) => s.name));
      if (demoSites.filter((site) => names.has(site.name)).length * 2 < demoSites.length) return;
      const samples = demoSamples(db, { now: now(), random });
      if (samples.length > 0) ingestPathMetrics(db, { actor: "demo", samples, now: now() }, caches);
    } catch (error) {
      log(`demo path metrics: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
