import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase, type Db } from "@patronus/core/db";
import { createPolicy, listPolicies } from "@patronus/core/policies";
import { keep, msMedian, report } from "@patronus/core/testing";
import { restoreCollector, TrafficStatsCollector } from "@patronus/core/traffic/engine";
import { PolicyMatcher } from "@patronus/core/traffic/match";
import { getLatestStatsOfAllPolicies } from "@patronus/core/traffic/stats";
import { benchHistoryDb } from "@patronus/core/traffic/stats/bench-history-db";

/**
 * What the collector does before it receives (collector.ts: open the database, migrate, load the
 * policies into a matcher, restore the counters from the latest snapshots) on the shared bench database
 * of 1,000 policies and a year of history (core's bench-history-db.ts), beside the same on a fresh
 * database holding as many policies; and the policies' counters read with the collector down beside the live answer.
 */
export function run(): void {
  const shared = benchHistoryDb();
  const dir = mkdtempSync(join(tmpdir(), "patronus-startup-bench-"));
  try {
    const empty = policiesOnly(shared.file, join(dir, "policies-only.db"));
    const big = msMedian(
      () => undefined,
      () => start(shared.file),
      3,
    );
    const small = msMedian(
      () => undefined,
      () => start(empty),
      3,
    );
    report("collector start, 1 y of history", big, small, "ms", "< 2000 ms");
    console.log("  (baseline: the same start on the same 1,000 policies without history)");
    collectorDown(shared.file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** collector.ts's start-up work, up to listening; returns how many policies it restored. */
function start(file: string): number {
  const { db, close } = openDatabase(file);
  try {
    migrateDatabase(db);
    const collector = new TrafficStatsCollector({ maxFlows: 100_000 });
    collector.setMatcher(new PolicyMatcher(listPolicies(db)));
    return restoreCollector(db, collector);
  } finally {
    close();
  }
}

/** A fresh database with as many policies and no history: the baseline start. */
function policiesOnly(from: string, to: string): string {
  const source = openDatabase(from);
  const count = listPolicies(source.db).length;
  source.close();
  const { db, close } = openDatabase(to);
  migrateDatabase(db);
  for (let i = 0; i < count; i++) createPolicy(db, { name: `p${i}`, priority: i % 1001 });
  close();
  return to;
}

/**
 * The web's policies query reads every policy's latest snapshot when the collector is down; live, the
 * collector answers from memory (here its counters as JSON, parsed back: the control API's body,
 * without the loopback HTTP round trip).
 */
function collectorDown(file: string): void {
  const { db, close } = openDatabase(file);
  try {
    const collector = new TrafficStatsCollector({ maxFlows: 100_000 });
    restoreCollector(db, collector);
    const live = msMedian(
      () => undefined,
      () => JSON.parse(JSON.stringify(collector.getAllPolicyStats())) as unknown,
      5,
    );
    const down = msMedian(
      () => undefined,
      () => latestCounters(db),
      5,
    );
    report("policies' counters, collector down", down, live, "ms", "<= 2x");
    console.log("  (baseline: the live answer, the collector's counters through JSON)");
  } finally {
    close();
  }
}

function latestCounters(db: Db): number {
  const rows = getLatestStatsOfAllPolicies(db);
  keep(rows);
  return rows.length;
}
