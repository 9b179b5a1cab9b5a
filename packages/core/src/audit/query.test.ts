import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isDomainError } from "../errors";
import { createTestDb, type TestDb } from "../testing";
import { writeAudit, type AuditOutcome } from "./index";
import { auditPageQuery, queryAuditLog, type AuditFilter } from "./query";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

const T0 = Date.UTC(2026, 0, 1);
const write = (i: number, over: { actor?: string; action?: string; target?: string; outcome?: AuditOutcome } = {}) =>
  writeAudit(t.db, {
    actor: over.actor ?? "admin@example.com",
    action: over.action ?? "site.delete",
    target: over.target ?? `site-${i}`,
    outcome: over.outcome ?? "success",
    details: { i },
    at: T0 + i * 1000,
  });

/** Every row the filter selects, page by page, following next_cursor. */
function walk(filter: AuditFilter, limit: number, between?: (page: number) => void) {
  const seen: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result = queryAuditLog(t.db, { filter, after, limit });
    seen.push(...result.entries.map((e) => e.details.i as number));
    if (!result.next_cursor) return seen;
    after = result.next_cursor;
    between?.(page);
  }
  throw new Error("paging never ended");
}

const validationField = (run: () => unknown) => {
  try {
    run();
    return "accepted";
  } catch (error) {
    return isDomainError(error) ? `${error.code} ${error.field}` : String(error);
  }
};

describe("the audit log query", () => {
  it("lists newest first with the details parsed", () => {
    for (let i = 0; i < 3; i++) write(i);

    const { entries, next_cursor } = queryAuditLog(t.db, {});

    expect(entries.map((e) => e.target)).toEqual(["site-2", "site-1", "site-0"]);
    expect(entries[0]).toMatchObject({ actor: "admin@example.com", at: T0 + 2000, details: { i: 2 }, repeats: 1 });
    expect(next_cursor).toBeNull();
  });

  it("combines actor, action, target, outcome and time range filters", () => {
    write(0, { actor: "a@example.com" });
    write(1, { actor: "b@example.com" });
    write(2, { actor: "a@example.com", action: "user.create" });
    write(3, { actor: "a@example.com", outcome: "failed" });
    write(4, { actor: "a@example.com", target: "site-x" });
    write(5, { actor: "a@example.com" });
    write(6, { actor: "a@example.com" });

    const ids = (filter: AuditFilter) => queryAuditLog(t.db, { filter }).entries.map((e) => e.details.i);
    expect(ids({ actor: "a@example.com" })).toEqual([6, 5, 4, 3, 2, 0]);
    expect(ids({ action: "user.create" })).toEqual([2]);
    expect(ids({ outcome: "failed" })).toEqual([3]);
    expect(ids({ target: "site-x" })).toEqual([4]);
    expect(ids({ from: T0 + 1000, to: T0 + 5000 })).toEqual([5, 4, 3, 2, 1]);
    expect(
      ids({ actor: "a@example.com", action: "site.delete", outcome: "success", from: T0 + 4000, to: T0 + 5000 }),
    ).toEqual([5, 4]);
  });

  it("pages through every matching row exactly once while new rows are appended between pages", () => {
    for (let i = 0; i < 95; i++) write(i, { outcome: i % 3 === 0 ? "denied" : "success", action: `a.${i}` });

    // Rows written after the first page are newer than it: paging goes on into the older rows only.
    let next = 1000;
    const seen = walk({ outcome: "success" }, 7, () => write(next++, { action: "late" }));

    const expected = Array.from({ length: 95 }, (_, i) => 94 - i).filter((i) => i % 3 !== 0);
    expect(seen).toEqual(expected);
  });

  it("refuses a limit out of range, a bad cursor and a reversed time range as validation errors", () => {
    expect(validationField(() => queryAuditLog(t.db, { limit: 0 }))).toBe("VALIDATION limit");
    expect(validationField(() => queryAuditLog(t.db, { limit: 501 }))).toBe("VALIDATION limit");
    expect(validationField(() => queryAuditLog(t.db, { after: "1; DROP" }))).toBe("VALIDATION after");
    expect(validationField(() => queryAuditLog(t.db, { filter: { from: 2, to: 1 } }))).toBe("VALIDATION filter.from");
  });

  it("walks an index in id order for each single filter, with no sort of its own", () => {
    const filters: AuditFilter[] = [
      {},
      { actor: "a" },
      { action: "site.delete" },
      { target: "site-1" },
      { outcome: "denied" },
      { actor: "a", action: "b" },
    ];
    for (const filter of filters) {
      const { sql: text, params } = auditPageQuery(t.db, { filter, after: "10", limit: 50 }).toSQL();
      const plan = t.db
        .all<{ detail: string }>(sql.raw(`EXPLAIN QUERY PLAN ${inline(text, params)}`))
        .map((row) => row.detail)
        .join("; ");
      expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE|SCAN audit_log(?! USING)/);
    }
  });
});

/** The statement with its parameters written in, for EXPLAIN (values here are test literals). */
function inline(text: string, params: unknown[]): string {
  let n = 0;
  return text.replaceAll("?", () => {
    const value = params[n++];
    return typeof value === "number" ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  });
}
