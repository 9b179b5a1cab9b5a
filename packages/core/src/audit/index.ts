import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "../db/client";
import { auditLog, type auditOutcomes } from "../db/schema";
import { DomainError, NotFoundError } from "../errors";
import { perConnection } from "../db/per-connection";

/** The actor of changes no person made: the demo seed, tests, scripts. */
export const SYSTEM_ACTOR = "system";

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

const insertOf = perConnection(prepareInsert);

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
  return insertOf(db).get({ ...entry, details: JSON.stringify(entry.details) }).id;
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

/** The fields whose values differ between two versions of a row, as `{ before, after }` for the audit row. */
export function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return { before: was, after: now };
}

export interface AuditedAttempt {
  actor: string;
  action: string;
  /** What the row is about, e.g. `policy:7`; a change may name it once it knows it (a new row's id). */
  target: string;
  at: number;
}

/** A refusal's own message; anything else (a busy database, a full disk) by its kind, without internals. */
export function failureReason(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  return `internal error (${error instanceof Error ? error.name : typeof error})`;
}

/**
 * Runs `change` in one BEGIN IMMEDIATE transaction that also writes its success audit row, so the row
 * exists exactly when the change does. IMMEDIATE takes the write lock up front: a concurrent writer in
 * the other process waits through busy_timeout instead of failing on the upgrade from a read. Any
 * failure rolls everything back, is then audited (`not_found` or `failed`, with its reason) and rethrown.
 * Inside an open transaction (the demo seed) it nests as a savepoint.
 */
export function auditedChange<T>(
  db: Db,
  attempt: AuditedAttempt,
  change: (tx: Queryable) => { result: T; details: Record<string, unknown>; target?: string },
): { result: T; auditId: number } {
  try {
    return db.transaction(
      (tx) => {
        const { result, details, target = attempt.target } = change(tx);
        const auditId = writeAudit(tx, { ...attempt, target, outcome: "success", details });
        return { result, auditId };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    writeAudit(db, {
      ...attempt,
      outcome: error instanceof NotFoundError ? "not_found" : "failed",
      details: { reason: failureReason(error) },
    });
    throw error;
  }
}
