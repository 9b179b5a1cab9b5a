import type Sqlite from "better-sqlite3";
import { createTestDb } from "../../testing/test-db";
import { msMedian, report } from "../../testing/bench";
import { driverOf, readRollupCells, ROLLUP_LEVELS } from "./rollups";
import { getPolicySparklines } from "./sparklines";

const POLICIES = 1000;
const MINUTE = 60_000;
const NOW = Math.floor(Date.UTC(2026, 5, 1) / MINUTE) * MINUTE + 30_000;

/**
 * The policies table's sparklines at 1,000 policies with two hours of minute rollups: the one query the
 * page makes, beside the baseline it replaces, one rollup read per policy over the same rows (the
 * 1,000 queries a sparkline per row would otherwise cost), measured in the same run.
 */
export function run(): void {
  const t = createTestDb();
  try {
    const driver = driverOf(t.db);
    const ids = createPolicies(driver);
    fillMinutes(driver, ids);
    for (const minutes of [15, 60]) {
      const from = NOW - (NOW % MINUTE) - (minutes - 1) * MINUTE;
      const perPolicy = msMedian(
        () => undefined,
        () =>
          ids.map((policyId) =>
            readRollupCells(t.db, { level: "minute", from, to: from + minutes * MINUTE, step: MINUTE, policyId }),
          ),
        3,
      );
      const one = msMedian(
        () => undefined,
        () => getPolicySparklines(t.db, { now: NOW, minutes }),
        3,
      );
      report(`policy_sparklines, ${POLICIES} policies, ${minutes} min`, one, perPolicy, "ms");
    }
    console.log("  (baseline: one minute-rollup read per policy over the same range)");
  } finally {
    t.destroy();
  }
}

function createPolicies(driver: Sqlite.Database): number[] {
  const insert = driver.prepare(
    "INSERT INTO sdwan_policies (name, priority, match_rules, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)",
  );
  return driver.transaction(() =>
    Array.from({ length: POLICIES }, (_, i) => Number(insert.run(`p${i}`, i % 1000, NOW, NOW).lastInsertRowid)),
  )();
}

/** Two hours of minute rows for every policy: 100 packets a second each. */
function fillMinutes(driver: Sqlite.Database, ids: number[]): void {
  const insert = driver.prepare(
    `INSERT INTO ${ROLLUP_LEVELS.minute.name} (policy_id, bucket, packets, bytes, samples, began_at, last_at, active_flows)
     VALUES (?, ?, 6000, 6000000, 6, ?, ?, 5)`,
  );
  driver.transaction(() => {
    for (let bucket = NOW - (NOW % MINUTE) - 120 * MINUTE; bucket <= NOW; bucket += MINUTE) {
      for (const id of ids) insert.run(id, bucket, bucket, bucket + MINUTE);
    }
  })();
}
