import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { createTestDb, type TestDb } from "../testing";
import { createUser, ensureAdmin, verifyCredentials } from "./users";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.destroy());

describe("users", () => {
  it("verify the right password and refuse a wrong one or an unknown email alike", async () => {
    createUser(t.db, { email: "Ops@Example.com", password: "correct horse battery", role: "operator" });
    expect(
      await verifyCredentials(t.db, { email: "ops@example.com", password: "correct horse battery" }),
    ).toMatchObject({ role: "operator" });
    expect(await verifyCredentials(t.db, { email: "ops@example.com", password: "wrong password!!" })).toBeUndefined();
    expect(
      await verifyCredentials(t.db, { email: "nobody@example.com", password: "correct horse battery" }),
    ).toBeUndefined();
  });

  it("never store the password itself", () => {
    createUser(t.db, { email: "a@example.com", password: "correct horse battery" });
    const stored = JSON.stringify(t.db.all(sql`SELECT * FROM users`));
    expect(stored).not.toContain("correct horse battery");
  });

  it("reject a short password", () => {
    expect(() => createUser(t.db, { email: "a@example.com", password: "short" })).toThrow(ValidationError);
  });

  it("reject a password past 1,024 characters", () => {
    expect(() => createUser(t.db, { email: "a@example.com", password: "x".repeat(1_025) })).toThrow(
      "password: must be at most 1024 characters",
    );
  });

  it("generate an admin password once and leave an existing admin untouched", () => {
    const first = ensureAdmin(t.db, { email: "admin@example.com" });
    const second = ensureAdmin(t.db, { email: "admin@example.com", password: "another password here" });

    expect(first).toMatchObject({ created: true, user: { role: "admin" } });
    expect(first.generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(second).toMatchObject({ created: false });
    expect(second.generatedPassword).toBeUndefined();
    expect(verifyCredentials(t.db, { email: "admin@example.com", password: first.generatedPassword! })).toBeDefined();
  });
});
