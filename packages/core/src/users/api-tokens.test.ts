import { statSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../errors";
import { createTestDb, type TestDb } from "../testing";
import { apiTokenIsValid, createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from "./api-tokens";
import { loadOrCreateAuthSecret } from "./auth-secret";
import { createUser, type User } from "./users";

let t: TestDb;
let ops: User;
beforeEach(() => {
  t = createTestDb();
  ops = createUser(t.db, { email: "ops@example.com", password: "correct horse battery", role: "operator" });
});
afterEach(() => t.destroy());

describe("API tokens", () => {
  it("authenticate as their user and record when they were last used", () => {
    const { token, id } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "nightly export" }, 1_000);

    expect(verifyApiToken(t.db, token, 5_000)).toEqual({ user: ops, scope: "full" });
    expect(listApiTokens(t.db, { userId: ops.id })).toEqual([
      {
        id,
        user_id: ops.id,
        name: "nightly export",
        scope: "full",
        created_at: 1_000,
        last_used_at: 5_000,
        expires_at: null,
      },
    ]);
  });

  it("record a use at most once a minute per token, so a polling script does not write on every request", () => {
    const { token } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "poller" }, 1_000);
    const writes = () => t.db.get<{ n: number }>(sql`SELECT total_changes() AS n`).n;
    const lastUsed = () => listApiTokens(t.db, { userId: ops.id })[0]!.last_used_at;

    verifyApiToken(t.db, token, 5_000);
    const before = writes();
    expect(verifyApiToken(t.db, token, 64_999)).toMatchObject({ user: { id: ops.id } });
    expect(writes()).toBe(before);
    expect(lastUsed()).toBe(5_000);

    verifyApiToken(t.db, token, 65_000);
    expect(lastUsed()).toBe(65_000);
  });

  it("can be limited to the metrics scope, which verification reports and the creation's audit row records", () => {
    const { token, id } = createApiToken(t.db, {
      actor: "admin@example.com",
      userId: ops.id,
      name: "probe",
      scope: "metrics",
    });

    expect(verifyApiToken(t.db, token)).toEqual({ user: ops, scope: "metrics" });
    expect(listApiTokens(t.db, { userId: ops.id })[0]).toMatchObject({ id, scope: "metrics" });
    const [audit] = t.db.all<{ details: string }>(sql`SELECT details FROM audit_log WHERE action = 'api_token.create'`);
    expect(JSON.parse(audit!.details)).toMatchObject({ token_id: id, scope: "metrics" });
  });

  it("refuse a scope that does not exist", () => {
    expect(() =>
      createApiToken(t.db, { actor: "test", userId: ops.id, name: "x", scope: "everything" as "metrics" }),
    ).toThrow(ValidationError);
  });

  it("are stored only as a hash", () => {
    const { token } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "ci" });
    expect(JSON.stringify(t.db.all(sql`SELECT * FROM api_tokens`))).not.toContain(token.slice(4));
  });

  it("are refused from the moment they expire", () => {
    const { token } = createApiToken(
      t.db,
      { actor: "test", userId: ops.id, name: "short-lived", expiresAt: 10_000 },
      1_000,
    );

    expect(verifyApiToken(t.db, token, 9_999)).toMatchObject({ user: { id: ops.id } });
    expect(verifyApiToken(t.db, token, 10_000)).toBeNull();
    expect(listApiTokens(t.db, { userId: ops.id })[0]!.last_used_at).toBe(9_999);
  });

  it("refuse an unknown, altered or malformed token alike", () => {
    const { token } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "ci" });
    const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");

    expect(verifyApiToken(t.db, altered)).toBeNull();
    expect(verifyApiToken(t.db, "ptk_nothing")).toBeNull();
    expect(verifyApiToken(t.db, "")).toBeNull();
  });

  it("are created and revoked with their audit rows, in core's own transaction", () => {
    const { id } = createApiToken(t.db, { actor: "admin@example.com", userId: ops.id, name: "ci" }, 1_000);
    revokeApiToken(t.db, { tokenId: id, actor: "admin@example.com" });
    revokeApiToken(t.db, { tokenId: id, actor: "admin@example.com" });

    const rows = t.db.all<{ actor: string; action: string; target: string; outcome: string }>(
      sql`SELECT actor, action, target, outcome FROM audit_log ORDER BY id`,
    );
    expect(rows).toEqual([
      { actor: "admin@example.com", action: "api_token.create", target: `user:${ops.id}`, outcome: "success" },
      { actor: "admin@example.com", action: "api_token.revoke", target: `api_token:${id}`, outcome: "success" },
      { actor: "admin@example.com", action: "api_token.revoke", target: `api_token:${id}`, outcome: "not_found" },
    ]);
  });

  it("stop working once revoked, and only their owner revokes them", () => {
    const other = createUser(t.db, { email: "other@example.com", password: "correct horse battery" });
    const { token, id } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "ci" });

    expect(revokeApiToken(t.db, { tokenId: id, userId: other.id, actor: "test" })).toBe(false);
    expect(revokeApiToken(t.db, { tokenId: id, userId: ops.id, actor: "test" })).toBe(true);
    expect(verifyApiToken(t.db, token)).toBeNull();
  });

  it("can be revoked by id alone, as an admin does", () => {
    const { token, id } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "ci" });
    expect(revokeApiToken(t.db, { tokenId: id, actor: "test" })).toBe(true);
    expect(revokeApiToken(t.db, { tokenId: id, actor: "test" })).toBe(false);
    expect(verifyApiToken(t.db, token)).toBeNull();
  });

  it("go with their user when the user is deleted", () => {
    const { token } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "ci" });
    t.db.run(sql`DELETE FROM users WHERE id = ${ops.id}`);
    expect(verifyApiToken(t.db, token)).toBeNull();
  });

  it("need an existing user and a name", () => {
    expect(() => createApiToken(t.db, { actor: "test", userId: 999, name: "ci" })).toThrow(NotFoundError);
    expect(() => createApiToken(t.db, { actor: "test", userId: ops.id, name: "  " })).toThrow(ValidationError);
  });
});

describe("the session secret", () => {
  it("is generated once into the data directory, readable by its owner only", () => {
    const first = loadOrCreateAuthSecret(t.dir);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(loadOrCreateAuthSecret(t.dir)).toBe(first);
    expect(statSync(`${t.dir}/auth.secret`).mode & 0o777).toBe(0o600);
  });
});

describe("a token's standing", () => {
  it("holds until the token is revoked or its user deleted, and checking it records no use", () => {
    const { token, id } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "stream" });
    const second = createApiToken(t.db, { actor: "test", userId: ops.id, name: "other" });

    expect(apiTokenIsValid(t.db, token)).toBe(true);
    expect(listApiTokens(t.db, { userId: ops.id }).find((k) => k.id === id)!.last_used_at).toBeNull();
    revokeApiToken(t.db, { tokenId: id, actor: "test" });
    expect(apiTokenIsValid(t.db, token)).toBe(false);
    t.db.run(sql`DELETE FROM users WHERE id = ${ops.id}`);
    expect(apiTokenIsValid(t.db, second.token)).toBe(false);
  });
});
