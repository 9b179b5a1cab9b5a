import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Sqlite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../db";
import { createPolicy } from "../policies";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const writerScript = fileURLToPath(new URL("../testing/snapshot-writer.ts", import.meta.url));

let dir: string;
let writer: ChildProcess | undefined;
afterEach(() => {
  writer?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run <script> -- <args>` from the repository root, as docs/operations.md tells an operator to, from `cwd`. */
function npmRun(script: string, args: string[], cwd: string) {
  const run = spawnSync("npm", ["run", "--silent", "--prefix", repoRoot, script, "--", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PATRONUS_DATA_DIR: join(dir, "data"), INIT_CWD: cwd },
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

const rowsIn = (file: string) => {
  const raw = new Sqlite(file, { readonly: true });
  const n = raw.prepare("SELECT count(*) FROM sdwan_policy_stats").pluck().get() as number;
  raw.close();
  return n;
};

describe("the restore drill of docs/operations.md", () => {
  it("backs up under a running writer, is refused while it runs, and restores the backup once it stopped", async () => {
    dir = mkdtempSync(join(tmpdir(), "patronus-drill-"));
    mkdirSync(join(dir, "backups"));
    const live = join(dir, "data", "patronus.db");
    const setup = openDatabase(live);
    migrateDatabase(setup.db);
    createPolicy(setup.db, { name: "all", priority: 0, match_rules: {} });
    setup.close();
    writer = spawn(tsx, [writerScript, live], { stdio: ["pipe", "pipe", "inherit"] });
    await new Promise((resolve) => writer!.stdout!.once("data", resolve));

    // 1. The nightly backup, relative to where the operator stands, while the "collector" writes.
    const backup = npmRun("backup", ["--to", "backups/nightly.db"], dir);
    expect(backup).toMatchObject({ status: 0, out: expect.stringContaining("integrity ok") });
    // 2. Restoring over the running system is refused and changes nothing.
    const refused = npmRun("restore", ["--from", "backups/nightly.db"], dir);
    expect(refused).toEqual({
      status: 1,
      out: expect.stringMatching(/^restore: refused, nothing changed: the database is in use/),
    });
    // 3. Stop the processes, restore, start again.
    const exited = new Promise((resolve) => writer!.once("exit", resolve));
    writer.stdin!.end();
    await exited;
    const backedUp = rowsIn(join(dir, "backups", "nightly.db"));
    expect(rowsIn(live)).toBeGreaterThan(backedUp);

    const restored = npmRun("restore", ["--from", "backups/nightly.db"], dir);

    expect(restored).toMatchObject({ status: 0, out: expect.stringContaining("the replaced database is kept as") });
    expect(rowsIn(live)).toBe(backedUp);
    const reopened = openDatabase(live);
    migrateDatabase(reopened.db);
    reopened.close();
  }, 120_000); // three npm runs, each starting npm and tsx: seconds apiece on a loaded host
});
