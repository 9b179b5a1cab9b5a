/**
 * `npm run backup -- --to FILE`: a consistent copy of the live database while the dashboard and the
 * collector keep running, 0600, integrity-checked (docs/operations.md, "Backups").
 */
import { existsSync } from "node:fs";
import { openDatabase } from "../db";
import { backupDatabase, BackupError } from "../ops";
import { backupArgs } from "./backup-args";

const { database, file } = backupArgs("backup", "to");
if (!existsSync(database)) {
  console.error(`backup: no database at ${database} (set PATRONUS_DATA_DIR)`);
  process.exit(1);
}
const { db, close } = openDatabase(database);
try {
  const result = await backupDatabase(db, { to: file });
  console.log(`backup: ${database} -> ${result.file} (${result.bytes} bytes, integrity ok)`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`backup: ${error.message}`);
  process.exitCode = 1;
} finally {
  close();
}
