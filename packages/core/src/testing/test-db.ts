import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";

export interface TestDb extends DatabaseHandle {
  dir: string;
  /** Closes the connection and removes the database's directory. */
  destroy(): void;
}

/**
 * A fresh SQLite file in its own temporary directory, migrated by the real migrations, so every
 * test that uses one also exercises them. Pass `migrate: false` to get an empty file.
 */
export function createTestDb(options: { migrate?: boolean } = {}): TestDb {
  const dir = mkdtempSync(join(tmpdir(), "patronus-test-"));
  const handle = openDatabase(join(dir, "patronus.db"));
  if (options.migrate !== false) migrateDatabase(handle.db);
  return {
    ...handle,
    dir,
    destroy() {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
