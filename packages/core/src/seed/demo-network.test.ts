import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listPolicies } from "../policies";
import { listPaths, listSites } from "../sites";
import { createTestDb, type TestDb } from "../testing";
import { seedDemoNetwork } from "./demo-network";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

describe("the demo network", () => {
  it("seeds 12 sites, 40 paths between different sites, a day of metrics and 25 policies ending in a catch-all", () => {
    const summary = seedDemoNetwork(t.db, { now: Date.UTC(2026, 10, 1) });

    expect(summary).toEqual({ seeded: true, sites: 12, paths: 40, policies: 25, metricRows: 40 * 289 });
    expect(listSites(t.db)).toHaveLength(12);
    expect(listPaths(t.db).every((p) => p.source_site_id !== p.destination_site_id)).toBe(true);
    expect(listPolicies(t.db).at(-1)).toMatchObject({ priority: 0, match_rules: {} });
  });

  it("leaves a database that already has sites alone", () => {
    seedDemoNetwork(t.db);
    expect(seedDemoNetwork(t.db)).toMatchObject({ seeded: false, sites: 12 });
    expect(listSites(t.db)).toHaveLength(12);
  });
});
