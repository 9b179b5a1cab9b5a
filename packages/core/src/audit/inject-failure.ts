import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { DomainError } from "../errors";

/**
 * For rollback tests: makes the database refuse the success audit row of `action`, the last statement of
 * every audited change, so the change has already written everything else when the transaction fails.
 */
export function failSuccessAuditOf(db: Db, action: string): void {
  db.run(
    sql.raw(
      `CREATE TRIGGER fail_${action.replaceAll(".", "_")} BEFORE INSERT ON audit_log ` +
        `WHEN NEW.outcome = 'success' AND NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    ),
  );
}

/** Every row of the network's tables, to compare a database before and after a rolled-back change. */
export function networkRows(db: Db): Record<string, unknown[]> {
  const tables = [
    "sdwan_sites",
    "sdwan_endpoints",
    "sdwan_paths",
    "sdwan_path_metrics",
    "sdwan_policies",
    "sdwan_policy_stats",
  ];
  return Object.fromEntries(tables.map((table) => [table, db.all(sql.raw(`SELECT * FROM ${table} ORDER BY rowid`))]));
}

/** The error `fn` throws, to assert on its class, code and field; fails when it throws none. */
export function thrown(fn: () => unknown): DomainError | Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
