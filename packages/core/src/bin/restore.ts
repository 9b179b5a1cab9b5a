/**
 * `npm run restore -- --from FILE`: replaces the database with a backup once the dashboard and the
 * collector are stopped, after checking the file; the old database is kept aside (docs/operations.md).
 */
import { BackupError, restoreDatabase } from "../ops";
import { backupArgs } from "./backup-args";

const { database, file } = backupArgs("restore", "from");
try {
  const { previous } = restoreDatabase({ from: file, target: database });
  console.log(`restore: ${file} -> ${database}${previous ? `; the replaced database is kept as ${previous}` : ""}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`restore: refused, nothing changed: ${error.message}`);
  process.exitCode = 1;
}
