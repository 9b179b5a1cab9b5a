import { listAuditLog } from "@patronus/core/audit";
import type { TestDb } from "@patronus/core/testing";
import { USER_ROLES, type User, type UserRole } from "@patronus/core/users";
import { buildSchema, GraphQLEnumType, Kind, parse, type ObjectTypeDefinitionNode } from "graphql";
import { UserRole as BrowserUserRole } from "../../graphql/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleOf, rules } from "./guards";
import { typeDefs } from "./server";
import { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

let t: TestDb;
let execute: ReturnType<typeof graphqlClient>;
let users: Record<UserRole, User>;

beforeAll(() => {
  ({ t, execute, users } = createWebTestFixture());
});
afterAll(() => t.destroy());

/** One call of each mutation; an unknown id is fine: what is checked is whether the guard lets it through. */
const calls: Record<string, string> = {
  deleteSite: `mutation { deleteSite(site_id: "00000000-0000-4000-8000-000000000000") { success } }`,
  clearCache: "mutation { clearCache { success } }",
  createApiToken: `mutation { createApiToken(name: "roles") { id } }`,
  revokeApiToken: `mutation { revokeApiToken(id: "999") }`,
  createUser: `mutation { createUser(email: "new-${Math.random().toString(36).slice(2)}@example.com", role: viewer) { user { id } } }`,
  setUserRole: `mutation { setUserRole(user_id: "999", role: viewer) { id } }`,
  resetPassword: `mutation { resetPassword(user_id: "999") { user { id } } }`,
  deleteUser: `mutation { deleteUser(user_id: "999") { id } }`,
  recordPathMetrics: `mutation { recordPathMetrics(samples: [{ path_id: 999, latency_ms: 1, jitter_ms: 0, packet_loss_pct: 0 }]) { recorded } }`,
};
/** The next role down: USER_ROLES lists the highest first. */
const below = (role: UserRole): UserRole | undefined => USER_ROLES[USER_ROLES.indexOf(role) + 1];
const schemaMutations = (
  parse(typeDefs).definitions.find(
    (d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Mutation",
  ) as ObjectTypeDefinitionNode
).fields!.map((f) => f.name.value);

describe("roles", () => {
  it("are the same list in core, in the schema's UserRole enum and in the browser's generated types", () => {
    const schemaEnum = buildSchema(typeDefs).getType("UserRole");
    expect(schemaEnum).toBeInstanceOf(GraphQLEnumType);
    expect((schemaEnum as GraphQLEnumType).getValues().map((v) => v.value)).toEqual([...USER_ROLES]);
    expect(Object.values(BrowserUserRole)).toEqual([...USER_ROLES]);
  });

  it("give every mutation of the schema its own row in the guard table", () => {
    expect(Object.keys(rules.Mutation.fields).sort()).toEqual([...schemaMutations].sort());
    expect(Object.keys(calls).sort()).toEqual([...schemaMutations].sort());
  });

  it("let operators clear caches and read cache statistics, and keep deletions, users and tokens for admins", () => {
    expect(ruleOf("Mutation", "clearCache").role).toBe("operator");
    expect(ruleOf("Query", "cache_stats").role).toBe("operator");
    for (const field of [
      "deleteSite",
      "createApiToken",
      "revokeApiToken",
      "createUser",
      "setUserRole",
      "resetPassword",
      "deleteUser",
    ]) {
      expect(ruleOf("Mutation", field).role).toBe("admin");
    }
    expect(ruleOf("Query", "users").role).toBe("admin");
  });

  describe.each(Object.keys(calls))("%s", (mutation) => {
    const { role, action } = ruleOf("Mutation", mutation);
    const lower = below(role);

    it(`refuses the role below the one it needs with FORBIDDEN, audited as denied`, async () => {
      expect(lower).toBeDefined();
      const result = await execute(calls[mutation]!, { user: users[lower!] });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(
        listAuditLog(t.db, { limit: 1000 }).some(
          (e) => e.actor === `${lower}@example.com` && e.action === action && e.outcome === "denied",
        ),
      ).toBe(true);
    });

    it(`lets the role it needs through the guard`, async () => {
      const result = await execute(calls[mutation]!, { user: users[role] });
      const codes = result.errors?.map((e) => e.extensions?.code) ?? [];
      expect(codes).not.toContain("FORBIDDEN");
      expect(codes).not.toContain("UNAUTHENTICATED");
    });
  });
});
