import { listAuditLog, writeAudit } from "@patronus/core/audit";
import type { TestDb } from "@patronus/core/testing";
import type { User } from "@patronus/core/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { graphqlClient } from "./test-client";
import { createWebTestFixture } from "./test-fixture";

let t: TestDb;
let users: Record<"admin" | "operator" | "viewer", User>;
let execute: ReturnType<typeof graphqlClient>;

const T0 = Date.UTC(2026, 0, 1);

beforeAll(() => {
  ({ t, users, execute } = createWebTestFixture());
  for (let i = 0; i < 5; i++)
    writeAudit(t.db, {
      actor: i % 2 ? "ops@example.com" : "admin@example.com",
      action: "site.delete",
      target: `site-${i}`,
      outcome: i === 4 ? "failed" : "success",
      details: { i, before: { name: `Site ${i}` } },
      at: T0 + i,
    });
});
afterAll(() => t.destroy());

interface Page {
  audit_log: { entries: { target: string; outcome: string; details: string }[]; next_cursor: string | null };
}
const PAGE = `query ($filter: AuditFilter, $after: ID, $limit: Int) {
  audit_log(filter: $filter, after: $after, limit: $limit) { entries { target outcome details } next_cursor }
}`;

describe("audit_log through GraphQL", () => {
  it("gives an admin the log newest first, filtered, in pages that follow the cursor", async () => {
    const filter = { action: "site.delete", from: T0, to: T0 + 10 };
    const first = await execute<Page>(PAGE, { user: users.admin, variables: { filter, limit: 3 } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.audit_log.entries.map((e) => e.target)).toEqual(["site-4", "site-3", "site-2"]);
    expect(JSON.parse(first.data!.audit_log.entries[0]!.details)).toEqual({ i: 4, before: { name: "Site 4" } });

    const second = await execute<Page>(PAGE, {
      user: users.admin,
      variables: { filter, limit: 3, after: first.data!.audit_log.next_cursor },
    });
    expect(second.data!.audit_log).toEqual({
      entries: [expect.objectContaining({ target: "site-1" }), expect.objectContaining({ target: "site-0" })],
      next_cursor: null,
    });
  });

  it("treats a null filter field as not given", async () => {
    const result = await execute<Page>(PAGE, {
      user: users.admin,
      variables: { filter: { actor: "ops@example.com", outcome: null, target: null } },
    });
    expect(result.data!.audit_log.entries.map((e) => e.target)).toEqual(["site-3", "site-1"]);
  });

  it("answers a bad limit with a VALIDATION error naming it", async () => {
    const result = await execute<Page>(PAGE, { user: users.admin, variables: { limit: 0 } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "limit" });
  });

  it.each(["operator", "viewer"] as const)("refuses the %s with FORBIDDEN and audits the attempt", async (role) => {
    const result = await execute<Page>(PAGE, { user: users[role] });

    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      actor: `${role}@example.com`,
      action: "audit.list",
      outcome: "denied",
    });
  });
});
