import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
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
  close: () => void;
}

/**
 * Long enough to ride out another process's snapshot or cascade transaction (milliseconds each),
 * short enough that a stuck writer surfaces as SQLITE_BUSY instead of a hung request.
 */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The one place a connection is opened; the web app and the collector share these settings. A
 * `readonly` connection (the web's history readers, docs/database.md) opens an existing file as it is:
 * WAL lets it read while the collector writes.
 */
export function openDatabase(file: string, { readonly = false }: { readonly?: boolean } = {}): DatabaseHandle {
  if (readonly) {
    const sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return { db: drizzle(sqlite, { schema }), file, close: () => sqlite.close() };
  }
  if (file !== ":memory:") restrictToOwner(file);
  const sqlite = new Sqlite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const db = drizzle(sqlite, { schema });
  return { db, file, close: () => sqlite.close() };
}

/** The file a connection reads (":memory:" for an in-memory one), so another thread can open it too. */
export function databaseFile(db: Db): string {
  return (db as Db & { $client: Sqlite.Database }).$client.name;
}

/**
 * The database holds password and token hashes: only its owner may read it. A data directory made
 * here is 0700 (an existing one is left as the operator set it); the file is created 0600 before
 * SQLite opens it, and SQLite gives its -wal and -shm files the main file's mode. A file an older
 * release left 0644 is tightened, with its -wal and -shm.
 */
function restrictToOwner(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, "a", 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(path, 0o600);
    } catch (error) {
      // Absent, or another account's file in a shared directory: SQLite opens it or says why.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "EPERM") throw error;
    }
  }
}

/** SQLite's own consistency check: "ok", or the problems it found. */
export function checkIntegrity(db: Db): string {
  const rows = db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
  return rows.map((r) => r.integrity_check).join("\n");
}
