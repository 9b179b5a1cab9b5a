import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { auditLog, auditOutcomes } from "../db/schema";
import { ValidationError } from "../errors";
import type { AuditEntry, AuditOutcome } from "./index";

export interface AuditFilter {
  /** Exact matches. */
  actor?: string;
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  /** Epoch ms, inclusive, on the row's `at` (its first attempt for coalesced denials). */
  from?: number;
  to?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `after` for the next (older) page; null on the last page. */
  next_cursor: string | null;
}

export const AUDIT_PAGE_MAX = 500;

/**
 * One page of the audit log, newest first, after the cursor of the page before. The keyset is the row
 * id: rows are only ever appended with higher ids, so a page never shifts while new rows arrive. Each
 * single filter walks an index ending in the rowid (docs/database.md, Audit log).
 */
export function queryAuditLog(
  db: Queryable,
  { filter = {}, after, limit = 50 }: { filter?: AuditFilter; after?: string | null; limit?: number },
): AuditPage {
  const rows = auditPageQuery(db, { filter, after, limit }).all();
  const more = rows.length > limit;
  const entries = rows
    .slice(0, limit)
    .map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
  return { entries, next_cursor: more ? String(entries.at(-1)!.id) : null };
}

/** The statement of one page (limit + 1 rows, the extra one telling whether there is a next page). */
export function auditPageQuery(
  db: Queryable,
  { filter, after, limit }: { filter: AuditFilter; after?: string | null; limit: number },
) {
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX)
    throw new ValidationError(`limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}, not ${limit}`, "limit");
  if (filter.outcome !== undefined && !auditOutcomes.includes(filter.outcome))
    throw new ValidationError(`outcome must be one of ${auditOutcomes.join(", ")}`, "filter.outcome");
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to)
    throw new ValidationError("from must not be later than to", "filter.from");
  const conditions: (SQL | undefined)[] = [
    filter.actor === undefined ? undefined : eq(auditLog.actor, filter.actor),
    filter.action === undefined ? undefined : eq(auditLog.action, filter.action),
    filter.target === undefined ? undefined : eq(auditLog.target, filter.target),
    filter.outcome === undefined ? undefined : eq(auditLog.outcome, filter.outcome),
    filter.from === undefined ? undefined : gte(auditLog.at, filter.from),
    filter.to === undefined ? undefined : lte(auditLog.at, filter.to),
    after === undefined || after === null ? undefined : lt(auditLog.id, cursorId(after)),
  ];
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
}

function cursorId(after: string): number {
  if (!/^[1-9]\d{0,15}$/.test(after))
    throw new ValidationError(`after must be a cursor from a page, not '${after}'`, "after");
  return Number(after);
}
