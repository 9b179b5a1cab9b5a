import { createLogger, type LogLevel } from "@patronus/core/log";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseTrustedProxies } from "./client-address";
import { serveHttp } from "./graphql/test-client";
import { assignRequestIds } from "./request-id";

let lines: { level: LogLevel; entry: Record<string, unknown> }[];
let stop: () => void;
let server: { url: string; close: () => Promise<void> };
const logger = () =>
  createLogger({
    format: "json",
    level: "debug",
    write: (line, level) => lines.push({ level, entry: JSON.parse(line) as Record<string, unknown> }),
  });

async function serve(trusted: string): Promise<void> {
  const log = logger();
  stop = assignRequestIds(parseTrustedProxies(trusted), log);
  server = await serveHttp(async (request) => {
    await new Promise((resolve) => setImmediate(resolve));
    log.info("handled", { path: new URL(request.url).pathname });
    return new Response("ok", { status: request.url.endsWith("/boom") ? 500 : 200 });
  });
}

beforeEach(() => (lines = []));
afterEach(async () => {
  stop();
  await server.close();
});

describe("request ids", () => {
  it("gives concurrent requests their own ids, in the response and on the lines logged while handling them", async () => {
    await serve("");

    const responses = await Promise.all([fetch(`${server.url}/a`), fetch(`${server.url}/b`)]);

    const ids = responses.map((r) => r.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(2);
    const handled = lines.filter((l) => l.entry.msg === "handled");
    expect(handled.map((l) => [l.entry.path, l.entry.request_id])).toEqual(
      expect.arrayContaining([
        ["/a", ids[0]],
        ["/b", ids[1]],
      ]),
    );
  });

  it("keeps a trusted proxy's X-Request-Id and replaces one an untrusted client sent", async () => {
    await serve("127.0.0.1");
    const fromProxy = await fetch(`${server.url}/a`, { headers: { "x-request-id": "proxy-id-42" } });
    stop();
    await server.close();

    await serve("");
    const fromClient = await fetch(`${server.url}/a`, { headers: { "x-request-id": "chosen-by-client" } });

    expect(fromProxy.headers.get("x-request-id")).toBe("proxy-id-42");
    expect(fromClient.headers.get("x-request-id")).not.toBe("chosen-by-client");
  });

  it("logs a request that ended in a server error as a warning with its status and id", async () => {
    await serve("");

    const response = await fetch(`${server.url}/boom`);
    await response.text();

    // Logged on the response's "finish", which may come a moment after the client has the body.
    await vi.waitFor(() => expect(lines.some((l) => l.entry.msg === "request failed")).toBe(true));
    const failed = lines.find((l) => l.entry.msg === "request failed");
    expect(failed).toMatchObject({
      level: "warn",
      entry: { method: "GET", path: "/boom", status: 500, request_id: response.headers.get("x-request-id") },
    });
  });
});
