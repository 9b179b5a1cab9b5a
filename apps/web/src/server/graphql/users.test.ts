import { listAuditLog } from "@patronus/core/audit";
import type { TestDb } from "@patronus/core/testing";
import { findUserByEmail, verifyCredentials, type User } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

let t: TestDb;
let admin: User;
let viewer: User;
let execute: ReturnType<typeof graphqlClient>;

beforeAll(() => {
  ({
    t,
    execute,
    users: { admin, viewer },
  } = createWebTestFixture());
});
afterAll(() => t.destroy());

const codes = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.map((e) => e.extensions?.code);

describe("user administration through GraphQL", () => {
  it("lets an admin add a user whose generated password signs in", async () => {
    const result = await execute<{ createUser: { generated_password: string; user: { email: string; role: string } } }>(
      'mutation { createUser(email: "ops@example.com", name: "Ops", role: operator) { generated_password user { email role } } }',
      { user: admin },
    );

    expect(result.errors).toBeUndefined();
    const { generated_password, user } = result.data!.createUser;
    expect(user).toEqual({ email: "ops@example.com", role: "operator" });
    expect(verifyCredentials(t.db, { email: "ops@example.com", password: generated_password })).toBeDefined();
  });

  it("changes a role and lists every account by email", async () => {
    const ops = findUserByEmail(t.db, "ops@example.com")!;
    await execute(`mutation { setUserRole(user_id: "${ops.id}", role: viewer) { role } }`, { user: admin });

    const listed = await execute<{ users: { email: string; role: string }[] }>("{ users { email role } }", {
      user: admin,
    });
    expect(listed.data!.users).toEqual([
      { email: "admin@example.com", role: "admin" },
      { email: "operator@example.com", role: "operator" },
      { email: "ops@example.com", role: "viewer" },
      { email: "viewer@example.com", role: "viewer" },
    ]);
  });

  it("refuses to demote the last admin with CONFLICT and says why", async () => {
    const result = await execute(`mutation { setUserRole(user_id: "${admin.id}", role: viewer) { role } }`, {
      user: admin,
    });

    expect(codes(result)).toEqual(["CONFLICT"]);
    expect(result.errors![0]!.message).toBe("admin@example.com is the last admin and cannot be demoted");
    expect(findUserByEmail(t.db, "admin@example.com")).toMatchObject({ role: "admin" });
  });

  it("refuses a bad email with VALIDATION and names the field", async () => {
    const result = await execute('mutation { createUser(email: "not-an-email", role: viewer) { user { id } } }', {
      user: admin,
    });
    expect(codes(result)).toEqual(["VALIDATION"]);
    expect(result.errors![0]!.message).toBe("email: must be an email address");
  });

  it("keeps every user field from a viewer, and audits the attempt", async () => {
    expect(codes(await execute("{ users { email } }", { user: viewer }))).toEqual(["FORBIDDEN"]);
    const result = await execute(`mutation { deleteUser(user_id: "${admin.id}") { email } }`, { user: viewer });

    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      actor: "viewer@example.com",
      action: "user.delete",
      outcome: "denied",
    });
  });

  it("resets a password and deletes an account", async () => {
    const ops = findUserByEmail(t.db, "ops@example.com")!;
    const reset = await execute<{ resetPassword: { generated_password: string } }>(
      `mutation { resetPassword(user_id: "${ops.id}") { generated_password } }`,
      { user: admin },
    );
    expect(
      verifyCredentials(t.db, { email: "ops@example.com", password: reset.data!.resetPassword.generated_password }),
    ).toBeDefined();

    const deleted = await execute<{ deleteUser: { email: string } }>(
      `mutation { deleteUser(user_id: "${ops.id}") { email } }`,
      { user: admin },
    );
    expect(deleted.data!.deleteUser).toEqual({ email: "ops@example.com" });
    expect(findUserByEmail(t.db, "ops@example.com")).toBeUndefined();
  });
});
