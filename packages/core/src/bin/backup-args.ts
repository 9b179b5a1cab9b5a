import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadEnvOrExit, sharedEnv } from "../env";

const schema = z.object({
  PATRONUS_DATA_DIR: sharedEnv.PATRONUS_DATA_DIR,
  /** Where `npm run` was typed: npm runs scripts from the repository root, and FILE is relative to the operator. */
  INIT_CWD: z.string().optional(),
});

/** The live database and the one file option of `npm run backup -- --to FILE` / `restore -- --from FILE`. */
export function backupArgs(label: "backup" | "restore", option: "to" | "from"): { database: string; file: string } {
  const env = loadEnvOrExit(schema, label);
  const { values } = parseArgs({
    // npm and pnpm 10 pass the `--` of `run backup -- --to FILE` through to the script.
    args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--")),
    options: { [option]: { type: "string" } },
  });
  const file = values[option];
  if (typeof file !== "string" || !file) {
    console.error(`usage: npm run ${label} -- --${option} FILE`);
    process.exit(2);
  }
  const cwd = env.INIT_CWD ?? process.cwd();
  return { database: resolve(join(env.PATRONUS_DATA_DIR, "patronus.db")), file: resolve(cwd, file) };
}
