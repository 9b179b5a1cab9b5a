import { availableParallelism, loadavg } from "node:os";
import type Sqlite from "better-sqlite3";
import { openDatabase, type Db } from "../../db/client";
import { keep, msMedian, report } from "../../testing/bench";
import {
  benchHistoryDb,
  describeGrowth,
  HOUR_DAYS,
  MINUTE_DAYS,
  NOW,
  RAW_HOURS,
  rolledBack,
  SNAPSHOT_MS,
} from "./bench-history-db";
import { getTrafficHistory } from "./history";
import { driverOf, pruneStatsStep } from "./rollups";
import { getLatestStatsOfAllPolicies, storePolicyStats } from "./snapshots";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * History at 1,000 policies with 10 s snapshots and a year of rollups (issue 13), on the shared bench
 * database (bench-history-db.ts: RAW_HOURS of raw rows, 3 days of minutes, a year of hours). Every
 * figure sits beside a hand-written SQL query over the last hour of raw rows, measured in the same run.
 */
/** BENCH_RAW_HOURS and BENCH_HOUR_DAYS resize the database (a new one is generated for each shape). */
const RAW = Number(process.env.BENCH_RAW_HOURS ?? RAW_HOURS);
const HOURS_KEPT = Number(process.env.BENCH_HOUR_DAYS ?? HOUR_DAYS);

export function run(): void {
  const shared = benchHistoryDb({ rawHours: RAW, hourDays: HOURS_KEPT });
  console.log(`database: ${shared.file}, generated in ${(shared.generatedMs / 1000).toFixed(0)} s`);
  console.log(describeGrowth(shared.sizes));
  const handle = openDatabase(shared.file);
  try {
    const driver = driverOf(handle.db);
    const { policyIds } = shared;
    const baseline = msMedian(
      () => undefined,
      () => handWrittenHour(driver),
      3,
    );
    report("baseline: hand-written SQL, raw rows, last 1 h", baseline, baseline, "ms");
    for (const [label, range] of [
      ["1 h", HOUR],
      ["24 h", DAY],
      ["7 d", 7 * DAY],
      ["30 d", 30 * DAY],
      ["1 y", 365 * DAY],
    ] as const) {
      const totals = msMedian(
        () => undefined,
        () => getTrafficHistory(handle.db, { from: NOW - range, to: NOW }),
        3,
      );
      report(`traffic_history totals, ${label}`, totals, baseline, "ms", "< 200 ms");
      const one = msMedian(
        () => undefined,
        () => getTrafficHistory(handle.db, { from: NOW - range, to: NOW, policyId: policyIds[500] }),
        3,
      );
      report(`traffic_history one policy, ${label}`, one, baseline, "ms", "< 200 ms");
    }
    const restore = msMedian(
      () => undefined,
      () => getLatestStatsOfAllPolicies(handle.db),
      3,
    );
    const groupBy = msMedian(
      () => undefined,
      () => latestByGroupBy(driver),
      3,
    );
    report("latest row of every policy (collector start)", restore, groupBy, "ms");
    console.log("  (baseline here: the former GROUP BY over the whole index)");
    report("totals filled from the rollups (migration)", shared.sizes.backfillMs, baseline, "ms");
    console.log(`  (once, at the upgrade: ${MINUTE_DAYS} days of minutes and ${HOURS_KEPT} days of hours)`);
    snapshotWrite(handle.db, driver, policyIds);
    prune(handle.db, driver);
    console.log(`  load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores at the end`);
  } finally {
    handle.close();
  }
}

/** The baseline: per policy and 18 s bucket, the counters' rise over the last hour of raw rows, summed. */
function handWrittenHour(driver: Sqlite.Database): unknown {
  return driver
    .prepare(
      `SELECT bucket, sum(rise) FROM (
         SELECT policy_id, (timestamp - 1) / 18000 AS bucket, max(packets_matched) - min(packets_matched) AS rise
         FROM sdwan_policy_stats WHERE timestamp > ? AND timestamp <= ? GROUP BY policy_id, bucket)
       GROUP BY bucket`,
    )
    .all(NOW - HOUR, NOW);
}

/** How the latest rows were read before: a GROUP BY over the (policy_id, timestamp) index. */
function latestByGroupBy(driver: Sqlite.Database): unknown {
  return driver
    .prepare(
      `SELECT s.* FROM sdwan_policy_stats s JOIN (SELECT policy_id, max(timestamp) AS at FROM sdwan_policy_stats GROUP BY policy_id) l
       ON l.policy_id = s.policy_id AND l.at = s.timestamp`,
    )
    .all();
}

/**
 * A 1,000-policy snapshot with its rollups and totals, beside the raw inserts alone (what a snapshot cost
 * before the rollups), both in a transaction as writeSnapshot's and rolled back. The first snapshot of a
 * minute inserts a row a policy in the minute level (and, at the hour, in the hour level too); the others
 * of a minute update those rows (5 snapshots of 6).
 */
function snapshotWrite(db: Db, driver: Sqlite.Database, policyIds: number[]): void {
  const raw = driver.prepare(
    "INSERT INTO sdwan_policy_stats (policy_id, timestamp, packets_matched, bytes_matched, active_flows) VALUES (?, ?, ?, ?, ?)",
  );
  const stats = (at: number) =>
    policyIds.map((policy_id) => ({ policy_id, packets_matched: at / 10, bytes_matched: at * 100, active_flows: 5 }));
  const rawOnly = (at: number) => {
    for (const r of stats(at)) raw.run(r.policy_id, at, r.packets_matched, r.bytes_matched, r.active_flows);
  };
  const withRollups = (at: number) => storePolicyStats(db, { at, stats: stats(at) });
  // Each measured twice, the second kept: the first warms the cache of the pages a snapshot touches.
  const [, rawOnlySeries] = [snapshotSeries(driver, rawOnly), snapshotSeries(driver, rawOnly)];
  const [, rolledSeries] = [snapshotSeries(driver, withRollups), snapshotSeries(driver, withRollups)];
  for (const clock of ["wall", "cpu"] as const) {
    report(
      `1,000-policy snapshot, first of a minute, ${clock}`,
      rolledSeries.first[clock],
      rawOnlySeries.first[clock],
      "ms",
    );
    report(
      `1,000-policy snapshot, within a minute, ${clock}`,
      rolledSeries.rest[clock],
      rawOnlySeries.rest[clock],
      "ms",
    );
  }
  console.log(
    `  (baseline: the raw inserts alone in the same place; medians of ${SERIES_MINUTES} minutes' first and ` +
      `${SERIES_MINUTES * 5} other snapshots; longest wall time with rollups ${rolledSeries.longestWall.toFixed(0)} ms)`,
  );
}

const SERIES_MINUTES = 3;

/**
 * Three minutes of snapshots from NOW (a new hour) in one transaction, rolled back: the medians of the
 * minutes' first snapshots and of the others, in wall and CPU time (the wall time on a loaded machine also
 * holds the time the OS ran someone else).
 */
function snapshotSeries(driver: Sqlite.Database, write: (at: number) => unknown) {
  const firsts: { wall: number; cpu: number }[] = [];
  const others: { wall: number; cpu: number }[] = [];
  rolledBack(driver, () => {
    for (let i = 1; i <= SERIES_MINUTES * 6; i++) {
      const wall = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      keep(write(NOW + i * SNAPSHOT_MS));
      const used = process.cpuUsage(cpu);
      const took = { wall: Number(process.hrtime.bigint() - wall) / 1e6, cpu: (used.user + used.system) / 1000 };
      (i % 6 === 1 ? firsts : others).push(took);
    }
  });
  const median = (xs: { wall: number; cpu: number }[], clock: "wall" | "cpu") =>
    xs.map((x) => x[clock]).sort((a, b) => a - b)[xs.length >> 1]!;
  return {
    first: { wall: median(firsts, "wall"), cpu: median(firsts, "cpu") },
    rest: { wall: median(others, "wall"), cpu: median(others, "cpu") },
    longestWall: Math.max(...firsts.map((x) => x.wall), ...others.map((x) => x.wall)),
  };
}

/** The hourly prune at this size: one bounded step, and an hour's expired raw rows in steps, rolled back. */
function prune(db: Db, driver: Sqlite.Database): void {
  const retention = { raw: RAW * HOUR - HOUR, minute: MINUTE_DAYS * DAY - HOUR, hour: HOURS_KEPT * DAY - HOUR };
  const { stepMs, totalMs, removed, steps } = rolledBack(driver, () => {
    const start = process.hrtime.bigint();
    const first = pruneStatsStep(db, { now: NOW, retention, limit: 5000 });
    const stepMs = Number(process.hrtime.bigint() - start) / 1e6;
    let removed = first.removed.raw;
    let steps = 1;
    let done = first.done;
    while (!done) {
      const step = pruneStatsStep(db, { now: NOW, retention, limit: 5000 });
      removed += step.removed.raw;
      done = step.done;
      steps++;
    }
    return { stepMs, totalMs: Number(process.hrtime.bigint() - start) / 1e6, removed, steps };
  });
  keep(removed);
  report("hourly prune: one step (5,000 rows a level)", stepMs, totalMs, "ms");
  console.log(`  (baseline here: the whole hour's prune, ${removed} raw rows in ${steps} steps, every level)`);
}
