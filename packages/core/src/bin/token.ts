/**
 * `pnpm --filter @patronus/core run token -- --email admin@patronus.local [--name ci] [--days 90] [--scope metrics]`:
 * mints an API token for an existing user and prints it once (for curl: `Authorization: Bearer <token>`).
 * `--scope metrics` mints one that may only post path metrics (docs/operations.md, "Metrics tokens").
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../db";
import { loadEnvOrExit, sharedEnv } from "../env";
import { API_TOKEN_SCOPES, createApiToken, findUserByEmail } from "../users";

const DAY_MS = 86_400_000;

const schema = z.object({ PATRONUS_DATA_DIR: sharedEnv.PATRONUS_DATA_DIR });
const env = loadEnvOrExit(schema, "token");
const { values } = parseArgs({
  // pnpm 10 passes the `--` of `run token -- --email …` through to the script.
  args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--")),
  options: {
    email: { type: "string" },
    name: { type: "string", default: "cli" },
    days: { type: "string" },
    scope: { type: "string", default: "full" },
  },
});
const days = values.days === undefined ? undefined : Number(values.days);
const scope = API_TOKEN_SCOPES.find((s) => s === values.scope);
if (!values.email || !scope || (days !== undefined && !(Number.isInteger(days) && days > 0))) {
  console.error(
    `usage: token --email <user email> [--name <label>] [--days <positive integer; default: never expires>] [--scope ${API_TOKEN_SCOPES.join("|")}]`,
  );
  process.exit(2);
}

const { db, close } = openDatabase(join(env.PATRONUS_DATA_DIR, "patronus.db"));
try {
  const user = findUserByEmail(db, values.email);
  if (!user) {
    console.error(`token: no user has the email ${values.email}`);
    process.exitCode = 1;
  } else {
    const expiresAt = days === undefined ? undefined : Date.now() + days * DAY_MS;
    const { token } = createApiToken(db, { actor: "cli", userId: user.id, name: values.name, expiresAt, scope });
    const power = scope === "metrics" ? "path metrics only" : user.role;
    console.log(
      `token for ${user.email} (${power}), ${expiresAt ? `expires ${new Date(expiresAt).toISOString()}` : "no expiry"}:\n${token}`,
    );
  }
} finally {
  close();
}
