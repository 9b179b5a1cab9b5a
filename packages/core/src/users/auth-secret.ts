import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The key that signs and encrypts session cookies when none is configured: a random one kept in the
 * data directory (mode 0600), so sessions survive a restart. Created the way the collector's control
 * secret is: written to a temporary file and hard-linked into place, so a concurrent starter never
 * reads half a secret and the second link fails with EEXIST.
 */
export function loadOrCreateAuthSecret(dataDir: string): string {
  const file = join(dataDir, "auth.secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
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
