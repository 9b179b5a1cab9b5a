import { sql, type SQL } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing";
import { DENIAL_WINDOW_MS, listAuditLog, writeAudit } from "./index";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

const T0 = Date.UTC(2026, 0, 1);
const deny = (actor: string, action: string, at: number) =>
  writeAudit(t.db, { actor, action, target: "graphql", outcome: "denied", details: { role: "viewer" }, at });

/** The database's own message for a refused statement (drizzle wraps it as the error's cause). */
function refusal(statement: SQL): string {
  try {
    t.db.run(statement);
    return "not refused";
  } catch (error) {
    return String((error as { cause?: Error }).cause?.message ?? error);
  }
}

describe("the audit log", () => {
  it("coalesces repeated denials of one action to one actor into one row with a count", () => {
    for (let i = 0; i < 1_000; i++) deny("mallory@example.com", "site.delete", T0 + i);

    const rows = listAuditLog(t.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: "mallory@example.com",
      action: "site.delete",
      outcome: "denied",
      at: T0,
      repeats: 1_000,
      last_at: T0 + 999,
    });
  });

  it("starts a new row once the row's window has passed", () => {
    deny("mallory@example.com", "site.delete", T0);
    deny("mallory@example.com", "site.delete", T0 + DENIAL_WINDOW_MS - 1);
    deny("mallory@example.com", "site.delete", T0 + DENIAL_WINDOW_MS);

    expect(listAuditLog(t.db).map((e) => [e.at, e.repeats])).toEqual([
      [T0 + DENIAL_WINDOW_MS, 1],
      [T0, 2],
    ]);
  });

  it("keeps other actors, other actions and other outcomes in rows of their own", () => {
    deny("mallory@example.com", "site.delete", T0);
    deny("eve@example.com", "site.delete", T0 + 1);
    deny("mallory@example.com", "user.create", T0 + 2);
    writeAudit(t.db, {
      actor: "mallory@example.com",
      action: "site.delete",
      target: "site:1",
      outcome: "failed",
      details: {},
      at: T0 + 3,
    });
    writeAudit(t.db, {
      actor: "mallory@example.com",
      action: "site.delete",
      target: "site:1",
      outcome: "failed",
      details: {},
      at: T0 + 4,
    });

    expect(listAuditLog(t.db)).toHaveLength(5);
  });

  it("is still refused any other update, and every delete, by the database", () => {
    deny("mallory@example.com", "site.delete", T0);
    writeAudit(t.db, {
      actor: "admin@example.com",
      action: "cache.clear",
      target: "caches",
      outcome: "success",
      details: {},
      at: T0,
    });

    expect(refusal(sql`UPDATE audit_log SET details = '{}' WHERE outcome = 'denied'`)).toMatch(/append-only/);
    expect(refusal(sql`UPDATE audit_log SET repeats = repeats + 1, last_at = at WHERE outcome = 'success'`)).toMatch(
      /append-only/,
    );
    expect(refusal(sql`UPDATE audit_log SET repeats = 0, last_at = at WHERE outcome = 'denied'`)).toMatch(
      /append-only/,
    );
    expect(refusal(sql`DELETE FROM audit_log`)).toMatch(/append-only/);
  });
});
