import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Sqlite from "better-sqlite3";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { driverOf, ROLLUP_LEVELS, TOTALS_LEVELS } from "./rollups";

/**
 * The database the history benches share (issue 13): 1,000 policies with 10 s snapshots, the raw rows
 * for the last RAW_HOURS, the minute level for 3 days and the hour level for a year, with their totals.
 * Written directly with prepared inserts in big transactions, once per shape: it is kept in the temporary
 * directory and reused by the next bench (core's history bench, the collector's start, the web's stall),
 * which must leave it as they found it (roll their writes back).
 */
export const POLICIES = 1000;
export const SNAPSHOT_MS = 10_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Raw hours generated (history reads raw rows up to 2 h); the benches' BENCH_RAW_HOURS raises it. */
export const RAW_HOURS = 6;
export const MINUTE_DAYS = 3;
export const HOUR_DAYS = 365;
/** The newest snapshot: whole hours, so every level ends on a bucket. */
export const NOW = Math.floor(Date.UTC(2026, 5, 1) / HOUR) * HOUR;

export interface LevelSize {
  rows: number;
  bytes: number;
}

export interface BenchHistoryDb {
  file: string;
  policyIds: number[];
  /** What each level cost to write, and how long filling the totals from the rollups took (the migration's backfill). */
  sizes: { raw: LevelSize; minute: LevelSize; hour: LevelSize; totals: LevelSize; backfillMs: number };
  generatedMs: number;
}

/** The bench database, built now or found from an earlier run. */
export function benchHistoryDb({ rawHours = RAW_HOURS, hourDays = HOUR_DAYS } = {}): BenchHistoryDb {
  const file = join(tmpdir(), `patronus-bench-history-v1-${rawHours}h-${hourDays}d.db`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) return JSON.parse(readFileSync(meta, "utf8")) as BenchHistoryDb;
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const started = Date.now();
  const handle = openDatabase(building);
  migrateDatabase(handle.db);
  const driver = driverOf(handle.db);
  const policyIds = createPolicies(driver);
  const sizes = generate(driver, policyIds, { rawHours, hourDays });
  driver.pragma("wal_checkpoint(TRUNCATE)");
  handle.close();
  renameSync(building, file);
  const built: BenchHistoryDb = { file, policyIds, sizes, generatedMs: Date.now() - started };
  writeFileSync(meta, JSON.stringify(built));
  return built;
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
function generate(
  driver: Sqlite.Database,
  policyIds: number[],
  { rawHours, hourDays }: { rawHours: number; hourDays: number },
): BenchHistoryDb["sizes"] {
  const size = () => statSync(driver.name).size + walSize(driver);
  const before = size();
  const raw = driver.prepare(
    "INSERT INTO sdwan_policy_stats (policy_id, timestamp, packets_matched, bytes_matched, active_flows) VALUES (?, ?, ?, ?, 5)",
  );
  const rawRows = fill(driver, NOW - rawHours * HOUR, SNAPSHOT_MS, policyIds, (id, at) =>
    raw.run(id, at, at / 10, at * 100),
  );
  const afterRaw = size();
  const minutes = levelInsert(driver, ROLLUP_LEVELS.minute.name);
  const minuteRows = fill(driver, NOW - MINUTE_DAYS * DAY, MINUTE, policyIds, (id, at) =>
    minutes.run(id, at - MINUTE, 6000, 6_000_000, 6, at - MINUTE, at, 5),
  );
  const afterMinute = size();
  const hours = levelInsert(driver, ROLLUP_LEVELS.hour.name);
  const hourRows = fill(driver, NOW - hourDays * DAY, HOUR, policyIds, (id, at) =>
    hours.run(id, at - HOUR, 360_000, 360_000_000, 360, at - HOUR, at, 5),
  );
  const afterHour = size();
  // The minute and hour totals as the migration fills them from the rollups; the 10 s ones as written.
  const backfillStart = process.hrtime.bigint();
  for (const level of Object.values(ROLLUP_LEVELS)) {
    driver.exec(`INSERT INTO ${level.totalsName} (bucket, packets, bytes, samples, began_at, last_at, active_flows)
      SELECT bucket, sum(packets), sum(bytes), sum(samples), min(began_at), max(last_at), sum(active_flows)
      FROM ${level.name} GROUP BY bucket`);
  }
  const backfillMs = Number(process.hrtime.bigint() - backfillStart) / 1e6;
  const tens = driver.prepare(
    `INSERT INTO ${TOTALS_LEVELS.tenSeconds.totalsName} (bucket, packets, bytes, samples, began_at, last_at, active_flows) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const n = policyIds.length;
  fill(driver, NOW - rawHours * HOUR, SNAPSHOT_MS, [0], (_, at) =>
    tens.run(at - SNAPSHOT_MS, 1000 * n, 1_000_000 * n, n, at - SNAPSHOT_MS, at, 5 * n),
  );
  const afterTotals = size();
  const totalsRows = driver.prepare(
    `SELECT (SELECT count(*) FROM ${TOTALS_LEVELS.tenSeconds.totalsName}) + (SELECT count(*) FROM ${TOTALS_LEVELS.minute.totalsName}) + (SELECT count(*) FROM ${TOTALS_LEVELS.hour.totalsName}) AS n`,
  );
  return {
    raw: { rows: rawRows, bytes: afterRaw - before },
    minute: { rows: minuteRows, bytes: afterMinute - afterRaw },
    hour: { rows: hourRows, bytes: afterHour - afterMinute },
    totals: { rows: (totalsRows.get() as { n: number }).n, bytes: afterTotals - afterHour },
    backfillMs,
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

/** Bytes a day each level grows by at 1,000 busy policies, from what the generated rows cost. */
export function describeGrowth(sizes: BenchHistoryDb["sizes"]): string {
  const perDay = (level: LevelSize, rowsPerDay: number) => (level.bytes / level.rows) * rowsPerDay;
  const raw = perDay(sizes.raw, (POLICIES * DAY) / SNAPSHOT_MS);
  const minute = perDay(sizes.minute, (POLICIES * DAY) / MINUTE);
  const hour = perDay(sizes.hour, (POLICIES * DAY) / HOUR);
  const totals = perDay(sizes.totals, DAY / SNAPSHOT_MS + DAY / MINUTE + DAY / HOUR);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const each = (level: LevelSize) => (level.bytes / level.rows).toFixed(0);
  return (
    `${sizes.raw.rows} raw, ${sizes.minute.rows} minute, ${sizes.hour.rows} hour, ${sizes.totals.rows} totals rows; ` +
    `growth per day: raw ${mb(raw)}, minute ${mb(minute)}, hour ${mb(hour)}, totals ${mb(totals)} ` +
    `(${each(sizes.raw)}, ${each(sizes.minute)}, ${each(sizes.hour)}, ${each(sizes.totals)} bytes a row)`
  );
}

/** Runs `fn` in a transaction that is then rolled back, so the shared database stays as generated. */
export function rolledBack<T>(driver: Sqlite.Database, fn: () => T): T {
  let result: T | undefined;
  const undo = new Error("roll back");
  try {
    driver.transaction(() => {
      result = fn();
      throw undo;
    })();
  } catch (error) {
    if (error !== undo) throw error;
  }
  return result as T;
}
