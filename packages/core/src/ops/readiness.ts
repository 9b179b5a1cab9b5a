import type Sqlite from "better-sqlite3";
import { migrationState, type Db } from "../db";
import { CollectorProtocolError, CollectorUnavailableError, type CollectorClient } from "../traffic/control";

/** One check's verdict. `detail` is shown to anyone (the endpoint has no auth): no paths, addresses or messages. */
export interface ReadinessCheck {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; collector: ReadinessCheck };
}

/** drizzle() hands back its driver as `$client`, which the Db type leaves out. */
const driverOf = (db: Db) => (db as Db & { $client: Sqlite.Database }).$client;

/**
 * Takes the write lock and writes the header's user_version (its own value) inside a transaction that is
 * rolled back: a read-only file or a writer that never lets go fails here. The wait is short, not the
 * connection's 5 s busy timeout, so a probe cannot hold the web server's event loop that long.
 */
export function checkDatabaseWritable(db: Db, { waitMs = 250 }: { waitMs?: number } = {}): ReadinessCheck {
  const driver = driverOf(db);
  const busyTimeout = driver.pragma("busy_timeout", { simple: true }) as number;
  driver.pragma(`busy_timeout = ${Math.max(0, Math.round(waitMs))}`);
  try {
    driver.exec("BEGIN IMMEDIATE");
    try {
      const version = driver.pragma("user_version", { simple: true }) as number;
      driver.pragma(`user_version = ${version}`);
    } finally {
      driver.exec("ROLLBACK");
    }
    return { ok: true, detail: "writable" };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, detail: `not writable (${typeof code === "string" ? code : "error"})` };
  } finally {
    driver.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/** Current when the newest migration this build ships is the newest the database has applied. */
export function checkMigrations(db: Db, { migrationsFolder }: { migrationsFolder?: string } = {}): ReadinessCheck {
  const { applied, latest } = migrationState(db, migrationsFolder);
  if (applied === latest) return { ok: true, detail: "current" };
  return {
    ok: false,
    detail: applied < latest ? "behind: migrations not applied yet" : "ahead: the database is newer than this build",
  };
}

/**
 * The collector answers on its control interface and has snapshotted within `maxSnapshotAgeMs` (counted
 * from its start until the first snapshot, which comes one interval after it).
 */
export async function checkCollector(
  collector: CollectorClient,
  { now, maxSnapshotAgeMs }: { now: number; maxSnapshotAgeMs: number },
): Promise<ReadinessCheck> {
  let status;
  try {
    status = await collector.status();
  } catch (error) {
    if (error instanceof CollectorUnavailableError) return { ok: false, detail: "unreachable" };
    if (error instanceof CollectorProtocolError) return { ok: false, detail: `answered with status ${error.status}` };
    throw error;
  }
  const since = status.last_snapshot_at ?? status.started_at;
  const ageS = Math.round((now - since) / 1000);
  if (now - since > maxSnapshotAgeMs) {
    return {
      ok: false,
      detail: status.last_snapshot_at === null ? `no snapshot in ${ageS} s since start` : `last snapshot ${ageS} s ago`,
    };
  }
  return {
    ok: true,
    detail: status.last_snapshot_at === null ? "reachable, first snapshot pending" : `last snapshot ${ageS} s ago`,
  };
}

/** Every check of GET /api/ready; ready only when all pass. */
export async function checkReadiness(
  db: Db,
  params: { collector: CollectorClient; now: number; maxSnapshotAgeMs: number; migrationsFolder?: string },
): Promise<Readiness> {
  const database = checkDatabaseWritable(db);
  const migrations = checkMigrations(db, params);
  const collector = await checkCollector(params.collector, params);
  return { ready: database.ok && migrations.ok && collector.ok, checks: { database, migrations, collector } };
}
