import { listAuditLog } from "@patronus/core/audit";
import { createPolicy } from "@patronus/core/policies";
import { createTestDb, type TestDb } from "@patronus/core/testing";
import { storePolicyStats } from "@patronus/core/traffic/stats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "~/server/graphql/context";
import { exportResponse } from "./export-response";

const T0 = Date.UTC(2026, 0, 1);
const viewer: Viewer = { id: 1, email: "viewer@example.com", role: "viewer", via: "token" };
let t: TestDb;
let voice: number;

beforeAll(() => {
  t = createTestDb();
  voice = createPolicy(t.db, { name: "voice", priority: 900 }).policy_id;
  const web = createPolicy(t.db, { name: 'web, "secure"', priority: 500 }).policy_id;
  storePolicyStats(t.db, {
    at: T0,
    stats: [{ policy_id: voice, packets_matched: 10, bytes_matched: 2000, active_flows: 1 }],
  });
  storePolicyStats(t.db, {
    at: T0 + 10_000,
    stats: [
      { policy_id: voice, packets_matched: 30, bytes_matched: 6000, active_flows: 2 },
      { policy_id: web, packets_matched: 2 ** 40, bytes_matched: 2 ** 50, active_flows: 0 },
    ],
  });
});
afterAll(() => t.destroy());

const get = (query: string) => exportResponse(t.db, viewer, new URLSearchParams(query));

describe("the statistics export", () => {
  it("streams CSV with a header row and quoted names, as an attachment, and audits it", async () => {
    const response = get(`format=csv&from=${T0}&to=2026-01-01T00:01:00Z`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="patronus-traffic-20260101T000000Z-20260101T000100Z.csv"',
    );
    expect(await response.text()).toBe(
      [
        "timestamp,time,policy_id,policy_name,packets_matched,bytes_matched,active_flows",
        `${T0},2026-01-01T00:00:00.000Z,${voice},voice,10,2000,1`,
        `${T0 + 10_000},2026-01-01T00:00:10.000Z,${voice},voice,30,6000,2`,
        `${T0 + 10_000},2026-01-01T00:00:10.000Z,2,"web, ""secure""",${2 ** 40},${2 ** 50},0`,
        "",
      ].join("\r\n"),
    );
    expect(listAuditLog(t.db, { target: "sdwan_policy_stats" })[0]).toMatchObject({
      actor: "viewer@example.com",
      action: "stats.export",
      outcome: "success",
      details: { format: "csv", from: T0, to: T0 + 60_000, policy_id: null, via: "token" },
    });
  });

  it("streams JSON as one array, for one policy", async () => {
    const response = get(`format=json&from=${T0}&to=${T0 + 60_000}&policy_id=${voice}`);

    expect(response.headers.get("content-disposition")).toContain(`-policy-${voice}.json"`);
    expect(await response.json()).toEqual([
      {
        timestamp: T0,
        time: "2026-01-01T00:00:00.000Z",
        policy_id: voice,
        policy_name: "voice",
        packets_matched: 10,
        bytes_matched: 2000,
        active_flows: 1,
      },
      {
        timestamp: T0 + 10_000,
        time: "2026-01-01T00:00:10.000Z",
        policy_id: voice,
        policy_name: "voice",
        packets_matched: 30,
        bytes_matched: 6000,
        active_flows: 2,
      },
    ]);
  });

  it("keeps a policy name that looks like a formula from running in a spreadsheet", async () => {
    const at = T0 + 3_600_000;
    const trap = createPolicy(t.db, { name: '=HYPERLINK("http://example.com","x")', priority: 100 }).policy_id;
    storePolicyStats(t.db, {
      at,
      stats: [{ policy_id: trap, packets_matched: 1, bytes_matched: 64, active_flows: 0 }],
    });

    const [, row] = (await get(`format=csv&from=${at}&to=${at + 1}`).text()).split("\r\n");

    expect(row).toBe(`${at},2026-01-01T01:00:00.000Z,${trap},"'=HYPERLINK(""http://example.com"",""x"")",1,64,0`);
  });

  it("answers an empty range with just the header, or an empty array", async () => {
    expect(await get(`format=csv&from=${T0 + 60_000}&to=${T0 + 120_000}`).text()).toBe(
      "timestamp,time,policy_id,policy_name,packets_matched,bytes_matched,active_flows\r\n",
    );
    expect(await get(`format=json&from=${T0 + 60_000}&to=${T0 + 120_000}`).json()).toEqual([]);
  });

  it("refuses a time past what a date can hold with 400, and audits no export", async () => {
    const before = listAuditLog(t.db, { target: "sdwan_policy_stats" }).length;

    const response = get(`format=csv&from=0&to=9000000000000000`);

    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { error: "to must lie between 1970-01-01 and 9999-12-31, not '9000000000000000'" },
    });
    expect(listAuditLog(t.db, { target: "sdwan_policy_stats" })).toHaveLength(before);
  });

  it("refuses a parameter longer than 64 characters without echoing it", async () => {
    const response = get(`format=csv&from=${"1".repeat(100_000)}&to=${T0}`);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { error: "from is longer than 64 characters" },
    });
  });

  it("answers a fault with 500 and a reference, and logs the detail under it", async () => {
    const broken = createTestDb();
    broken.destroy(); // a real failure: the connection is gone
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation(
      (...parts: unknown[]) => void logged.push(parts.map(String).join(" ")),
    );

    const response = exportResponse(broken.db, viewer, new URLSearchParams(`format=csv&from=${T0}&to=${T0 + 1}`));

    const { error } = (await response.json()) as { error: string };
    const ref = /^Internal server error \(ref: ([0-9a-f-]+)\)$/.exec(error)?.[1];
    expect(response.status).toBe(500);
    expect(logged.find((line) => line.includes(ref!))).toMatch(/database connection is not open/);
    vi.restoreAllMocks();
  });

  it("answers bad parameters with 400 and says which, and an unknown policy with 404", async () => {
    const cases: [string, number, string][] = [
      [`from=${T0}&to=${T0 + 1}`, 400, "format must be csv or json"],
      [`format=xml&from=${T0}&to=${T0 + 1}`, 400, "format must be csv or json"],
      [`format=csv&to=${T0}`, 400, "from is required: epoch milliseconds or an ISO 8601 time"],
      [
        `format=csv&from=yesterday&to=${T0}`,
        400,
        "from must be epoch milliseconds or an ISO 8601 time with a zone, not 'yesterday'",
      ],
      [`format=csv&from=${T0}&to=${T0 - 1}`, 400, "to: must be after from"],
      [
        `format=csv&from=${T0}&to=${T0 + 1}&policy_id=-3`,
        400,
        "policy_id must be a policy id (a positive whole number)",
      ],
      [`format=csv&from=${T0}&to=${T0 + 1}&policy_id=99`, 404, "no policy with id 99"],
    ];
    for (const [query, status, error] of cases) {
      const response = get(query);
      expect({ query, status: response.status, body: await response.json() }).toEqual({
        query,
        status,
        body: { error },
      });
    }
  });
});
