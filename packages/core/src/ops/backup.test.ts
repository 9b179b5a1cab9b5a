import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Sqlite from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db";
import { createPolicy } from "../policies";
import { createTestDb, type TestDb } from "../testing";
import { backupDatabase, BackupError, restoreDatabase } from "./backup";

const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const writerScript = fileURLToPath(new URL("../testing/snapshot-writer.ts", import.meta.url));
const POLICIES = 20;

let t: TestDb;
let writer: ChildProcess | undefined;
afterEach(async () => {
  await stopWriter();
  t.destroy();
});

function withPolicies(): TestDb {
  const db = createTestDb();
  for (let i = 0; i < POLICIES; i++) createPolicy(db.db, { name: `p${i}`, priority: i, match_rules: {} });
  return db;
}

/** Starts the other-process writer on `file` and resolves once its first transaction committed. */
function startWriter(file: string): Promise<void> {
  writer = spawn(tsx, [writerScript, file], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    writer!.stdout!.once("data", () => resolve());
    writer!.once("exit", (code) => reject(new Error(`writer exited with ${code}`)));
  });
}

async function stopWriter(): Promise<void> {
  if (!writer || writer.exitCode !== null) return;
  const exited = new Promise((resolve) => writer!.once("exit", resolve));
  writer.stdin!.end();
  await exited;
}

const snapshotCount = (db: Db) => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sdwan_policy_stats`).n;

/** Timestamps whose transaction is only partly in the file: each snapshot writes a row for every policy. */
const tornSnapshots = (db: Db) =>
  db.all<{ timestamp: number; n: number }>(
    sql`SELECT timestamp, count(*) AS n FROM sdwan_policy_stats GROUP BY timestamp HAVING n <> ${POLICIES}`,
  );

function fillHistory(db: Db, rows: number): void {
  // Earlier than the writer's timestamps (1, 2, 3...), one row a policy each, so the copy is large enough
  // for the writer to commit many transactions while it is taken.
  db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows / POLICIES})
    INSERT INTO sdwan_policy_stats (policy_id, timestamp, packets_matched, bytes_matched, active_flows)
    SELECT policy_id, -i, 1, 1, 1 FROM n, sdwan_policies`);
}

describe("backupDatabase", () => {
  it("copies a consistent database while another process commits snapshots, which go on after it", async () => {
    t = withPolicies();
    fillHistory(t.db, 200_000);
    await startWriter(t.file);
    const before = snapshotCount(t.db);
    const to = join(t.dir, "backup.db");

    await backupDatabase(t.db, { to });
    const after = snapshotCount(t.db);
    await stopWriter();

    const copy = openDatabase(to);
    try {
      expect(tornSnapshots(copy.db)).toEqual([]);
      expect(snapshotCount(copy.db)).toBeGreaterThanOrEqual(before);
      expect(snapshotCount(copy.db)).toBeLessThanOrEqual(after);
    } finally {
      copy.close();
    }
    expect(after).toBeGreaterThan(before);
  }, 120_000); // starting the writer's tsx process takes seconds, tens of them on a loaded host

  it("writes a single 0600 file in rollback-journal mode that passes the integrity check", async () => {
    t = withPolicies();
    const to = join(t.dir, "backup.db");

    const result = await backupDatabase(t.db, { to });

    expect(statSync(to).mode & 0o777).toBe(0o600);
    expect(result).toMatchObject({ file: to, bytes: statSync(to).size });
    const raw = new Sqlite(to, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
    expect(existsSync(`${to}-wal`)).toBe(false);
  });

  it("refuses to write the backup over the live database", async () => {
    t = withPolicies();

    await expect(backupDatabase(t.db, { to: t.file })).rejects.toThrow(
      new BackupError("the backup file cannot be the live database"),
    );
  });
});

describe("restoreDatabase", () => {
  /** A backup of the test database, then one more policy in the live one, so the two can be told apart. */
  async function backupThenChange(): Promise<string> {
    const to = join(t.dir, "backup.db");
    await backupDatabase(t.db, { to });
    createPolicy(t.db, { name: "after the backup", priority: 999, match_rules: {} });
    return to;
  }
  const policyNames = (file: string) => {
    const raw = new Sqlite(file, { readonly: true });
    const names = raw.prepare("SELECT name FROM sdwan_policies ORDER BY name").pluck().all();
    raw.close();
    return names;
  };

  it("refuses while another connection has the database open, and changes nothing", async () => {
    t = withPolicies();
    const from = await backupThenChange();

    expect(() => restoreDatabase({ from, target: t.file })).toThrow(/the database is in use/);
    expect(t.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sdwan_policies`).n).toBe(POLICIES + 1);
  });

  it("replaces a stopped database with the backup and keeps the old one aside, 0600", async () => {
    t = withPolicies();
    const from = await backupThenChange();
    t.close();

    const result = restoreDatabase({ from, target: t.file, now: Date.UTC(2026, 10, 30, 9, 45) });

    // The old database's WAL went with it: none is left beside the new file for SQLite to replay into it.
    expect(existsSync(`${t.file}-wal`)).toBe(false);
    expect(result.previous).toBe(`${t.file}.before-restore-2026-11-30T09-45-00-000Z`);
    expect(policyNames(t.file)).not.toContain("after the backup");
    expect(policyNames(result.previous!)).toContain("after the backup");
    expect(statSync(t.file).mode & 0o777).toBe(0o600);
    t.close = () => {};
  });

  it("refuses a damaged backup and leaves the live database as it was", async () => {
    t = withPolicies();
    const from = await backupThenChange();
    t.close();
    const bytes = readFileSync(from);
    // Overwrite pages in the middle of the file: SQLite's header still reads, its b-trees do not.
    bytes.fill(0x5a, 8192, bytes.length - 4096);
    writeFileSync(from, bytes);

    expect(() => restoreDatabase({ from, target: t.file })).toThrow(BackupError);
    expect(policyNames(t.file)).toContain("after the backup");
    t.close = () => {};
  });

  it("refuses a file that is not an SQLite database", () => {
    t = withPolicies();
    t.close();
    const from = join(t.dir, "notes.txt");
    writeFileSync(from, "not a database, just text long enough to have a header".repeat(20));

    expect(() => restoreDatabase({ from, target: t.file })).toThrow(/not an SQLite database/);
    t.close = () => {};
  });

  it("refuses a backup whose migrations are newer than this build's", async () => {
    t = withPolicies();
    const from = await backupThenChange();
    t.close();
    const newer = new Sqlite(from);
    newer.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('next', 99999999999999)").run();
    newer.close();

    expect(() => restoreDatabase({ from, target: t.file })).toThrow(/made by a newer release/);
    expect(policyNames(t.file)).toContain("after the backup");
    t.close = () => {};
  });
});
