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
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
  const latest = journal.entries.at(-1)?.when ?? 0;
  const row = db.get<{ applied: number | null }>(sql`SELECT max(created_at) AS applied FROM __drizzle_migrations`);
  return Number(row?.applied ?? 0) >= latest;
}
