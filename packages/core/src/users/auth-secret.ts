import { loadOrCreateSecretFile } from "../secret-file";

/** The key that signs session cookies when none is configured; kept in the data directory so sessions survive a restart. */
export function loadOrCreateAuthSecret(dataDir: string): string {
  return loadOrCreateSecretFile(dataDir, "auth.secret");
}
