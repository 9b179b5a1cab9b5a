/**
 * deleteSite on sites touching 10, 50 and 200 paths, in a database of 50 such sites, beside the same
 * rows removed by hand-written prepared DELETE statements in one transaction (the baseline).
 *
 * Both run as in a long-running process: one open connection each, to its own copy of the database
 * (a write through another connection would empty a connection's page cache), statements prepared,
 * pages warm. After every timed deletion the removed rows are put back, untimed and through the same
 * connection, from copies in temporary tables: every round deletes the same rows from the same state.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { EventBus } from "../events";
import { report } from "../testing/bench";
import { buildMesh } from "../testing/fixtures";
import { deleteSite } from "./delete-site";

const SITES = 50;
const ROUNDS = 15;

const siteEndpoints = "SELECT id FROM sdwan_endpoints WHERE site_id = @site";
const touchingPaths = `SELECT id FROM sdwan_paths WHERE source_endpoint_id IN (${siteEndpoints}) OR destination_endpoint_id IN (${siteEndpoints})`;

const handWritten = [
  `DELETE FROM sdwan_path_metrics WHERE path_id IN (${touchingPaths})`,
  `DELETE FROM sdwan_paths WHERE id IN (${touchingPaths})`,
  "DELETE FROM sdwan_endpoints WHERE site_id = @site",
  "DELETE FROM sdwan_sites WHERE id = @site",
];

// Parents first when saving and restoring, so foreign keys hold at every step.
const saved = [
  ["sdwan_sites", "id = @site"],
  ["sdwan_endpoints", "site_id = @site"],
  ["sdwan_paths", `id IN (${touchingPaths})`],
  ["sdwan_path_metrics", `path_id IN (${touchingPaths})`],
] as const;

/** Saves the rows a deletion of the site removes into temporary tables; returns a function putting them back. */
function saver(exec: (sqlText: string) => unknown): () => void {
  for (const [table, where] of saved) exec(`CREATE TEMP TABLE saved_${table} AS SELECT * FROM ${table} WHERE ${where}`);
  return () => {
    exec("BEGIN");
    for (const [table] of saved) exec(`INSERT INTO ${table} SELECT * FROM temp.saved_${table}`);
    exec("COMMIT");
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function run(): void {
  const dir = mkdtempSync(join(tmpdir(), "patronus-bench-"));
  try {
    for (const [pathsPerSite, metricsPerPath] of [
      [10, 10],
      [50, 10],
      [200, 10],
      [200, 500],
    ] as const) {
      const file = join(dir, `mesh-${pathsPerSite}-${metricsPerPath}.db`);
      const built = openDatabase(file);
      migrateDatabase(built.db);
      const { siteIds } = buildMesh(built.db, { siteCount: SITES, pathsPerSite, metricsPerPath });
      built.close();
      const site = siteIds[SITES / 2]!;
      copyFileSync(file, `${file}.baseline`);

      const ours = openDatabase(file);
      const raw = new Sqlite(`${file}.baseline`);
      raw.pragma("journal_mode = WAL");
      raw.pragma("synchronous = NORMAL");
      raw.pragma("foreign_keys = ON");
      const restoreOurs = saver((text) => ours.db.run(sql.raw(text.replaceAll("@site", `'${site}'`))));
      const restoreBaseline = saver((text) => raw.prepare(text).run({ site }));
      const baselineStatements = handWritten.map((s) => raw.prepare(s));
      const baselineDelete = raw.transaction(() => baselineStatements.forEach((s) => s.run({ site })));
      const events = new EventBus();

      const oursMs: number[] = [];
      const baselineMs: number[] = [];
      for (let round = 0; round < ROUNDS + 1; round++) {
        let start = process.hrtime.bigint();
        deleteSite(ours.db, { siteId: site, actor: "bench" }, { events });
        const a = Number(process.hrtime.bigint() - start) / 1e6;
        restoreOurs();
        start = process.hrtime.bigint();
        baselineDelete.immediate();
        const b = Number(process.hrtime.bigint() - start) / 1e6;
        restoreBaseline();
        if (round > 0) {
          // round 0 prepares our statements and warms both sides
          oursMs.push(a);
          baselineMs.push(b);
        }
      }
      raw.close();
      ours.close();
      report(
        `deleteSite ${pathsPerSite} paths x ${metricsPerPath} metric rows`,
        median(oursMs),
        median(baselineMs),
        "ms",
        pathsPerSite === 200 && metricsPerPath === 10 ? "< 5 ms, ratio < 1.5" : "ratio < 1.5",
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
