import "server-only";
import { join } from "node:path";
import { migrateDatabase, openDatabase, type Db } from "@patronus/core/db";
import { env } from "~/env";

const holder = globalThis as typeof globalThis & { __patronusDb?: Db };

/**
 * The process's one connection, opened (and the database migrated) on first use. Kept on globalThis
 * because Next may evaluate this module once per route bundle.
 */
export function getDb(): Db {
  if (!holder.__patronusDb) {
    const { db } = openDatabase(join(env.PATRONUS_DATA_DIR, "patronus.db"));
    migrateDatabase(db);
    holder.__patronusDb = db;
  }
  return holder.__patronusDb;
}
