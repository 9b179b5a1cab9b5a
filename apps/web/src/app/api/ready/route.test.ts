import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createTcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A marker that throws outside React's server build; these modules are server code, run here under Node.
vi.mock("server-only", () => ({}));

// The routes read the environment once, when first imported: set it before that.
const dataDir = mkdtempSync(join(tmpdir(), "patronus-ready-"));
let server: { url: string; close: () => Promise<void> };

/** A port that was free a moment ago and has nothing listening on it now: a stopped collector. */
async function deadPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  vi.stubEnv("PATRONUS_DATA_DIR", dataDir);
  vi.stubEnv("PATRONUS_COLLECTOR_URL", `http://127.0.0.1:${await deadPort()}`);
  vi.stubEnv("PATRONUS_CONTROL_SECRET", "ready-test-secret-0123456789");
  const routes: Record<string, () => Response | Promise<Response>> = {
    "/api/health": (await import("../health/route")).GET,
    "/api/ready": (await import("./route")).GET,
  };
  // Imported only now: test-client loads the GraphQL server, which reads the environment.
  const { serveHttp } = await import("~/server/graphql/test-client");
  server = await serveHttp(async (request) => routes[new URL(request.url).pathname]!());
});
afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("health and readiness endpoints", () => {
  it("answers /api/health with 200 and nothing but its status", async () => {
    const response = await fetch(`${server.url}/api/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /api/ready with 503 naming the collector as the failed check while the collector is stopped", async () => {
    const response = await fetch(`${server.url}/api/ready`);

    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      ready: false,
      checks: {
        database: { ok: true, detail: "writable" },
        migrations: { ok: true, detail: "current" },
        collector: { ok: false, detail: "unreachable" },
      },
    });
  });
});
