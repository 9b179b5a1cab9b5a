import { and, desc, eq, sql } from "drizzle-orm";
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
  /** Attempts this row stands for: repeated denials coalesce (see writeAudit). */
  repeats: number;
  /** The latest of them; null while there is only the first. */
  last_at: number | null;
}

/**
 * How long a denied row keeps absorbing the same actor's repeats of the same action, from its first
 * attempt: a flood of refused requests costs one row per actor, action and 10 minutes.
 */
export const DENIAL_WINDOW_MS = 10 * 60_000;

type NewEntry = Omit<AuditEntry, "id" | "at" | "repeats" | "last_at"> & { at?: number };

/**
 * Appends one row and returns its id. The log must also record denied and failed attempts, so callers
 * write it on every path. A denial repeating one the same actor got for the same action within
 * DENIAL_WINDOW_MS raises that row's `repeats` instead: the one update the database's triggers allow;
 * nothing else is ever updated or deleted.
 */
export function writeAudit(db: Queryable, entry: NewEntry): number {
  const at = entry.at ?? Date.now();
  if (entry.outcome === "denied") {
    const coalesced = db.transaction((tx) => {
      const last = tx
        .select({ id: auditLog.id, at: auditLog.at })
        .from(auditLog)
        .where(and(eq(auditLog.actor, entry.actor), eq(auditLog.action, entry.action), eq(auditLog.outcome, "denied")))
        .orderBy(desc(auditLog.id))
        .limit(1)
        .get();
      if (!last || at - last.at >= DENIAL_WINDOW_MS || at < last.at) return undefined;
      tx.update(auditLog)
        .set({ repeats: sql`${auditLog.repeats} + 1`, last_at: at })
        .where(eq(auditLog.id, last.id))
        .run();
      return last.id;
    });
    if (coalesced !== undefined) return coalesced;
  }
  const row = db
    .insert(auditLog)
    .values({ ...entry, at, details: JSON.stringify(entry.details) })
    .returning({ id: auditLog.id })
    .get();
  return row.id;
}

const preparedInserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

function prepareInsert(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return db
    .insert(auditLog)
    .values({
      at: p("at"),
      actor: p("actor"),
      action: p("action"),
      target: p("target"),
      outcome: p("outcome"),
      details: p("details"),
    })
    .returning({ id: auditLog.id })
    .prepare();
}

/**
 * writeAudit with the statement prepared once per connection, for hot paths such as the cascade. It
 * runs inside whatever transaction is open on `db`.
 */
export function writeAuditPrepared(db: Db, entry: Omit<AuditEntry, "id" | "repeats" | "last_at">): number {
  let insert = preparedInserts.get(db);
  if (!insert) preparedInserts.set(db, (insert = prepareInsert(db)));
  return insert.get({ ...entry, details: JSON.stringify(entry.details) }).id;
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
