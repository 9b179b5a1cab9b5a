import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A random secret kept in `dataDir/name` (mode 0600), created by whichever process asks first. It is
 * written to a temporary file and hard-linked into place, so a concurrent starter never reads half a
 * secret, and a second creator's link fails with EEXIST and reads the first one's.
 */
export function loadOrCreateSecretFile(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // beside the secrets lives the database (db/client.ts)
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, randomBytes(32).toString("base64url"), { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(temp, { force: true });
    }
    return readFileSync(file, "utf8").trim();
  }
}
