import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sanitizeIncomingRequests } from "~/server/client-address";

// A marker that throws outside React's server build; these modules are server code, run here under Node.
vi.mock("server-only", () => ({}));

const dataDir = mkdtempSync(join(tmpdir(), "patronus-metrics-"));
let GET: (request: NextRequest) => Promise<Response>;
let server: { url: string; close: () => Promise<void> };
let stopSanitizing: () => void;

beforeAll(async () => {
  // Requests from 127.0.0.1 are loopback; 127.0.0.1 is also the one trusted proxy, so a request can say
  // it was forwarded for an outside client.
  vi.stubEnv("PATRONUS_DATA_DIR", dataDir);
  vi.stubEnv("PATRONUS_TRUSTED_PROXIES", "127.0.0.1");
  GET = (await import("./route")).GET;
  // Imported only now: test-client loads the GraphQL server, which reads the environment.
  const { serveHttp } = await import("~/server/graphql/test-client");
  server = await serveHttp((request) => GET(new NextRequest(request)));
  const { env } = await import("~/env");
  stopSanitizing = sanitizeIncomingRequests(env.PATRONUS_TRUSTED_PROXIES);
});
afterAll(async () => {
  stopSanitizing();
  await server.close();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

// Sign-ins go through next-auth, which needs Next's request scope: e2e/tests/metrics.spec.ts counts those.
describe("the web app's /metrics", () => {
  it("serves Prometheus text to a loopback client, process metrics included", async () => {
    const response = await fetch(`${server.url}/metrics`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE patronus_graphql_operations_total counter");
    expect(text).toContain("# TYPE process_cpu_seconds_total counter");
  });

  it("refuses a client a trusted proxy forwarded from outside, with 403", async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: "metrics are served to loopback clients only; set PATRONUS_METRICS_TOKEN to scrape from elsewhere",
    });
  });
});

describe("the web app's /metrics with PATRONUS_METRICS_TOKEN set", () => {
  it("answers 401 without the token, even on loopback, and 200 with it from an outside client", async () => {
    vi.stubEnv("PATRONUS_METRICS_TOKEN", "metrics-token-0123456789");
    vi.resetModules();
    const { GET: withToken } = await import("./route");
    const get = (headers: Record<string, string>) =>
      withToken(
        new NextRequest("http://127.0.0.1/metrics", { headers: { "x-patronus-peer": "127.0.0.1", ...headers } }),
      );

    const without = await get({});
    const outside = await get({
      "x-forwarded-for": "203.0.113.9",
      authorization: "Bearer metrics-token-0123456789",
    });

    expect(without.status).toBe(401);
    expect(outside.status).toBe(200);
  });
});
