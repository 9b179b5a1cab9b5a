import { storePolicyStats } from "@patronus/core/traffic/stats";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startCollector, type RunningCollector } from "./collector";
import { loadEnv } from "./env";
import { createDataDir, testEnv } from "./testing/harness";

const DAY = 24 * 3_600_000;

let data: ReturnType<typeof createDataDir> | undefined;
let running: RunningCollector | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
  data?.cleanup();
  data = undefined;
});

const count = (table: string) => data!.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;

const RETENTION = {
  PATRONUS_STATS_RETENTION_RAW: "1",
  PATRONUS_STATS_RETENTION_MINUTE: "4",
  PATRONUS_STATS_RETENTION_HOUR: "10",
};

/** A snapshot every 6 h for 12 days: 48 raw rows, and a minute and an hour bucket each; returns their "now". */
function twelveDaysOfSnapshots(): number {
  data = createDataDir([{ name: "voice", priority: 100 }]);
  const policyId = data.db.get<{ id: number }>("SELECT policy_id AS id FROM sdwan_policies").id;
  const now = Date.now();
  for (let n = 48; n >= 1; n--) {
    storePolicyStats(data.db, {
      at: now - n * 6 * 3_600_000,
      stats: [{ policy_id: policyId, packets_matched: 1000 - n, bytes_matched: 0, active_flows: 0 }],
    });
  }
  return now;
}

describe("snapshot retention", () => {
  it("refuses a minute retention shorter than the 3 days history reads from it, naming the variable", () => {
    expect(() => loadEnv({ PATRONUS_STATS_RETENTION_MINUTE: "2" })).toThrow(
      /PATRONUS_STATS_RETENTION_MINUTE.*at least 3 days/,
    );
  });

  it("prunes each level to its own retention when it starts", async () => {
    const now = twelveDaysOfSnapshots();

    running = await startCollector(testEnv(data!.dir, RETENTION), () => {});

    const oldest = (table: string, column: string) =>
      data!.db.get<{ at: number }>(`SELECT min(${column}) AS at FROM ${table}`).at;
    await vi.waitFor(() => expect(oldest("sdwan_policy_stats_hour", "bucket")).toBeGreaterThanOrEqual(now - 10 * DAY), {
      timeout: 10_000,
    });
    expect(oldest("sdwan_policy_stats", "timestamp")).toBeGreaterThanOrEqual(now - DAY);
    expect(oldest("sdwan_policy_stats_minute", "bucket")).toBeGreaterThanOrEqual(now - 4 * DAY);
    expect(oldest("sdwan_policy_stats_hour", "bucket")).toBeGreaterThanOrEqual(now - 10 * DAY);
    // The row exactly a day old expired in the moment between writing it and the collector's start.
    expect(count("sdwan_policy_stats")).toBe(3);
    expect(count("sdwan_policy_stats_minute")).toBeGreaterThanOrEqual(15);
    expect(count("sdwan_policy_stats_hour")).toBeGreaterThanOrEqual(39);
  });

  it("logs how many rows of each level it pruned, the totals' rows included", async () => {
    twelveDaysOfSnapshots();
    const totalsRows = () =>
      count("sdwan_stats_totals_10s") + count("sdwan_stats_totals_minute") + count("sdwan_stats_totals_hour");
    const totalsBefore = totalsRows();
    const lines: string[] = [];

    running = await startCollector(testEnv(data!.dir, RETENTION), (line) => lines.push(line));

    const pruned = await vi.waitFor(
      () => {
        const line = lines.find((l) => l.includes("retention: removed"));
        expect(line).toBeDefined();
        return line!;
      },
      { timeout: 10_000 },
    );
    const totalsRemoved = totalsBefore - totalsRows();
    expect(totalsRemoved).toBeGreaterThan(0);
    expect(pruned).toMatch(new RegExp(`\\b${totalsRemoved} totals rows\\b`));
  });
});
