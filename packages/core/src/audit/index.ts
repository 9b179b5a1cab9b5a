import { desc, eq } from "drizzle-orm";
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
