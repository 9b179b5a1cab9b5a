import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditLog } from "../audit";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { createTestDb, type TestDb } from "../testing";
import { createApiToken, verifyApiToken } from "./api-tokens";
import { addUser, deleteUser, resetPassword, setUserRole } from "./user-admin";
import { createUser, findUserById, listUsers, verifyCredentials, type User } from "./users";

let t: TestDb;
let admin: User;
const actor = "admin@example.com";
const lastAudit = () => listAuditLog(t.db, { limit: 1 })[0];

beforeEach(() => {
  t = createTestDb();
  admin = createUser(t.db, { email: actor, password: "correct horse battery", role: "admin" });
});
afterEach(() => t.destroy());

describe("user administration", () => {
  it("adds a user with a generated password that signs in, shown once and audited without it", () => {
    const { user, generatedPassword } = addUser(t.db, { email: "New.Ops@example.com", role: "operator", actor });

    expect(user).toMatchObject({ email: "new.ops@example.com", role: "operator" });
    expect(generatedPassword).toMatch(/^[\w-]{22}$/);
    expect(verifyCredentials(t.db, { email: "new.ops@example.com", password: generatedPassword! })).toMatchObject({ id: user.id });
    expect(lastAudit()).toMatchObject({ actor, action: "user.create", target: "user:new.ops@example.com", outcome: "success", details: { role: "operator" } });
    expect(JSON.stringify(listAuditLog(t.db))).not.toContain(generatedPassword);
    expect(listUsers(t.db).map((u) => u.email)).toEqual(["admin@example.com", "new.ops@example.com"]);
  });

  it("refuses a second account with the same email, and audits the refusal", () => {
    expect(() => addUser(t.db, { email: "ADMIN@example.com", role: "viewer", password: "another long password", actor })).toThrow(ConflictError);
    expect(lastAudit()).toMatchObject({ action: "user.create", outcome: "failed", details: { reason: "a user with email admin@example.com already exists" } });
    expect(listUsers(t.db)).toHaveLength(1);
  });

  it("changes a role, which the next request sees", () => {
    const viewer = createUser(t.db, { email: "v@example.com", password: "correct horse battery" });

    expect(setUserRole(t.db, { userId: viewer.id, role: "operator", actor })).toMatchObject({ role: "operator" });
    expect(findUserById(t.db, viewer.id)).toMatchObject({ role: "operator" });
    expect(lastAudit()).toMatchObject({ action: "user.set_role", target: `user:${viewer.id}`, details: { from: "viewer", to: "operator" } });
  });

  it("never demotes or deletes the last admin, but does once there is another", () => {
    expect(() => setUserRole(t.db, { userId: admin.id, role: "viewer", actor })).toThrow("admin@example.com is the last admin and cannot be demoted");
    const second = createUser(t.db, { email: "second@example.com", password: "correct horse battery", role: "admin" });
    expect(() => deleteUser(t.db, { userId: second.id, actor: "nobody-else@example.com" })).not.toThrow();
    expect(() => deleteUser(t.db, { userId: admin.id, actor: "someone@example.com" })).toThrow("admin@example.com is the last admin and cannot be deleted");

    createUser(t.db, { email: "third@example.com", password: "correct horse battery", role: "admin" });
    expect(setUserRole(t.db, { userId: admin.id, role: "viewer", actor })).toMatchObject({ role: "viewer" });
  });

  it("deletes a user with their API tokens, but never the acting admin's own account", () => {
    const ops = createUser(t.db, { email: "ops@example.com", password: "correct horse battery", role: "operator" });
    const { token } = createApiToken(t.db, { userId: ops.id, name: "script" });

    expect(() => deleteUser(t.db, { userId: admin.id, actor })).toThrow("you cannot delete your own account");
    expect(deleteUser(t.db, { userId: ops.id, actor })).toMatchObject({ email: "ops@example.com" });

    expect(findUserById(t.db, ops.id)).toBeUndefined();
    expect(verifyApiToken(t.db, token)).toBeNull();
    expect(lastAudit()).toMatchObject({ action: "user.delete", outcome: "success", details: { email: "ops@example.com", role: "operator" } });
  });

  it("resets a password to a given or generated one; the old one stops working", () => {
    const ops = createUser(t.db, { email: "ops@example.com", password: "correct horse battery" });

    const { generatedPassword } = resetPassword(t.db, { userId: ops.id, actor });
    expect(verifyCredentials(t.db, { email: "ops@example.com", password: "correct horse battery" })).toBeUndefined();
    expect(verifyCredentials(t.db, { email: "ops@example.com", password: generatedPassword! })).toBeDefined();
    expect(() => resetPassword(t.db, { userId: ops.id, password: "short", actor })).toThrow(ValidationError);
    expect(lastAudit()).toMatchObject({ action: "user.reset_password", outcome: "failed" });
  });

  it("says a user that does not exist does not exist", () => {
    expect(() => setUserRole(t.db, { userId: 999, role: "viewer", actor })).toThrow(NotFoundError);
    expect(() => deleteUser(t.db, { userId: 999, actor })).toThrow("user 999 does not exist");
  });
});
