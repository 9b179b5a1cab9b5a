import { statSync } from "node:fs";
import type Sqlite from "better-sqlite3";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { keep, msMedian, report } from "../../testing/bench";
import { getTrafficHistory } from "./history";
import { driverOf, pruneStatsStep, ROLLUP_LEVELS } from "./rollups";
import { getLatestStatsOfAllPolicies, storePolicyStats } from "./snapshots";

const POLICIES = 1000;
const SNAPSHOT_MS = 10_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Raw hours generated (the raw window history reads is 2 h); BENCH_RAW_HOURS raises it for a closer look. */
const RAW_HOURS = Number(process.env.BENCH_RAW_HOURS ?? 6);
/** The minute level as far back as history reads it (3 days), the hour level for a year. */
const MINUTE_DAYS = 3;
const HOUR_DAYS = Number(process.env.BENCH_HOUR_DAYS ?? 365);
const NOW = Math.floor(Date.UTC(2026, 5, 1) / HOUR) * HOUR;

/**
 * History at 1,000 policies with 10 s snapshots and a year of rollups (issue 13). The database is written
 * directly with prepared inserts in big transactions; every figure sits beside a hand-written SQL query
 * over the last hour of raw rows, measured in the same run.
 */
export function run(): void {
  const t = createTestDb();
  try {
    const driver = driverOf(t.db);
    const started = Date.now();
    const policyIds = createPolicies(driver);
    const sizes = generate(driver, policyIds);
    console.log(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s: ${describeSizes(sizes)}`);
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
        () => getTrafficHistory(t.db, { from: NOW - range, to: NOW }),
        3,
      );
      report(`traffic_history totals, ${label}`, totals, baseline, "ms", "< 200 ms");
      const one = msMedian(
        () => undefined,
        () => getTrafficHistory(t.db, { from: NOW - range, to: NOW, policyId: policyIds[500] }),
        3,
      );
      report(`traffic_history one policy, ${label}`, one, baseline, "ms", "< 200 ms");
    }
    const restore = msMedian(
      () => undefined,
      () => getLatestStatsOfAllPolicies(t.db),
      3,
    );
    const groupBy = msMedian(
      () => undefined,
      () => latestByGroupBy(driver),
      3,
    );
    report("latest row of every policy (collector start)", restore, groupBy, "ms");
    console.log("  (baseline here: the former GROUP BY over the whole index)");
    snapshotWrite(t, driver, policyIds);
    prune(t);
  } finally {
    t.destroy();
  }
}

function createPolicies(driver: Sqlite.Database): number[] {
  const insert = driver.prepare(
    "INSERT INTO sdwan_policies (name, priority, match_rules, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)",
  );
  return driver.transaction(() =>
    Array.from({ length: POLICIES }, (_, i) => Number(insert.run(`p${i}`, i % 1000, NOW, NOW).lastInsertRowid)),
  )();
}

/** Each policy sends 100 packets (and 100 kB) a second, steadily. */
function generate(driver: Sqlite.Database, policyIds: number[]) {
  const size = () => statSync(driver.name).size + walSize(driver);
  const before = size();
  const raw = driver.prepare(
    "INSERT INTO sdwan_policy_stats (policy_id, timestamp, packets_matched, bytes_matched, active_flows) VALUES (?, ?, ?, ?, 5)",
  );
  const rawRows = fill(driver, NOW - RAW_HOURS * HOUR, SNAPSHOT_MS, policyIds, (id, at) =>
    raw.run(id, at, at / 10, at * 100),
  );
  const afterRaw = size();
  const minutes = levelInsert(driver, ROLLUP_LEVELS.minute.name);
  const minuteRows = fill(driver, NOW - MINUTE_DAYS * DAY, MINUTE, policyIds, (id, at) =>
    minutes.run(id, at - MINUTE, 6000, 6_000_000, 6, at - MINUTE, at, 5),
  );
  const afterMinute = size();
  const hours = levelInsert(driver, ROLLUP_LEVELS.hour.name);
  const hourRows = fill(driver, NOW - HOUR_DAYS * DAY, HOUR, policyIds, (id, at) =>
    hours.run(id, at - HOUR, 360_000, 360_000_000, 360, at - HOUR, at, 5),
  );
  const afterHour = size();
  return {
    raw: { rows: rawRows, bytes: afterRaw - before },
    minute: { rows: minuteRows, bytes: afterMinute - afterRaw },
    hour: { rows: hourRows, bytes: afterHour - afterMinute },
  };
}

const levelInsert = (driver: Sqlite.Database, table: string) =>
  driver.prepare(
    `INSERT INTO ${table} (policy_id, bucket, packets, bytes, samples, began_at, last_at, active_flows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

/** Calls `row` for every policy at every step from `start` to NOW, 500,000 rows a transaction. */
function fill(
  driver: Sqlite.Database,
  start: number,
  step: number,
  policyIds: number[],
  row: (id: number, at: number) => unknown,
): number {
  let written = 0;
  const chunk = driver.transaction((from: number, to: number) => {
    for (let at = from; at < to && at <= NOW; at += step) {
      for (const id of policyIds) row(id, at);
      written += policyIds.length;
    }
  });
  const perChunk = Math.max(step, Math.floor(500_000 / policyIds.length) * step);
  for (let from = start + step; from <= NOW; from += perChunk) chunk(from, from + perChunk);
  return written;
}

function walSize(driver: Sqlite.Database): number {
  try {
    return statSync(`${driver.name}-wal`).size;
  } catch {
    return 0;
  }
}

function describeSizes(sizes: ReturnType<typeof generate>): string {
  const perDay = (level: { rows: number; bytes: number }, rowsPerDay: number) =>
    (level.bytes / level.rows) * rowsPerDay;
  const raw = perDay(sizes.raw, (POLICIES * DAY) / SNAPSHOT_MS);
  const minute = perDay(sizes.minute, (POLICIES * DAY) / MINUTE);
  const hour = perDay(sizes.hour, (POLICIES * DAY) / HOUR);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return (
    `${sizes.raw.rows} raw, ${sizes.minute.rows} minute, ${sizes.hour.rows} hour rows; growth per day: raw ${mb(raw)}, ` +
    `minute ${mb(minute)}, hour ${mb(hour)} (${(sizes.raw.bytes / sizes.raw.rows).toFixed(0)}, ` +
    `${(sizes.minute.bytes / sizes.minute.rows).toFixed(0)}, ${(sizes.hour.bytes / sizes.hour.rows).toFixed(0)} bytes a row)`
  );
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
function snapshotWrite(t: TestDb, driver: Sqlite.Database, policyIds: number[]): void {
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
      driver.transaction(() => {
        for (const r of rows) raw.run(r.policy_id, at, r.packets_matched, r.bytes_matched, r.active_flows);
      })(),
    5,
  );
  const withRollups = msMedian(
    () => stats((at += SNAPSHOT_MS)),
    (rows) => storePolicyStats(t.db, { at, stats: rows }),
    5,
  );
  report("1,000-policy snapshot write with rollups", withRollups, rawOnly, "ms");
  console.log("  (baseline here: the raw inserts alone)");
}

/** The hourly prune at this size: one bounded step, and an hour's expired raw rows in steps. */
function prune(t: TestDb): void {
  const retention = { raw: RAW_HOURS * HOUR - HOUR, minute: MINUTE_DAYS * DAY, hour: HOUR_DAYS * DAY };
  const start = process.hrtime.bigint();
  const first = pruneStatsStep(t.db, { now: NOW, retention, limit: 5000 });
  const stepMs = Number(process.hrtime.bigint() - start) / 1e6;
  let removed = first.removed.raw;
  let steps = 1;
  let done = first.done;
  const all = process.hrtime.bigint();
  while (!done) {
    const step = pruneStatsStep(t.db, { now: NOW, retention, limit: 5000 });
    removed += step.removed.raw;
    done = step.done;
    steps++;
  }
  const totalMs = Number(process.hrtime.bigint() - all) / 1e6 + stepMs;
  keep(removed);
  report("hourly prune: one step (5,000 rows a level)", stepMs, totalMs, "ms");
  console.log(`  (baseline here: the whole hour's prune, ${removed} raw rows in ${steps} steps)`);
}
