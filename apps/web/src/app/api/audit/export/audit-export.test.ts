import { listAuditLog, writeAudit } from "@patronus/core/audit";
import { createTestDb, type TestDb } from "@patronus/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "~/server/graphql/context";
import { auditExportResponse } from "./audit-export";

const T0 = Date.UTC(2026, 0, 1);
const admin: Viewer = { id: 1, email: "admin@example.com", role: "admin", via: "session" };
let t: TestDb;

beforeAll(() => {
  t = createTestDb();
  for (let i = 0; i < 1_201; i++)
    writeAudit(t.db, {
      actor: i === 1_200 ? "=cmd|'/c calc'!A1" : "ops@example.com",
      action: i % 2 ? "site.delete" : "user.create",
      target: `site-${i}`,
      outcome: "success",
      details: { i, note: 'a "quoted", text' },
      at: T0 + i,
    });
});
afterAll(() => t.destroy());

const get = (viewer: Viewer, query: string) => auditExportResponse(t.db, viewer, new URLSearchParams(query));
const lines = async (response: Response) => (await response.text()).split("\r\n").slice(0, -1);

describe("the audit log export", () => {
  it("streams every row the filters select, newest first, across pages, as a CSV attachment", async () => {
    const response = get(admin, `action=site.delete&outcome=success&actor=&to=${T0 + 1_199}`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="patronus-audit-\d{8}T\d{6}Z\.csv"$/,
    );
    const rows = await lines(response);
    expect(rows[0]).toBe("id,time,actor,action,target,outcome,repeats,last_time,details");
    expect(rows).toHaveLength(1 + 600);
    expect(rows[1]).toBe(
      `1200,2026-01-01T00:00:01.199Z,ops@example.com,site.delete,site-1199,success,1,,"{""i"":1199,""note"":""a \\""quoted\\"", text""}"`,
    );
    expect(rows.at(-1)).toMatch(/^2,2026-01-01T00:00:00.001Z,/);
  });

  it("writes an actor that looks like a formula as text", async () => {
    const rows = await lines(get(admin, `from=${T0 + 1_200}&to=${T0 + 1_200}`));
    expect(rows[1]).toMatch(/^1201,[^,]+,'=cmd\|'\/c calc'!A1,user\.create,/);
  });

  it("answers a bad parameter with 400 and its reason", async () => {
    const response = get(admin, "outcome=maybe");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "outcome must be success, denied, failed or not_found" });
    expect((await get(admin, `from=${T0 + 5}&to=${T0}`).json()) as unknown).toEqual({
      error: "from must not be later than to",
    });
  });

  it.each(["operator", "viewer"] as const)("refuses the %s with 403 and audits the refusal", async (role) => {
    const response = get({ id: 2, email: `${role}@example.com`, role, via: "token" }, "");

    expect(response.status).toBe(403);
    expect(listAuditLog(t.db, { limit: 1 })[0]).toMatchObject({
      actor: `${role}@example.com`,
      action: "audit.export",
      outcome: "denied",
    });
  });
});
