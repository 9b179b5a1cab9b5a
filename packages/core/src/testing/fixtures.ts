import type { Queryable as Db } from "../db/client";
import { endpoints, pathMetrics, paths, sites } from "../db/schema";

const base = Date.UTC(2026, 0, 1);

/** A site with `endpointCount` endpoints (10.<n>.<e>.1:4500), written straight to the tables for speed. */
export function insertSite(db: Db, n: number, endpointCount: number): { id: string; endpointIds: number[] } {
  const id = `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  db.insert(sites)
    .values({
      id,
      name: `site-${n}`,
      location: `Region ${n % 7}`,
      status: "active",
      created_at: base,
      updated_at: base,
    })
    .run();
  const endpointIds = Array.from(
    { length: endpointCount },
    (_, e) =>
      db
        .insert(endpoints)
        .values({
          site_id: id,
          address: `10.${n % 256}.${e}.1`,
          port: 4500,
          interface_kind: e % 2 === 0 ? "fiber" : "lte",
          cost_per_gb: e % 2 === 0 ? 0.01 : 2.5,
          created_at: base,
        })
        .returning({ id: endpoints.id })
        .get().id,
  );
  return { id, endpointIds };
}

export function insertPath(db: Db, source: number, destination: number, metricRows: number): number {
  const pathId = db
    .insert(paths)
    .values({ source_endpoint_id: source, destination_endpoint_id: destination, created_at: base, updated_at: base })
    .returning({ id: paths.id })
    .get().id;
  const rows = Array.from({ length: metricRows }, (_, i) => ({
    path_id: pathId,
    timestamp: base + i * 60_000,
    latency_ms: 10 + (i % 40),
    jitter_ms: 1 + (i % 5),
    packet_loss_pct: (i % 10) / 10,
    bandwidth_mbps: 500,
    mtu: 1500,
    score: 90 - (i % 20),
  }));
  for (let i = 0; i < rows.length; i += 2000)
    db.insert(pathMetrics)
      .values(rows.slice(i, i + 2000))
      .run();
  return pathId;
}

/**
 * `siteCount` sites where every site touches exactly `pathsPerSite` paths: half outgoing, spread
 * over the other sites, and by symmetry half incoming. Used by the cascade tests and benchmark.
 */
export function buildMesh(
  db: Db,
  { siteCount, pathsPerSite, metricsPerPath }: { siteCount: number; pathsPerSite: number; metricsPerPath: number },
): { siteIds: string[] } {
  const outgoing = Math.floor(pathsPerSite / 2);
  const others = siteCount - 1;
  const endpointCount = Math.max(1, Math.ceil(outgoing / others));
  return db.transaction((tx) => {
    const built = Array.from({ length: siteCount }, (_, n) => insertSite(tx, n + 1, endpointCount));
    built.forEach((site, i) => {
      for (let j = 0; j < outgoing; j++) {
        const target = built[(i + 1 + (j % others)) % siteCount]!;
        const e = Math.floor(j / others) % endpointCount;
        insertPath(tx, site.endpointIds[e]!, target.endpointIds[e]!, metricsPerPath);
      }
    });
    return { siteIds: built.map((s) => s.id) };
  });
}
