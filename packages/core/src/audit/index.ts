import { desc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { auditLog, type auditOutcomes } from "../db/schema";

export type AuditOutcome = (typeof auditOutcomes)[number];

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  outcome: AuditOutcome;
  details: Record<string, unknown>;
}

/**
 * Appends one row. There is deliberately no update or delete here (and triggers refuse both in the
 * database): the log must also record the denied and failed attempts, so callers write it on every path.
 */
export function writeAudit(db: Queryable, entry: Omit<AuditEntry, "id" | "at"> & { at?: number }): number {
  const row = db
    .insert(auditLog)
    .values({ ...entry, at: entry.at ?? Date.now(), details: JSON.stringify(entry.details) })
    .returning({ id: auditLog.id })
    .get();
  return row.id;
}

const preparedInserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

function prepareInsert(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return db
    .insert(auditLog)
    .values({ at: p("at"), actor: p("actor"), action: p("action"), target: p("target"), outcome: p("outcome"), details: p("details") })
    .returning({ id: auditLog.id })
    .prepare();
}

/**
 * writeAudit with the statement prepared once per connection, for hot paths such as the cascade. It
 * runs inside whatever transaction is open on `db`.
 */
export function writeAuditPrepared(db: Db, entry: Omit<AuditEntry, "id">): number {
  let insert = preparedInserts.get(db);
  if (!insert) preparedInserts.set(db, (insert = prepareInsert(db)));
  return insert.get({ ...entry, details: JSON.stringify(entry.details) })!.id;
}

export function listAuditLog(db: Db, { limit = 100, target }: { limit?: number; target?: string } = {}): AuditEntry[] {
  return db
    .select()
    .from(auditLog)
    .where(target === undefined ? undefined : eq(auditLog.target, target))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(Math.max(limit, 1), 1000))
    .all()
    .map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}
