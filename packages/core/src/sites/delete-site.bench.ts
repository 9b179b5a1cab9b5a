/**
 * deleteSite on sites touching 10, 50 and 200 paths, in a database of 50 such sites, beside the same
 * rows removed by hand-written DELETE statements in one transaction (the baseline). Each round gets a
 * fresh copy of a prepared database file, so both sides delete the same rows from the same state.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { EventBus } from "../events";
import { msMedian, report } from "../testing/bench";
import { buildMesh } from "../testing/fixtures";
import { deleteSite } from "./delete-site";

const SITES = 50;
const ROUNDS = 7;

const handWritten = `
  DELETE FROM sdwan_path_metrics WHERE path_id IN (
    SELECT id FROM sdwan_paths WHERE source_endpoint_id IN (SELECT id FROM sdwan_endpoints WHERE site_id = @site)
                                  OR destination_endpoint_id IN (SELECT id FROM sdwan_endpoints WHERE site_id = @site));
  DELETE FROM sdwan_paths WHERE source_endpoint_id IN (SELECT id FROM sdwan_endpoints WHERE site_id = @site)
                             OR destination_endpoint_id IN (SELECT id FROM sdwan_endpoints WHERE site_id = @site);
  DELETE FROM sdwan_endpoints WHERE site_id = @site;
  DELETE FROM sdwan_sites WHERE id = @site;`;

const warmUp = [
  `SELECT (SELECT count(*) FROM sdwan_path_metrics), (SELECT count(*) FROM sdwan_paths),
          (SELECT count(*) FROM sdwan_endpoints), (SELECT count(*) FROM sdwan_policies)`,
  "PRAGMA user_version = 1",
];

export function run(): void {
  const dir = mkdtempSync(join(tmpdir(), "patronus-bench-"));
  try {
    for (const [pathsPerSite, metricsPerPath] of [[10, 10], [50, 10], [200, 10], [200, 500]] as const) {
      const template = join(dir, `mesh-${pathsPerSite}-${metricsPerPath}.db`);
      const built = openDatabase(template);
      migrateDatabase(built.db);
      const { siteIds } = buildMesh(built.db, { siteCount: SITES, pathsPerSite, metricsPerPath });
      built.close();
      const siteId = siteIds[SITES / 2]!;
      let copies = 0;
      const copy = () => {
        const file = join(dir, `copy-${copies++}.db`);
        copyFileSync(template, file);
        return file;
      };

      // Both sides are measured in the steady state of a long-running process: the page cache warm, the
      // WAL created (a fresh copy pays ~5 ms for it on first commit), statements already prepared (ours
      // by deleting a site that does not exist, which prepares them all). Closing is not timed.
      const ours = msMedian(
        () => {
          const handle = openDatabase(copy());
          for (const statement of warmUp) handle.db.run(sql.raw(statement));
          try {
            deleteSite(handle.db, { siteId: "00000000-0000-4000-8000-00000000ffff", actor: "bench" }, { events: new EventBus() });
          } catch {
            // not found, as intended
          }
          return handle;
        },
        (h) => deleteSite(h.db, { siteId, actor: "bench" }, { events: new EventBus() }),
        ROUNDS,
        (h) => h.close(),
      );
      const baseline = msMedian(
        () => {
          const sqlite = new Sqlite(copy());
          sqlite.pragma("journal_mode = WAL");
          sqlite.pragma("synchronous = NORMAL");
          sqlite.pragma("foreign_keys = ON");
          for (const statement of warmUp) sqlite.prepare(statement).run();
          const statements = handWritten.split(";").filter((s) => s.trim()).map((s) => sqlite.prepare(s));
          return { sqlite, statements };
        },
        ({ sqlite, statements }) => sqlite.transaction(() => statements.forEach((s) => s.run({ site: siteId }))).immediate(),
        ROUNDS,
        ({ sqlite }) => sqlite.close(),
      );
      report(
        `deleteSite ${pathsPerSite} paths x ${metricsPerPath} metric rows`,
        ours,
        baseline,
        "ms",
        pathsPerSite === 200 && metricsPerPath === 10 ? "< 5 ms, ratio < 1.5" : "ratio < 1.5",
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
