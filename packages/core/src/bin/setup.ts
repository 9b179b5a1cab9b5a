/**
 * `pnpm --filter @patronus/core setup`, run by `npm start` before the processes start: migrates the
 * database, seeds the demo network on an empty one, and makes sure an admin exists (printing a
 * generated password the one time it is created).
 */
import { join } from "node:path";
import { z } from "zod";
import { migrateDatabase, openDatabase } from "../db";
import { loadEnvOrExit, sharedEnv } from "../env";
import { seedDemoNetwork } from "../seed";
import { ensureAdmin } from "../users";

const schema = z.object({
  PATRONUS_DATA_DIR: sharedEnv.PATRONUS_DATA_DIR,
  PATRONUS_ADMIN_EMAIL: z.email("PATRONUS_ADMIN_EMAIL must be an email address").default("admin@patronus.local"),
  PATRONUS_ADMIN_PASSWORD: z.string().min(12, "PATRONUS_ADMIN_PASSWORD must be at least 12 characters").optional(),
  PATRONUS_SEED_DEMO: z.enum(["0", "1"], "PATRONUS_SEED_DEMO must be 0 or 1").default("1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});
const { PATRONUS_DATA_DIR, PATRONUS_ADMIN_EMAIL, PATRONUS_ADMIN_PASSWORD, PATRONUS_SEED_DEMO, PORT } = loadEnvOrExit(
  schema,
  "setup",
);

const file = join(PATRONUS_DATA_DIR, "patronus.db");
const { db, close } = openDatabase(file);
migrateDatabase(db);
const seed = PATRONUS_SEED_DEMO === "1" ? seedDemoNetwork(db) : undefined;
const admin = ensureAdmin(db, { email: PATRONUS_ADMIN_EMAIL, password: PATRONUS_ADMIN_PASSWORD });
close();

const lines = [
  `database   ${file}`,
  seed?.seeded
    ? `demo data  ${seed.sites} sites, ${seed.paths} paths, ${seed.policies} policies, ${seed.metricRows} metric rows, ` +
      `${seed.statsRows} traffic snapshot rows (a day of history)`
    : undefined,
  `dashboard  http://localhost:${PORT}  (sign in at /signin)`,
  admin.generatedPassword
    ? `login      ${admin.user.email} / ${admin.generatedPassword}   (generated now and shown once: keep it)`
    : `login      ${admin.user.email}${admin.created ? " (password from PATRONUS_ADMIN_PASSWORD)" : " (existing account)"}`,
].filter(Boolean);
console.log(`\n${lines.join("\n")}\n`);
