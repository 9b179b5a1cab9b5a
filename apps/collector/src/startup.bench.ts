import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase, type Db } from "@patronus/core/db";
import { createPolicy, listPolicies } from "@patronus/core/policies";
import { keep, msMedian, report } from "@patronus/core/testing";
import { restoreCollector, TrafficStatsCollector, writeSnapshot } from "@patronus/core/traffic/engine";
import { flowKey, PolicyMatcher } from "@patronus/core/traffic/match";
import { getLatestStatsOfAllPolicies } from "@patronus/core/traffic/stats";
import { benchHistoryDb, NOW, rolledBack, SNAPSHOT_MS } from "@patronus/core/traffic/stats/bench-history-db";
import { loadEnv } from "./env";

/**
 * What the collector does before it receives (collector.ts: open the database, migrate, load the
 * policies into a matcher, restore the counters from the latest snapshots) on the shared bench database
 * of 1,000 policies and a year of history (core's bench-history-db.ts), beside the same on a fresh
 * database holding as many policies; the policies' counters read with the collector down beside the live answer;
 * and the longest a 1,000-policy snapshot write holds the receive loop, beside how long the socket buffer lasts.
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
    snapshotHold(shared.file);
    console.log(`  load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores while measuring`);
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

/** What the kernel charges a full IPFIX datagram against the receive buffer, as preview.bench.ts counts it. */
const CHARGE_PER_DATAGRAM = 2048;

/**
 * writeSnapshot as the collector runs it, synchronously on its receive loop, with every one of 1,000
 * policies changed: a minute of snapshots from a new hour (the first inserts each policy's minute and hour
 * rows, the worst case), each rolled back so the shared database stays as generated. The longest, in wall
 * time, beside how long the default receive buffer lasts at 10k datagrams/s.
 */
function snapshotHold(file: string): void {
  const { db, close } = openDatabase(file);
  try {
    const policies = listPolicies(db);
    const collector = new TrafficStatsCollector({ maxFlows: 100_000 });
    restoreCollector(db, collector);
    let cursor = collector.changedSince(0).cursor;
    const driver = (db as Db & { $client: Parameters<typeof rolledBack>[0] }).$client;
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const at = NOW + i * SNAPSHOT_MS;
      policies.forEach((p, n) =>
        collector.recordFlow(
          p.policy_id,
          flowKey({ src: `10.0.${n >> 8}.${n & 255}`, dst: "192.0.2.1", srcPort: 1000, dstPort: 443, protocol: 6 }),
          10,
          10_000,
          at,
        ),
      );
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const written = rolledBack(driver, () => writeSnapshot(db, collector, { at, cursor }));
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      keep(written.rows);
      cursor = written.cursor;
    }
    const buffer = loadEnv({}).PATRONUS_FLOW_RCVBUF;
    const lastsMs = (buffer / CHARGE_PER_DATAGRAM / 10_000) * 1000;
    report(
      `longest 1,000-policy snapshot write (of ${times.length}) vs ${buffer >> 20} MiB buffer at 10k dgram/s`,
      Math.max(...times),
      lastsMs,
      "ms",
      "< 1",
    );
    const each = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(", ");
    console.log(`  (each, wall: ${each(times)} ms; CPU: ${each(cpuTimes)} ms; the first starts a new hour)`);
  } finally {
    close();
  }
}
