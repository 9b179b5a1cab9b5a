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
  createSite: `mutation { createSite(input: { name: "roles-${Math.random().toString(36).slice(2)}" }) { id } }`,
  updateSite: `mutation { updateSite(site_id: "00000000-0000-4000-8000-000000000000", input: { location: "x" }) { id } }`,
  createEndpoint: `mutation { createEndpoint(input: { site_id: "00000000-0000-4000-8000-000000000000", address: "10.0.0.1", port: 1, interface_kind: "lte" }) { id } }`,
  updateEndpoint: `mutation { updateEndpoint(endpoint_id: "999", input: { port: 2 }) { id } }`,
  deleteEndpoint: `mutation { deleteEndpoint(endpoint_id: "999") { audit_id } }`,
  createPath: `mutation { createPath(input: { source_endpoint_id: "998", destination_endpoint_id: "999" }) { path { id } } }`,
  updatePathStatus: `mutation { updatePathStatus(path_id: "999", status: down) { id } }`,
  deletePath: `mutation { deletePath(path_id: "999") { audit_id } }`,
  createPolicy: `mutation { createPolicy(input: { name: "roles-${Math.random().toString(36).slice(2)}", priority: 1 }) { id } }`,
  updatePolicy: `mutation { updatePolicy(policy_id: "999", input: { priority: 2 }) { id } }`,
  setPolicyEnabled: `mutation { setPolicyEnabled(policy_id: "999", enabled: false) { id } }`,
  deletePolicy: `mutation { deletePolicy(policy_id: "999") { audit_id } }`,
  setPolicyPriorities: `mutation { setPolicyPriorities(priorities: [{ policy_id: "999", priority: 3 }]) { id } }`,
  recordPathMetrics: `mutation { recordPathMetrics(samples: [{ path_id: 999, latency_ms: 1, jitter_ms: 0, packet_loss_pct: 0 }]) { recorded } }`,
  resetPolicyCounters: `mutation { resetPolicyCounters(policy_id: "999") { reset } }`,
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

  it("let operators clear caches, read cache statistics and edit endpoints, paths and policies", () => {
    expect(ruleOf("Mutation", "clearCache").role).toBe("operator");
    for (const field of [
      "createEndpoint",
      "updateEndpoint",
      "deleteEndpoint",
      "createPath",
      "updatePathStatus",
      "deletePath",
      "createPolicy",
      "updatePolicy",
      "setPolicyEnabled",
      "deletePolicy",
      "setPolicyPriorities",
      "resetPolicyCounters",
    ]) {
      expect(ruleOf("Mutation", field).role).toBe("operator");
    }
  });

  it("keep sites, users and tokens for admins", () => {
    expect(ruleOf("Query", "cache_stats").role).toBe("operator");
    for (const field of [
      "createSite",
      "updateSite",
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
