import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

// Built from the module's own path rather than `new URL("../../drizzle", import.meta.url)`, which
// bundlers take for an asset import and fail on (it is a folder).
export const defaultMigrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "drizzle");

interface Journal {
  entries: { when: number; tag: string }[];
}

/**
 * Applies the committed drizzle-kit migrations with drizzle-orm's migrator.
 *
 * The migrator reads the last applied migration *before* it opens its transaction, so when the web
 * app and the collector start at the same moment both may decide to apply migration N; the loser then
 * fails inside its transaction (rolled back, nothing half-applied) on "table already exists". That
 * failure is benign exactly when the database is now up to date, which is what we check before
 * rethrowing.
 */
export function migrateDatabase(db: Db, migrationsFolder = defaultMigrationsFolder): void {
  try {
    migrate(db, { migrationsFolder });
  } catch (error) {
    if (!isUpToDate(db, migrationsFolder)) throw error;
  }
}

function isUpToDate(db: Db, migrationsFolder: string): boolean {
  const { applied, latest } = migrationState(db, migrationsFolder);
  return applied >= latest;
}

/**
 * The newest migration the database has applied and the newest this build ships, as drizzle-kit's
 * timestamps (0: none). Readiness wants them equal; a restore refuses a file whose `applied` is newer.
 */
export function migrationState(
  db: Db,
  migrationsFolder = defaultMigrationsFolder,
): { applied: number; latest: number } {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
  const latest = journal.entries.at(-1)?.when ?? 0;
  const table = db.get<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`,
  );
  if (!table) return { applied: 0, latest };
  const row = db.get<{ applied: number | null }>(sql`SELECT max(created_at) AS applied FROM __drizzle_migrations`);
  return { applied: Number(row?.applied ?? 0), latest };
}
