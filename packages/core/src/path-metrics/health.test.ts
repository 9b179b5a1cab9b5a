import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addEndpoint, createPath, createSite } from "../sites";
import { createTestDb, type TestDb } from "../testing";
import { getPathMetricHistory, listPathHealth } from "./health";
import { ingestPathMetrics } from "./ingest";

const NOW = Date.UTC(2026, 5, 1, 12);
let t: TestDb;
let ids: { a: string; c: string; ab: number; ba: number; ac: number };

beforeEach(() => {
  t = createTestDb();
  const [a, b, c] = ["A", "B", "C"].map((name) => createSite(t.db, { name }));
  const end = (site_id: string, n: number) =>
    addEndpoint(t.db, { site_id, address: `198.51.100.${n}`, port: 4500, interface_kind: "fiber" }).id;
  const [ea, eb, ec] = [end(a!.id, 1), end(b!.id, 2), end(c!.id, 3)];
  const ab = createPath(t.db, { source_endpoint_id: ea, destination_endpoint_id: eb }).id;
  const ba = createPath(t.db, { source_endpoint_id: eb, destination_endpoint_id: ea }).id;
  const ac = createPath(t.db, { source_endpoint_id: ea, destination_endpoint_id: ec }).id;
  ids = { a: a!.id, c: c!.id, ab, ba, ac };
  const at = (path_id: number, timestamp: number, latency_ms: number) => ({
    path_id,
    timestamp,
    latency_ms,
    jitter_ms: 0,
    packet_loss_pct: 0,
  });
  ingestPathMetrics(t.db, {
    actor: "test",
    now: NOW,
    samples: [at(ab, NOW - 3_600_000, 30), at(ab, NOW - 60_000, 90), at(ba, NOW - 60_000, 180)],
  });
});

afterEach(() => t.destroy());

describe("path health", () => {
  it("lists paths worst first with their latest metrics, unmeasured before measured within a status", () => {
    const rows = listPathHealth(t.db);
    expect(rows.map((r) => [r.path_id, r.status, r.latest?.latency_ms ?? null])).toEqual([
      [ids.ba, "degraded", 180],
      [ids.ac, "up", null],
      [ids.ab, "up", 90],
    ]);
    expect(rows[2]).toMatchObject({ source: { site_name: "A" }, destination: { site_name: "B" } });
  });

  it("filters by a site at either end and by status", () => {
    expect(listPathHealth(t.db, { siteId: ids.c }).map((r) => r.path_id)).toEqual([ids.ac]);
    expect(listPathHealth(t.db, { siteId: ids.a, status: "up" }).map((r) => r.path_id)).toEqual([ids.ac, ids.ab]);
  });

  it("averages history into round buckets and leaves empty ones out", () => {
    const { step_ms, buckets } = getPathMetricHistory(t.db, {
      pathId: ids.ab,
      from: NOW - 2 * 3_600_000,
      to: NOW,
      maxBuckets: 200,
    });
    expect(step_ms).toBe(60_000);
    expect(buckets).toEqual([
      expect.objectContaining({ start: NOW - 3_600_000, samples: 1, latency_ms: 30 }),
      expect.objectContaining({ start: NOW - 60_000, samples: 1, latency_ms: 90, score: 70 }),
    ]);
  });

  it("puts samples that fall within one bucket into that bucket, so a week holds at most max_buckets", () => {
    // A sample every 5 minutes for a week, off the minute: a week's chart has hourly buckets.
    const samples = [];
    for (let at = NOW - 7 * 86_400_000 + 7_000; at < NOW; at += 300_000)
      samples.push({ path_id: ids.ac, timestamp: at, latency_ms: 20, jitter_ms: 0, packet_loss_pct: 0 });
    // Batches of at most 1,000, the ingest's limit.
    for (let i = 0; i < samples.length; i += 1000)
      ingestPathMetrics(t.db, { actor: "test", now: NOW, samples: samples.slice(i, i + 1000) });
    const { step_ms, buckets } = getPathMetricHistory(t.db, {
      pathId: ids.ac,
      from: NOW - 7 * 86_400_000,
      to: NOW,
      maxBuckets: 168,
    });
    expect(step_ms).toBe(3_600_000);
    expect(buckets).toHaveLength(168);
    expect(buckets.every((b) => b.samples === 12 && b.start % 3_600_000 === 0)).toBe(true);
  });

  it("refuses a range that ends before it starts", () => {
    expect(() => getPathMetricHistory(t.db, { pathId: ids.ab, from: NOW, to: NOW - 1 })).toThrow(
      /from must be before to/,
    );
  });
});
