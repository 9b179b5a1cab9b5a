import { createServer } from "node:net";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db";
import { createTestDb, type TestDb } from "../testing";
import { createCollectorClient } from "../traffic/control";
import { checkCollector, checkDatabaseWritable, checkMigrations } from "./readiness";

let t: TestDb | undefined;
afterEach(() => t?.destroy());

/** A port that was free a moment ago and has nothing listening on it now. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("readiness checks", () => {
  it("finds a fresh database writable and its migrations current", () => {
    t = createTestDb();

    expect(checkDatabaseWritable(t.db)).toEqual({ ok: true, detail: "writable" });
    expect(checkMigrations(t.db)).toEqual({ ok: true, detail: "current" });
  });

  it("reports the database not writable while another connection holds the write lock, and leaves no transaction open", () => {
    t = createTestDb();
    const other = openDatabase(t.file);
    other.db.run(sql`BEGIN IMMEDIATE`);

    const held = checkDatabaseWritable(t.db, { waitMs: 20 });
    other.db.run(sql`ROLLBACK`);
    other.close();

    expect(held).toEqual({ ok: false, detail: "not writable (SQLITE_BUSY)" });
    expect(checkDatabaseWritable(t.db)).toEqual({ ok: true, detail: "writable" });
  });

  it("keeps the connection's own busy timeout after probing with a short one", () => {
    t = createTestDb();

    checkDatabaseWritable(t.db, { waitMs: 20 });

    expect(t.db.get<{ timeout: number }>(sql`PRAGMA busy_timeout`)).toEqual({ timeout: 5000 });
  });

  it("reports migrations behind on an unmigrated database and ahead on one a newer build migrated", () => {
    t = createTestDb({ migrate: false });
    expect(checkMigrations(t.db)).toEqual({ ok: false, detail: "behind: migrations not applied yet" });
    t.destroy();

    t = createTestDb();
    t.db.run(sql`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 99999999999999)`);
    expect(checkMigrations(t.db)).toEqual({
      ok: false,
      detail: "ahead: the database is newer than this build",
    });
  });

  it("reports the collector unreachable when nothing listens on its port, without naming the address", async () => {
    const client = createCollectorClient({ url: `http://127.0.0.1:${await deadPort()}`, secret: "x".repeat(20) });

    const check = await checkCollector(client, { now: Date.now(), maxSnapshotAgeMs: 60_000 });

    expect(check).toEqual({ ok: false, detail: "unreachable" });
  });
});
