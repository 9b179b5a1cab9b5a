import { listAuditLog } from "@patronus/core/audit";
import { createPolicy } from "@patronus/core/policies";
import { createTestDb, type TestDb } from "@patronus/core/testing";
import { getTrafficHistory, storePolicyStats } from "@patronus/core/traffic/stats";
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
    const response = await get(`format=csv&granularity=raw&from=${T0}&to=2026-01-01T00:01:00Z`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="patronus-traffic-20260101T000000Z-20260101T000100Z-raw.csv"',
    );
    expect(await response.text()).toBe(
      [
        "# Patronus traffic: raw snapshots (cumulative counters) of all policies, 2026-01-01T00:00:00Z to 2026-01-01T00:01:00Z. Times in UTC.",
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
      details: { format: "csv", granularity: "raw", from: T0, to: T0 + 60_000, policy_id: null, via: "token" },
    });
  });

  it("streams JSON as one array, for one policy", async () => {
    const response = await get(`format=json&granularity=raw&from=${T0}&to=${T0 + 60_000}&policy_id=${voice}`);

    expect(response.headers.get("content-disposition")).toContain(`-raw-policy-${voice}.json"`);
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

    const [, , row] = (await (await get(`format=csv&granularity=raw&from=${at}&to=${at + 1}`)).text()).split("\r\n");

    expect(row).toBe(`${at},2026-01-01T01:00:00.000Z,${trap},"'=HYPERLINK(""http://example.com"",""x"")",1,64,0`);
  });

  it("answers an empty range with just the header, or an empty array", async () => {
    const csv = await (await get(`format=csv&granularity=raw&from=${T0 + 60_000}&to=${T0 + 120_000}`)).text();
    expect(csv.split("\r\n").slice(1)).toEqual([
      "timestamp,time,policy_id,policy_name,packets_matched,bytes_matched,active_flows",
      "",
    ]);
    expect(await (await get(`format=json&granularity=raw&from=${T0 + 60_000}&to=${T0 + 120_000}`)).json()).toEqual([]);
  });

  it("refuses a time past what a date can hold with 400, and audits no export", async () => {
    const before = listAuditLog(t.db, { target: "sdwan_policy_stats" }).length;

    const response = await get(`format=csv&from=0&to=9000000000000000`);

    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { error: "to must lie between 1970-01-01 and 9999-12-31, not '9000000000000000'" },
    });
    expect(listAuditLog(t.db, { target: "sdwan_policy_stats" })).toHaveLength(before);
  });

  it("refuses a parameter longer than 64 characters without echoing it", async () => {
    const response = await get(`format=csv&from=${"1".repeat(100_000)}&to=${T0}`);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { error: "from is longer than 64 characters" },
    });
  });

  it("refuses a raw export over more than 7 days with 400, saying how to get the range", async () => {
    const response = await get(`format=csv&granularity=raw&from=${T0}&to=${T0 + 30 * 86_400_000}`);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error:
        "granularity=raw exports at most 7 days a request, and from-to spans 30 days: export the range a week at a time, or leave out granularity for the chart's buckets",
    });
  });

  it("gives the event loop back between the chunks of a long raw export, however fast it is read", async () => {
    const big = createTestDb();
    const ids = ["a", "b", "c", "d"].map((name, i) => createPolicy(big.db, { name, priority: i + 1 }).policy_id);
    for (let n = 0; n < 400; n++)
      storePolicyStats(big.db, {
        at: T0 + n * 10_000,
        stats: ids.map((policy_id) => ({ policy_id, packets_matched: n, bytes_matched: n, active_flows: 1 })),
      });
    try {
      const response = await exportResponse(
        big.db,
        viewer,
        new URLSearchParams(`format=csv&granularity=raw&from=${T0}&to=${T0 + 86_400_000}`),
      );
      const reader = response.body!.getReader();
      let chunks = 0;
      let chunksBeforeTurn: number | undefined;
      setImmediate(() => (chunksBeforeTurn = chunks));

      while (!(await reader.read()).done) chunks++;

      expect(chunks).toBeGreaterThan(3); // the header, then 1,600 rows in chunks of 500
      expect(chunksBeforeTurn).toBeLessThanOrEqual(2);
    } finally {
      big.destroy();
    }
  });

  it("answers a fault with 500 and a reference, and logs the detail under it", async () => {
    const broken = createTestDb();
    broken.destroy(); // a real failure: the connection is gone
    const logged: string[] = [];
    // The logger writes errors to stderr (docs/operations.md, "Logs").
    vi.spyOn(process.stderr, "write").mockImplementation(
      (chunk: string | Uint8Array) => logged.push(String(chunk)) > 0,
    );

    const response = await exportResponse(broken.db, viewer, new URLSearchParams(`format=csv&from=${T0}&to=${T0 + 1}`));

    const { error } = (await response.json()) as { error: string };
    const ref = /^Internal server error \(ref: ([0-9a-f-]+)\)$/.exec(error)?.[1];
    expect(response.status).toBe(500);
    expect(logged.find((line) => line.includes(ref!))).toMatch(/database connection is not open/);
    vi.restoreAllMocks();
  });

  it("gives the chart's buckets by default: the traffic_history of the same range, step and policy, with rates", async () => {
    const history = getTrafficHistory(t.db, { from: T0, to: T0 + 60_000, maxBuckets: 2, policyId: voice });
    const response = await get(`format=csv&from=${T0}&to=${T0 + 60_000}&max_buckets=2&policy_id=${voice}`);

    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="patronus-traffic-20260101T000000Z-20260101T000100Z-30s-policy-${voice}.csv"`,
    );
    const cell = (value: number | null) => (value === null ? "" : String(value));
    expect(await response.text()).toBe(
      [
        "# Patronus traffic: 30-second buckets of policy voice, 2026-01-01T00:00:00Z to 2026-01-01T00:01:00Z. Rates per second; an empty rate is a gap (nothing recorded). Times in UTC.",
        "bucket_start,time,packets,bytes,packets_per_second,bytes_per_second,active_flows,samples",
        ...history.points.map((p) =>
          [
            p.at,
            new Date(p.at).toISOString(),
            p.packets,
            p.bytes,
            cell(p.packets_per_second),
            cell(p.bytes_per_second),
            cell(p.active_flows),
            p.samples,
          ].join(","),
        ),
        "",
      ].join("\r\n"),
    );
    // The range holds voice's rise of 20 packets in 10 s, and a bucket with nothing recorded.
    expect(history.points.map((p) => [p.packets, p.packets_per_second])).toEqual([
      [20, 2],
      [0, null],
    ]);
  });

  it("gives the buckets as JSON objects, gaps as null, and audits the granularity", async () => {
    const rows = (await (await get(`format=json&from=${T0}&to=${T0 + 60_000}&max_buckets=2`)).json()) as Record<
      string,
      unknown
    >[];

    expect(rows[1]).toEqual({
      bucket_start: T0 + 30_000,
      time: "2026-01-01T00:00:30.000Z",
      packets: 0,
      bytes: 0,
      packets_per_second: null,
      bytes_per_second: null,
      active_flows: null,
      samples: 0,
    });
    expect(listAuditLog(t.db, { target: "sdwan_policy_stats" })[0]).toMatchObject({
      details: { format: "json", granularity: "30s", max_buckets: 2 },
    });
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
      [
        `format=csv&from=${T0}&to=${T0 + 1}&granularity=hourly`,
        400,
        "granularity must be raw, or omitted for the chart's buckets",
      ],
      [`format=csv&from=${T0}&to=${T0 + 1}&max_buckets=1`, 400, "max_buckets must be a whole number from 2 to 1000"],
      [`format=csv&from=${T0}&to=${T0 + 1}&max_buckets=x`, 400, "max_buckets must be a whole number from 2 to 1000"],
    ];
    for (const [query, status, error] of cases) {
      const response = await get(query);
      expect({ query, status: response.status, body: await response.json() }).toEqual({
        query,
        status,
        body: { error },
      });
    }
  });
});
