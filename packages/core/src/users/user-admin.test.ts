import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditLog } from "../audit";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { createTestDb, useCheapPasswordHashing, type TestDb } from "../testing";
import { configurePasswordHashing } from "./password";
import { createApiToken, verifyApiToken } from "./api-tokens";
import { addUser, deleteUser, resetPassword, setUserRole } from "./user-admin";
import { createUser, findSessionUser, findUserById, listUsers, verifyCredentials, type User } from "./users";

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
  it("adds a user with a generated password that signs in, shown once and audited without it", async () => {
    const { user, generatedPassword } = await addUser(t.db, { email: "New.Ops@example.com", role: "operator", actor });

    expect(user).toMatchObject({ email: "new.ops@example.com", role: "operator" });
    expect(generatedPassword).toMatch(/^[\w-]{22}$/);
    expect(await verifyCredentials(t.db, { email: "new.ops@example.com", password: generatedPassword! })).toMatchObject(
      { id: user.id },
    );
    expect(lastAudit()).toMatchObject({
      actor,
      action: "user.create",
      target: "user:new.ops@example.com",
      outcome: "success",
      details: { role: "operator" },
    });
    expect(JSON.stringify(listAuditLog(t.db))).not.toContain(generatedPassword);
    expect(listUsers(t.db).map((u) => u.email)).toEqual(["admin@example.com", "new.ops@example.com"]);
  });

  it("refuses a second account with the same email, and audits the refusal", async () => {
    await expect(
      addUser(t.db, { email: "ADMIN@example.com", role: "viewer", password: "another long password", actor }),
    ).rejects.toThrow(ConflictError);
    expect(lastAudit()).toMatchObject({
      action: "user.create",
      outcome: "failed",
      details: { reason: "a user with email admin@example.com already exists" },
    });
    expect(listUsers(t.db)).toHaveLength(1);
  });

  it("changes a role, which the next request sees", async () => {
    const viewer = createUser(t.db, { email: "v@example.com", password: "correct horse battery" });

    expect(await setUserRole(t.db, { userId: viewer.id, role: "operator", actor })).toMatchObject({ role: "operator" });
    expect(findUserById(t.db, viewer.id)).toMatchObject({ role: "operator" });
    expect(lastAudit()).toMatchObject({
      action: "user.set_role",
      target: `user:${viewer.id}`,
      details: { from: "viewer", to: "operator" },
    });
  });

  it("never demotes or deletes the last admin, but does once there is another", async () => {
    await expect(setUserRole(t.db, { userId: admin.id, role: "viewer", actor })).rejects.toThrow(
      "admin@example.com is the last admin and cannot be demoted",
    );
    const second = createUser(t.db, { email: "second@example.com", password: "correct horse battery", role: "admin" });
    await expect(deleteUser(t.db, { userId: second.id, actor: "nobody-else@example.com" })).resolves.toMatchObject({
      id: second.id,
    });
    await expect(deleteUser(t.db, { userId: admin.id, actor: "someone@example.com" })).rejects.toThrow(
      "admin@example.com is the last admin and cannot be deleted",
    );

    createUser(t.db, { email: "third@example.com", password: "correct horse battery", role: "admin" });
    expect(await setUserRole(t.db, { userId: admin.id, role: "viewer", actor })).toMatchObject({ role: "viewer" });
  });

  it("deletes a user with their API tokens, but never the acting admin's own account", async () => {
    const ops = createUser(t.db, { email: "ops@example.com", password: "correct horse battery", role: "operator" });
    const { token } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "script" });

    await expect(deleteUser(t.db, { userId: admin.id, actor })).rejects.toThrow("you cannot delete your own account");
    expect(await deleteUser(t.db, { userId: ops.id, actor })).toMatchObject({ email: "ops@example.com" });

    expect(findUserById(t.db, ops.id)).toBeUndefined();
    expect(verifyApiToken(t.db, token)).toBeNull();
    expect(lastAudit()).toMatchObject({
      action: "user.delete",
      outcome: "success",
      details: { email: "ops@example.com", role: "operator" },
    });
  });

  it("resets a password to a given or generated one; the old one stops working", async () => {
    const ops = createUser(t.db, { email: "ops@example.com", password: "correct horse battery" });

    const { generatedPassword } = await resetPassword(t.db, { userId: ops.id, actor });
    expect(
      await verifyCredentials(t.db, { email: "ops@example.com", password: "correct horse battery" }),
    ).toBeUndefined();
    expect(await verifyCredentials(t.db, { email: "ops@example.com", password: generatedPassword! })).toBeDefined();
    await expect(resetPassword(t.db, { userId: ops.id, password: "short", actor })).rejects.toThrow(ValidationError);
    expect(lastAudit()).toMatchObject({ action: "user.reset_password", outcome: "failed" });
  });

  it("says a user that does not exist does not exist", async () => {
    await expect(setUserRole(t.db, { userId: 999, role: "viewer", actor })).rejects.toThrow(NotFoundError);
    await expect(deleteUser(t.db, { userId: 999, actor })).rejects.toThrow("user 999 does not exist");
  });

  it("ends a user's sessions when their password is reset", async () => {
    const ops = createUser(t.db, { email: "ops@example.com", password: "correct horse battery" });
    expect(findSessionUser(t.db, { id: ops.id, sessionVersion: 0 })).toMatchObject({ id: ops.id });

    await resetPassword(t.db, { userId: ops.id, actor });

    expect(findSessionUser(t.db, { id: ops.id, sessionVersion: 0 })).toBeUndefined();
    expect(findSessionUser(t.db, { id: ops.id, sessionVersion: 1 })).toMatchObject({ id: ops.id });
  });

  it("ends a user's sessions when their role changes", async () => {
    const ops = createUser(t.db, { email: "ops@example.com", password: "correct horse battery" });

    await setUserRole(t.db, { userId: ops.id, role: "operator", actor });

    expect(findSessionUser(t.db, { id: ops.id, sessionVersion: 0 })).toBeUndefined();
  });

  it("audits a failure that is not a refusal, such as an error from SQLite, and passes it on", async () => {
    const ops = createUser(t.db, { email: "ops@example.com", password: "correct horse battery" });
    t.db.run(
      sql`CREATE TRIGGER fail_updates BEFORE UPDATE ON users BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );

    await expect(resetPassword(t.db, { userId: ops.id, actor })).rejects.toThrow("injected failure");

    expect(lastAudit()).toMatchObject({
      action: "user.reset_password",
      outcome: "failed",
      details: { reason: "internal error (SqliteError)" },
    });
  });

  it("completes every change while another process keeps writing, as the collector's snapshots do", async () => {
    // A cost whose hash outlasts several of the writer's transactions, as production's does.
    configurePasswordHashing({ cost: { N: 1 << 14, r: 8, p: 1 } });
    const writer = startBusyWriter(t.file);
    try {
      await writer.ready;
      const users = Array.from({ length: 4 }, (_, i) =>
        createUser(t.db, { email: `ops${i}@example.com`, password: "correct horse battery" }),
      );

      const outcomes = await Promise.allSettled(
        users.flatMap((u) => [
          resetPassword(t.db, { userId: u.id, actor }),
          setUserRole(t.db, { userId: u.id, role: "operator", actor }),
        ]),
      );
      outcomes.push(
        ...(await Promise.allSettled([addUser(t.db, { email: "late@example.com", role: "viewer", actor })])),
      );

      expect(outcomes.filter((o) => o.status === "rejected").map((o) => String(o.reason))).toEqual([]);
    } finally {
      await writer.stop();
      useCheapPasswordHashing();
    }
  });
});

/**
 * Another process that commits a short IMMEDIATE transaction to the database every 20 ms until its
 * stdin closes; `ready` resolves after its first commit.
 */
function startBusyWriter(file: string) {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const script = `
    const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(file)});
    db.pragma("busy_timeout = 5000");
    db.exec("CREATE TABLE IF NOT EXISTS busy_writer (n INTEGER)");
    const write = db.transaction(() => { for (let i = 0; i < 200; i++) db.prepare("INSERT INTO busy_writer VALUES (?)").run(i); });
    write.immediate();
    process.stdout.write("ready\\n");
    // A periodic writer, as the collector's snapshot timer is: the period is the behaviour under test,
    // not synchronisation (the test waits on the "ready" line and on the admin calls themselves).
    const timer = setInterval(() => write.immediate(), 20);
    process.stdin.on("end", () => { clearInterval(timer); db.close(); });
    process.stdin.resume();
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = once(child, "exit");
  return {
    ready: Promise.race([
      once(child.stdout, "data"),
      exited.then(() => Promise.reject(new Error("the writer exited"))),
    ]),
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
