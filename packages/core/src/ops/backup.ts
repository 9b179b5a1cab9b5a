import { chmodSync, closeSync, copyFileSync, existsSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import Sqlite from "better-sqlite3";
import { migrationState, openDatabase, type Db } from "../db";

/** drizzle() hands back its driver as `$client`, which the Db type leaves out. */
const driverOf = (db: Db) => (db as Db & { $client: Sqlite.Database }).$client;

/** Why a backup or restore refused, in words for the operator; nothing was changed. */
export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/**
 * A consistent copy of the live database at `to`, taken while the web app and the collector keep
 * writing. SQLite's backup API restarts whenever another connection writes between two of its steps,
 * so a busy collector could keep a page-at-a-time backup restarting; this one copies every page in a
 * single step, one read transaction, which under WAL never blocks the writers. The copy is written
 * beside `to` as a 0600 file, switched to a rollback journal (one self-contained file), checked with
 * PRAGMA integrity_check, and only then renamed over `to`.
 */
export async function backupDatabase(db: Db, { to }: { to: string }): Promise<BackupResult> {
  const driver = driverOf(db);
  const target = resolve(to);
  if (target === resolve(driver.name)) throw new BackupError("the backup file cannot be the live database");
  if (!existsSync(dirname(target))) throw new BackupError(`no directory ${dirname(target)}`);
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  // Created here with 0600 so the copy of password and token hashes is never readable by others, not even briefly.
  closeSync(openSync(partial, "w", 0o600));
  try {
    const progress = await driver.backup(partial, { progress: () => 0x7fffffff });
    const copy = new Sqlite(partial);
    try {
      copy.pragma("journal_mode = DELETE");
      const integrity = (copy.pragma("integrity_check") as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .join("; ");
      if (integrity !== "ok") throw new BackupError(`the copy failed its integrity check: ${integrity}`);
    } finally {
      copy.close();
    }
    chmodSync(partial, 0o600);
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, pages: progress.totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export interface RestoreResult {
  file: string;
  /** Where the database that was replaced now lies, or null when there was none. */
  previous: string | null;
}

/**
 * Replaces the database at `target` with the backup `from`, after checking the backup (SQLite's integrity
 * check; a Patronus database whose migrations are not newer than this build's) and that no process has
 * the database open. The old database is kept beside it as `<name>.before-restore-<time>`.
 *
 * "No process has it open" is asked of SQLite itself: leaving WAL mode needs the only connection, so it
 * fails with SQLITE_BUSY while the web app, the collector or a sqlite3 shell holds the file, and needs
 * no pid file that a crash could leave behind. The exclusive lock taken then is held across the swap.
 */
export function restoreDatabase({
  from,
  target,
  now = Date.now(),
  migrationsFolder,
}: {
  from: string;
  target: string;
  now?: number;
  migrationsFolder?: string;
}): RestoreResult {
  const source = resolve(from);
  const live = resolve(target);
  if (!existsSync(source)) throw new BackupError(`no backup file ${source}`);
  if (source === live) throw new BackupError("the backup file is the live database");
  const incoming = join(dirname(live), `.${basename(live)}.restore-${process.pid}`);
  try {
    copyFileSync(source, incoming);
    chmodSync(incoming, 0o600);
    checkBackup(incoming, migrationsFolder);
    const previous = existsSync(live)
      ? `${live}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, "-")}`
      : null;
    if (previous === null) {
      renameSync(incoming, live);
      return { file: live, previous };
    }
    const old = holdExclusively(live);
    try {
      renameSync(live, previous);
      renameSync(incoming, live);
    } finally {
      old.close();
    }
    return { file: live, previous };
  } finally {
    rmSync(incoming, { force: true });
  }
}

/** The file must be an intact Patronus database this build can run (older is fine: it migrates on start). */
function checkBackup(file: string, migrationsFolder: string | undefined): void {
  let handle;
  try {
    handle = openDatabase(file);
  } catch (error) {
    throw new BackupError(`not an SQLite database: ${(error as Error).message}`);
  }
  try {
    const driver = driverOf(handle.db);
    let integrity: string;
    try {
      integrity = (driver.pragma("integrity_check") as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .join("; ");
    } catch (error) {
      throw new BackupError(`not an SQLite database: ${(error as Error).message}`);
    }
    if (integrity !== "ok") throw new BackupError(`the backup failed its integrity check: ${integrity}`);
    const { applied, latest } = migrationState(handle.db, migrationsFolder);
    if (applied === 0) throw new BackupError("the backup is not a Patronus database (no migrations applied)");
    if (applied > latest)
      throw new BackupError("the backup was made by a newer release (its migrations are newer than this build's)");
  } finally {
    handle.close();
  }
}

/**
 * Opens the live database as its only connection and keeps every other process out until closed;
 * throws a BackupError naming the cause while anything else has it open.
 */
function holdExclusively(file: string): { close(): void } {
  const connection = new Sqlite(file, { fileMustExist: true });
  try {
    connection.pragma("busy_timeout = 0");
    // Only a WAL database tells: in rollback mode an idle connection holds no lock to find. Ours are WAL
    // (openDatabase), so one that is not was never opened by the dashboard or the collector.
    const mode = connection.pragma("journal_mode", { simple: true });
    if (mode === "wal" && connection.pragma("journal_mode = DELETE", { simple: true }) !== "delete")
      throw Object.assign(new Error("journal mode unchanged"), { code: "SQLITE_BUSY" });
    connection.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    connection.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY")
      throw new BackupError(
        "the database is in use: stop the dashboard and the collector (and any sqlite3 shell on it) first",
      );
    throw error;
  }
  return {
    close() {
      connection.exec("ROLLBACK");
      connection.close();
    },
  };
}
