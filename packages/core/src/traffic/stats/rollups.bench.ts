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

/** A 1,000-policy snapshot with its rollups, beside the raw inserts alone (what a snapshot cost before). */
function snapshotWrite(db: Db, driver: Sqlite.Database, policyIds: number[]): void {
  let at = NOW;
  const stats = (n: number) =>
    policyIds.map((policy_id) => ({
      policy_id,
      packets_matched: (at + n) / 10,
      bytes_matched: (at + n) * 100,
      active_flows: 5,
    }));
  const raw = driver.prepare(
    "INSERT INTO sdwan_policy_stats (policy_id, timestamp, packets_matched, bytes_matched, active_flows) VALUES (?, ?, ?, ?, ?)",
  );
  const rawOnly = msMedian(
    () => stats((at += SNAPSHOT_MS)),
    (rows) =>
      rolledBack(driver, () => {
        for (const r of rows) raw.run(r.policy_id, at, r.packets_matched, r.bytes_matched, r.active_flows);
      }),
    5,
  );
  const withRollups = msMedian(
    () => stats((at += SNAPSHOT_MS)),
    (rows) => rolledBack(driver, () => storePolicyStats(db, { at, stats: rows })),
    5,
  );
  report("1,000-policy snapshot write with rollups, totals", withRollups, rawOnly, "ms");
  console.log("  (baseline here: the raw inserts alone; both rolled back, so the database stays as generated)");
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
