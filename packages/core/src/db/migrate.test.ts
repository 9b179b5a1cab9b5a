import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, race, type TestDb } from "../testing";
import { defaultMigrationsFolder, migrateDatabase } from "./migrate";

let t: TestDb | undefined;
afterEach(() => t?.destroy());

function tableNames(db: TestDb["db"]): string[] {
  return db
    .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .map((r) => r.name);
}

/** A copy of the migrations folder whose journal stops after the first `count` migrations. */
function firstMigrations(count: number): string {
  const folder = join(mkdtempSync(join(tmpdir(), "patronus-migrations-")), "drizzle");
  cpSync(defaultMigrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe("migrations", () => {
  it("create every table of the schema, sdwan_policy_stats among them", () => {
    t = createTestDb();
    expect(tableNames(t.db)).toEqual(
      expect.arrayContaining([
        "sdwan_sites",
        "sdwan_endpoints",
        "sdwan_paths",
        "sdwan_path_metrics",
        "sdwan_policies",
        "sdwan_policy_stats",
        "users",
        "api_tokens",
        "audit_log",
      ]),
    );
  });

  it("give sdwan_policy_stats exactly the columns docs/database.md lists and a (policy_id, timestamp) index", () => {
    t = createTestDb();
    const columns = t.db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('sdwan_policy_stats')`);
    const index = t.db.all<{ name: string }>(
      sql`SELECT name FROM pragma_index_info('sdwan_policy_stats_policy_time_idx')`,
    );
    expect(columns.map((c) => c.name)).toEqual([
      "stat_id",
      "policy_id",
      "timestamp",
      "packets_matched",
      "bytes_matched",
      "active_flows",
    ]);
    expect(index.map((c) => c.name)).toEqual(["policy_id", "timestamp"]);
  });

  it("index every foreign-key column", () => {
    t = createTestDb();
    const unindexed: string[] = [];
    for (const table of tableNames(t.db)) {
      const fks = t.db.all<{ from: string }>(sql`SELECT "from" FROM pragma_foreign_key_list(${table})`);
      const leading = t.db
        .all<{ name: string }>(sql`SELECT name FROM pragma_index_list(${table})`)
        .map(
          (i) => t!.db.get<{ name: string }>(sql`SELECT name FROM pragma_index_info(${i.name}) WHERE seqno = 0`)?.name,
        );
      for (const fk of fks) if (!leading.includes(fk.from)) unindexed.push(`${table}.${fk.from}`);
    }
    expect(unindexed).toEqual([]);
  });

  it("upgrade a database created by the first migration, keeping its data", () => {
    t = createTestDb({ migrate: false });
    migrateDatabase(t.db, firstMigrations(1));
    t.db.run(sql`INSERT INTO sdwan_sites (id, name, location, status, created_at, updated_at)
                 VALUES ('00000000-0000-4000-8000-000000000001', 'HQ', 'NYC', 'active', 1, 2)`);
    t.db.run(sql`INSERT INTO audit_log (at, actor, action, target, outcome) VALUES (5, 'a', 'x', 't', 'success')`);
    t.db.run(sql`DELETE FROM audit_log`); // still allowed before the append-only migration

    t.db.run(sql`INSERT INTO audit_log (at, actor, action, target, outcome) VALUES (6, 'a', 'x', 't', 'success')`);
    migrateDatabase(t.db);

    expect(t.db.all(sql`SELECT id, name, location, status, created_at, updated_at FROM sdwan_sites`)).toEqual([
      {
        id: "00000000-0000-4000-8000-000000000001",
        name: "HQ",
        location: "NYC",
        status: "active",
        created_at: 1,
        updated_at: 2,
      },
    ]);
    expect(t.db.all(sql`SELECT at FROM audit_log`)).toEqual([{ at: 6 }]);
    expect(() => t!.db.run(sql`DELETE FROM audit_log`)).toThrow(
      expect.objectContaining({ cause: expect.objectContaining({ message: "audit_log is append-only" }) }),
    );
  });

  it("fill the totals from the rollups a database already holds, one row a bucket", () => {
    t = createTestDb({ migrate: false });
    const before = firstMigrations(12); // up to 0011, the last without the totals
    migrateDatabase(t.db, before);
    t.db.run(sql`INSERT INTO sdwan_policies (policy_id, name, priority, match_rules, created_at, updated_at)
                 VALUES (1, 'a', 1, '{}', 0, 0), (2, 'b', 2, '{}', 0, 0)`);
    for (const table of ["sdwan_policy_stats_minute", "sdwan_policy_stats_hour"])
      t.db.run(
        sql.raw(`INSERT INTO ${table} (policy_id, bucket, packets, bytes, samples, began_at, last_at, active_flows)
                 VALUES (1, 0, 5, 50, 6, 1, 60, 3), (2, 0, 7, 70, 5, 10, 50, 4), (1, 3600000, 1, 2, 1, 60, 3600001, 9)`),
      );

    migrateDatabase(t.db);

    for (const table of ["sdwan_stats_totals_minute", "sdwan_stats_totals_hour"])
      expect(t.db.all(sql.raw(`SELECT * FROM ${table} ORDER BY bucket`))).toEqual([
        { bucket: 0, packets: 12, bytes: 120, samples: 11, began_at: 1, last_at: 60, active_flows: 7 },
        { bucket: 3600000, packets: 1, bytes: 2, samples: 1, began_at: 60, last_at: 3600001, active_flows: 9 },
      ]);
  });

  it("are applied exactly once when three processes start on one file at the same moment", () => {
    // The window is a few milliseconds wide, so one round rarely shows it: 30 rounds, 30 fresh files.
    const files = Array.from({ length: 30 }, () => createTestDb({ migrate: false }));
    try {
      const outcomes = race(
        3,
        "migrate",
        files.map((f) => ({ file: f.file })),
      );

      expect(new Set(outcomes.flat())).toEqual(new Set(["migrated"]));
      const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder, "meta/_journal.json"), "utf8")) as {
        entries: unknown[];
      };
      for (const f of files)
        expect(f.db.all(sql`SELECT hash FROM __drizzle_migrations`)).toHaveLength(journal.entries.length);
    } finally {
      for (const f of files) f.destroy();
    }
  });
});
