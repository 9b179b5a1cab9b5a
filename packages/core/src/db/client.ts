import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Sqlite from "better-sqlite3";
import type { RunResult } from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

/** A connection or a transaction on one: what helpers that may run inside a transaction accept. */
export type Queryable = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

export interface DatabaseHandle {
  db: Db;
  file: string;
  close(): void;
}

/**
 * Long enough to ride out another process's snapshot or cascade transaction (milliseconds each),
 * short enough that a stuck writer surfaces as SQLITE_BUSY instead of a hung request.
 */
const BUSY_TIMEOUT_MS = 5_000;

/** The one place a connection is opened; the web app and the collector share these settings. */
export function openDatabase(file: string): DatabaseHandle {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Sqlite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const db = drizzle(sqlite, { schema });
  return { db, file, close: () => sqlite.close() };
}

/** SQLite's own consistency check: "ok", or the problems it found. */
export function checkIntegrity(db: Db): string {
  const rows = db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
  return rows.map((r) => r.integrity_check).join("\n");
}
