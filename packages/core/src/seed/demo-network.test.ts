import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listPolicies } from "../policies";
import { listPaths, listSites } from "../sites";
import { createTestDb, type TestDb } from "../testing";
import { getLatestStatsOfAllPolicies, getTrafficHistory } from "../traffic/stats";
import { seedDemoNetwork } from "./demo-network";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

describe("the demo network", () => {
  it("seeds 12 sites, 40 paths between different sites, a day of metrics and 25 policies ending in a catch-all", () => {
    const summary = seedDemoNetwork(t.db, { now: Date.UTC(2026, 10, 1) });

    expect(summary).toEqual({
      seeded: true,
      sites: 12,
      paths: 40,
      policies: 25,
      metricRows: 40 * 289,
      statsRows: 25 * (1440 + 1),
    });
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

describe("the demo traffic history", () => {
  it("charts a day of every policy's traffic and ends in a reset, so live counters start from zero", () => {
    const now = Date.UTC(2026, 10, 1);
    seedDemoNetwork(t.db, { now });

    const day = getTrafficHistory(t.db, { from: now - 24 * 60 * 60 * 1000, to: now, maxBuckets: 288 });
    expect(day.points).toHaveLength(288);
    expect(day.points.every((p) => (p.packets_per_second ?? 0) > 0)).toBe(true);
    expect(day.points.slice(0, -1).every((p) => p.active_flows! > 0)).toBe(true); // the reset row has no flows
    expect(getLatestStatsOfAllPolicies(t.db)).toHaveLength(25);
    expect(
      getLatestStatsOfAllPolicies(t.db).every(
        (r) => r.timestamp === now && r.packets_matched === 0 && r.active_flows === 0,
      ),
    ).toBe(true);
  });

  it("is the same on every fresh database", () => {
    const now = Date.UTC(2026, 10, 1);
    seedDemoNetwork(t.db, { now });
    const other = createTestDb();
    try {
      seedDemoNetwork(other.db, { now });
      const range = { from: now - 60 * 60 * 1000, to: now, maxBuckets: 60 };
      expect(getTrafficHistory(other.db, range)).toEqual(getTrafficHistory(t.db, range));
    } finally {
      other.destroy();
    }
  });
});
