import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditLog } from "../audit";
import type { Db } from "../db/client";
import { NotFoundError, ValidationError } from "../errors";
import { EventBus, type DomainEvent } from "../events";
import { createPolicy, getPolicy } from "../policies";
import { buildMesh, createTestDb, insertPath, insertSite, race, type TestDb } from "../testing";
import { countSiteDependencies, deleteSite } from "./delete-site";

const tables = ["sdwan_sites", "sdwan_endpoints", "sdwan_paths", "sdwan_path_metrics", "sdwan_policies"] as const;

function rowCounts(db: Db): Record<(typeof tables)[number], number> {
  const counts = {} as Record<(typeof tables)[number], number>;
  for (const table of tables) {
    counts[table] = db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)).n;
  }
  return counts;
}

/** Sites A, B, C. A: a1, a2; B: b1; C: c1. Paths a1→b1, b1→a1, a2→c1 touch A; b1→c1, c1→b1 do not. */
function buildTriangle(db: Db) {
  const a = insertSite(db, 1, 2);
  const b = insertSite(db, 2, 1);
  const c = insertSite(db, 3, 1);
  const [a1, a2] = a.endpointIds as [number, number];
  const [b1] = b.endpointIds as [number];
  const [c1] = c.endpointIds as [number];
  const aToB = insertPath(db, a1, b1, 5);
  insertPath(db, b1, a1, 4);
  insertPath(db, a2, c1, 3);
  const bToC = insertPath(db, b1, c1, 2);
  insertPath(db, c1, b1, 1);
  return { a, b, c, aToB, bToC };
}

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

describe("countSiteDependencies", () => {
  it("counts the site's endpoints, every path touching them, their metrics and pinned policies", () => {
    const { a, aToB } = buildTriangle(t.db);
    const pinned = createPolicy(t.db, { name: "voice", priority: 900, pinned_path_id: aToB });

    expect(countSiteDependencies(t.db, a.id)).toEqual({
      site_id: a.id,
      site_name: "site-1",
      endpoints: 2,
      paths: 3,
      path_metrics: 12,
      pinned_policies: [{ policy_id: pinned.policy_id, name: "voice" }],
      traffic_rows: 0,
    });
  });

  it("changes nothing", () => {
    const { a } = buildTriangle(t.db);
    const before = rowCounts(t.db);
    countSiteDependencies(t.db, a.id);
    expect(rowCounts(t.db)).toEqual(before);
  });
});

describe("deleteSite", () => {
  it("removes the site, its endpoints, every path touching it and their metrics, table by table", () => {
    const { a } = buildTriangle(t.db);

    const result = deleteSite(t.db, { siteId: a.id, actor: "admin@example.com" });

    expect(result).toMatchObject({ endpoints: 2, paths: 3, path_metrics: 12 });
    expect(rowCounts(t.db)).toEqual({
      sdwan_sites: 2,
      sdwan_endpoints: 2,
      sdwan_paths: 2,
      sdwan_path_metrics: 3,
      sdwan_policies: 0,
    });
  });

  it("removes the paths that point at it from other sites and keeps the others' paths between themselves", () => {
    const { a, bToC } = buildTriangle(t.db);

    deleteSite(t.db, { siteId: a.id, actor: "admin" });

    const left = t.db.all<{ id: number }>(sql`SELECT id FROM sdwan_paths ORDER BY id`).map((r) => r.id);
    expect(left).toEqual([bToC, bToC + 1]);
  });

  it("unpins policies pinned to a removed path instead of deleting them", () => {
    const { a, aToB } = buildTriangle(t.db);
    const policy = createPolicy(t.db, {
      name: "voice",
      priority: 900,
      pinned_path_id: aToB,
      path_preference: "lowest_loss",
    });

    deleteSite(t.db, { siteId: a.id, actor: "admin" });

    expect(getPolicy(t.db, { policyId: policy.policy_id })).toMatchObject({
      pinned_path_id: null,
      path_preference: "lowest_loss",
    });
  });

  it("writes one success audit row in the same transaction with the counts", () => {
    const { a } = buildTriangle(t.db);

    const result = deleteSite(t.db, { siteId: a.id, actor: "admin@example.com" }, { now: () => 1234 });

    const [entry, ...rest] = listAuditLog(t.db);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      id: result.audit_id,
      at: 1234,
      actor: "admin@example.com",
      action: "site.delete",
      target: `site:${a.id}`,
      outcome: "success",
      details: { endpoints: 2, paths: 3, path_metrics: 12 },
    });
  });

  it("publishes site_deleted after the commit", () => {
    const { a } = buildTriangle(t.db);
    const events = new EventBus();
    const seen: { event: DomainEvent; sitesLeft: number }[] = [];
    events.subscribe((event) => seen.push({ event, sitesLeft: rowCounts(t.db).sdwan_sites }));

    deleteSite(t.db, { siteId: a.id, actor: "admin" }, { events });

    expect(seen).toEqual([
      { event: expect.objectContaining({ type: "site_deleted", site_id: a.id, paths: 3 }), sitesLeft: 2 },
    ]);
  });

  it("rejects a malformed id with a validation error and audits the failure", () => {
    expect(() => deleteSite(t.db, { siteId: "not-a-uuid", actor: "admin" })).toThrow(ValidationError);
    expect(listAuditLog(t.db)).toEqual([expect.objectContaining({ outcome: "failed", target: "site:not-a-uuid" })]);
  });

  it("reports an unknown site as not found, writing nothing but a not_found audit row", () => {
    buildTriangle(t.db);
    const before = rowCounts(t.db);
    const unknown = "00000000-0000-4000-8000-00000000ffff";

    expect(() => deleteSite(t.db, { siteId: unknown, actor: "admin" })).toThrow(NotFoundError);

    expect(rowCounts(t.db)).toEqual(before);
    expect(listAuditLog(t.db)).toEqual([expect.objectContaining({ outcome: "not_found", target: `site:${unknown}` })]);
  });

  it("leaves every row as it was when a statement fails midway, and audits the failure", () => {
    const { a } = buildTriangle(t.db);
    createPolicy(t.db, { name: "voice", priority: 900, pinned_path_id: 1 });
    const before = rowCounts(t.db);
    // Fails after the metrics and paths are gone, when the endpoints go: the rollback must restore all.
    t.db.run(
      sql`CREATE TRIGGER fail_midway BEFORE DELETE ON sdwan_endpoints BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );

    expect(() => deleteSite(t.db, { siteId: a.id, actor: "admin" })).toThrow(/injected failure/);

    expect(rowCounts(t.db)).toEqual(before);
    expect(getPolicy(t.db, { policyId: 1 })?.pinned_path_id).toBe(1);
    expect(listAuditLog(t.db, { target: `site:${a.id}` })).toEqual([expect.objectContaining({ outcome: "failed" })]);
  });

  it("counts exactly pathsPerSite paths for any site of a mesh", () => {
    const { siteIds } = buildMesh(t.db, { siteCount: 10, pathsPerSite: 20, metricsPerPath: 2 });
    expect(deleteSite(t.db, { siteId: siteIds[3]!, actor: "admin" })).toMatchObject({ paths: 20, path_metrics: 40 });
  });

  it("lets exactly one of two processes deleting the same site at once succeed; the other gets not-found", () => {
    const { a } = buildTriangle(t.db);

    const [outcomes] = race(2, "delete-site", [{ file: t.file, arg: a.id }]);

    expect(outcomes?.sort()).toEqual(["deleted", "not_found"]);
    expect(rowCounts(t.db).sdwan_sites).toBe(2);
  });
});
