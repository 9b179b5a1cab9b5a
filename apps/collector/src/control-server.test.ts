import { createServer } from "node:net";
import {
  CollectorProtocolError,
  CollectorUnavailableError,
  createCollectorClient,
  type CollectorClient,
} from "@patronus/core/traffic/control";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlServer, type ControlHandlers } from "./control-server";

// The control server over real HTTP on loopback, with handlers that answer fixed values: what is under
// test is the protocol between the two sides, not the collector behind it (collector.test.ts covers that).
const secret = "s".repeat(24);
const handlers: ControlHandlers = {
  stats: () => ({ policies: [], totals: { packets: 0, bytes: 0, active_flows: 0 }, at: 1 }),
  policyStats: () => null,
  topFlows: () => [],
  // A handler that breaks the contract, as a bug on the collector's side would.
  status: () => ({ uptime_ms: "a while" }) as never,
  reset: () => ({ reset: true }),
  cleanup: ({ timeout_ms }) => ({ removed: timeout_ms ?? 0 }),
  preview: () => ({
    flows_considered: 0,
    flows_moved: 0,
    packets_per_second_moved: 0,
    bits_per_second_moved: 0,
    packets_per_second_total: 0,
    bits_per_second_total: 0,
    moves: [],
    top_flows: [],
    slices: 0,
    at: 1,
    elapsed_ms: 0,
  }),
  siteStats: ({ site_id }) => ({ site_id, policies: [], at: 1 }),
  siteTotals: () => ({ sites: [], other_exporters: [], at: 1 }),
  cacheStats: () => [],
  clearCaches: () => ({ cleared_entries: 0 }),
};

let control: Awaited<ReturnType<typeof startControlServer>>;
let client: CollectorClient;

beforeAll(async () => {
  control = await startControlServer({ port: 0, secret }, handlers);
  client = createCollectorClient({ url: control.url, secret });
});
afterAll(() => control.close());

async function post(path: string, body: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, control.url), {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body,
  });
  return { status: response.status, body: await response.json() };
}

describe("the control server", () => {
  it("refuses a request body that breaks the contract with 400 naming the field", async () => {
    const answer = await post("/cleanup", JSON.stringify({ timeout_ms: "soon" }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: expect.stringMatching(/^bad cleanup request: timeout_ms: /) as unknown });
  });

  it("refuses a body that is not JSON with 400", async () => {
    expect(await post("/reset", "{policy_id: 1")).toEqual({
      status: 400,
      body: { error: "body must be a JSON object" },
    });
  });

  it("refuses a policy id that is not a number, or not valid percent-encoding, with 400", async () => {
    for (const path of ["/stats/abc", "/stats/%E0"]) {
      const response = await fetch(new URL(path, control.url), { headers: { authorization: `Bearer ${secret}` } });
      expect(response.status).toBe(400);
    }
  });

  it("passes a valid request's fields to its handler", async () => {
    expect(await post("/cleanup", JSON.stringify({ timeout_ms: 250 }))).toEqual({
      status: 200,
      body: { removed: 250 },
    });
    expect(await client.cleanup(7)).toEqual({ removed: 7 });
  });
});

describe("the control client", () => {
  it("reports an error answer as the collector's answer, with its status and reason, not as unavailable", async () => {
    const error: unknown = await client.policyStats(-1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CollectorProtocolError);
    expect(error).not.toBeInstanceOf(CollectorUnavailableError);
    expect((error as CollectorProtocolError).status).toBe(400);
    expect((error as Error).message).toMatch(/answered 400 to GET \/stats\/-1: bad policyStats request: policy_id: /);
  });

  it("reports an answer that breaks the contract as a protocol error naming the field", async () => {
    const error: unknown = await client.status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CollectorProtocolError);
    expect((error as Error).message).toMatch(/answer to GET \/status breaks the protocol: uptime_ms: /);
  });

  it("reports a refused secret as an answer, not as unavailable", async () => {
    const intruder = createCollectorClient({ url: control.url, secret: "wrong-secret-wrong-secret" });
    await expect(intruder.stats()).rejects.toThrow(CollectorProtocolError);
  });

  it("reports a port nothing listens on as unavailable", async () => {
    const deadPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const down = createCollectorClient({ url: `http://127.0.0.1:${deadPort}`, secret, timeoutMs: 500 });
    await expect(down.stats()).rejects.toThrow(CollectorUnavailableError);
  });

  it("accepts an answer that keeps the contract", async () => {
    expect(await client.stats()).toEqual({ policies: [], totals: { packets: 0, bytes: 0, active_flows: 0 }, at: 1 });
    expect(await client.policyStats(3)).toBeNull();
  });
});
