import type { TestDb } from "@patronus/core/testing";
import {
  createApiToken,
  deleteUser,
  resetPassword,
  revokeApiToken,
  setUserRole,
  type User,
} from "@patronus/core/users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditLog } from "@patronus/core/audit";
import { refuseMetricsToken, resolveViewer } from "./viewer";
import { createWebTestFixture } from "./test-fixture";

let t: TestDb;
let ops: User;
let actor: string;
beforeEach(() => {
  ({
    t,
    users: {
      admin: { email: actor },
      operator: ops,
    },
  } = createWebTestFixture());
});
afterEach(() => t.destroy());

/** Resolves `ops` as the session callback would hand them over, signed under `sessionVersion`. */
const asSession = (sessionVersion = 0) =>
  resolveViewer(t.db, {
    authorization: null,
    session: async () => ({ id: ops.id, email: ops.email, role: ops.role, session_version: sessionVersion }),
  });
const asToken = (token: string) =>
  resolveViewer(t.db, { authorization: `Bearer ${token}`, session: async () => undefined });

describe("a viewer re-checked during a long request", () => {
  it("still stands while nothing changed", async () => {
    const { token } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "stream" });
    expect((await asSession()).stillValid!()).toBe(true);
    expect((await asToken(token)).stillValid!()).toBe(true);
  });

  it("falls once the session's user has their password reset", async () => {
    const { stillValid } = await asSession();
    await resetPassword(t.db, { userId: ops.id, actor });
    expect(stillValid!()).toBe(false);
  });

  it("falls once the session's user has their role changed", async () => {
    const { stillValid } = await asSession();
    await setUserRole(t.db, { userId: ops.id, role: "viewer", actor });
    expect(stillValid!()).toBe(false);
  });

  it("falls once the session's user is deleted", async () => {
    const { stillValid } = await asSession();
    await deleteUser(t.db, { userId: ops.id, actor });
    expect(stillValid!()).toBe(false);
  });

  it("falls once the bearer's token is revoked", async () => {
    const { token, id } = createApiToken(t.db, { actor: "test", userId: ops.id, name: "stream" });
    const { stillValid } = await asToken(token);
    revokeApiToken(t.db, { tokenId: id, actor: "test" });
    expect(stillValid!()).toBe(false);
  });
});

describe("a metrics token outside GraphQL and the metrics ingest", () => {
  it("is anonymous to any other route, which says why, and the refusal is audited", async () => {
    const { token } = createApiToken(t.db, { actor, userId: ops.id, name: "probe", scope: "metrics" });

    const result = refuseMetricsToken(t.db, await asToken(token), "/api/stats/export");

    expect(result).toEqual({ authError: "this API token may only post path metrics (POST /api/metrics/paths)" });
    expect(listAuditLog(t.db, { target: "/api/stats/export" })[0]).toMatchObject({
      actor: ops.email,
      action: "api.request",
      outcome: "denied",
      details: { scope: "metrics" },
    });
  });

  it("leaves a full token and a session as they are", async () => {
    const { token } = createApiToken(t.db, { actor, userId: ops.id, name: "ci" });
    const full = await asToken(token);
    const session = await asSession();

    expect(refuseMetricsToken(t.db, full, "/api/events")).toBe(full);
    expect(refuseMetricsToken(t.db, session, "/api/events")).toBe(session);
  });
});
