import { request, type IncomingHttpHeaders, type RequestListener } from "node:http";
import { createGunzip, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrustedProxies, PEER_HEADER, sanitizeIncomingRequests } from "../client-address";
import type { GraphqlHttpAnswer, GraphqlHttpRequest } from "./http-handler";
import { acceptsGzip, nodeGraphqlHandler } from "./node-handler";
import { listen } from "./test-client";

const servers: { close: () => Promise<void> }[] = [];
afterEach(() => Promise.all(servers.splice(0).map((server) => server.close())));

async function serve(listener: RequestListener): Promise<number> {
  const server = await listen(listener);
  servers.push(server);
  return Number(new URL(server.url).port);
}

type Endpoint = (request: GraphqlHttpRequest) => Promise<GraphqlHttpAnswer>;
const noErrors = (error: unknown) => {
  throw error;
};
const serveEndpoint = (endpoint: Endpoint, headers: Record<string, string> = {}) =>
  serve(nodeGraphqlHandler(endpoint, { headers, onError: noErrors }));
const answering =
  (body: GraphqlHttpAnswer["body"], headers: Record<string, string> = {}): Endpoint =>
  async () => ({ status: 200, headers, body });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw HTTP/1.1 request (node:http, which sends exactly the headers given). */
function send(
  port: number,
  {
    method = "GET",
    path = "/api/graphql",
    headers = {},
    body,
  }: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("nodeGraphqlHandler", () => {
  it("hands the endpoint the method, absolute URL, headers and body as they arrived", async () => {
    const port = await serveEndpoint(async (request) => ({
      status: 200,
      headers: {},
      body: JSON.stringify({
        method: request.method,
        url: request.url,
        type: request.headers.get("content-type"),
        custom: request.headers.get("x-custom"),
        body: await request.text(1_000),
      }),
    }));
    const answer = await send(port, {
      method: "POST",
      path: "/api/graphql?op=1",
      headers: { host: "dashboard.example:3000", "content-type": "application/json", "x-custom": "yes" },
      body: '{"query":"{ __typename }"}',
    });
    expect(JSON.parse(answer.body.toString())).toEqual({
      method: "POST",
      url: "http://dashboard.example:3000/api/graphql?op=1",
      type: "application/json",
      custom: "yes",
      body: '{"query":"{ __typename }"}',
    });
  });

  it("gives the endpoint the headers as server/client-address.ts left them, not as the client sent them", async () => {
    // The hook main.ts's process runs (instrumentation.ts) on every request, before any handler; no proxy is trusted.
    const stopSanitizing = sanitizeIncomingRequests(parseTrustedProxies(""));
    try {
      const port = await serveEndpoint(async (request) => ({
        status: 200,
        headers: {},
        body: JSON.stringify([request.headers.get("x-forwarded-for"), request.headers.get(PEER_HEADER)]),
      }));
      const answer = await send(port, { headers: { "x-forwarded-for": "203.0.113.9", [PEER_HEADER]: "203.0.113.9" } });
      expect(JSON.parse(answer.body.toString())).toEqual([null, "127.0.0.1"]);
    } finally {
      stopSanitizing();
    }
  });

  it("adds the given headers to every answer beside the endpoint's own", async () => {
    const port = await serveEndpoint(
      async () => ({ status: 418, headers: { "cache-control": "no-store" }, body: "teapot" }),
      {
        "X-Frame-Options": "DENY",
        "Content-Security-Policy": "default-src 'none'",
      },
    );
    const answer = await send(port, {});
    expect(answer.status).toBe(418);
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body.toString()).toBe("teapot");
  });

  it("gzips an answer of 1 KiB or more for a client that accepts gzip, and only then", async () => {
    const text = "policy ".repeat(1_000);
    // With a length of its own, which counts the uncompressed body.
    const port = await serveEndpoint(answering(text, { "content-length": String(text.length) }));
    const zipped = await send(port, { headers: { "accept-encoding": "br, gzip" } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(zipped.body.length).toBeLessThan(text.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(text);
    const refusing: Record<string, string>[] = [{}, { "accept-encoding": "gzip;q=0, identity" }];
    for (const headers of refusing) {
      const plain = await send(port, { headers });
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(text);
    }
  });

  it("says Vary: Accept-Encoding on the plain answer as well as the gzipped one", async () => {
    // RFC 9110, 12.5.5: both representations depend on Accept-Encoding; Next sends it on every answer.
    const port = await serveEndpoint(answering("policy ".repeat(1_000)));
    const plain = await send(port, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");
  });

  it("leaves an answer under 1 KiB uncompressed, as Next does", async () => {
    const port = await serveEndpoint(answering('{"data":{"__typename":"Query"}}'));
    const answer = await send(port, { headers: { "accept-encoding": "gzip" } });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.toString()).toBe('{"data":{"__typename":"Query"}}');
  });

  it("sends each part of an incremental answer as it comes, gzipped or not", async () => {
    const plainAndGzip: Record<string, string>[] = [{}, { "accept-encoding": "gzip" }];
    for (const headers of plainAndGzip) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      async function* parts() {
        yield "first;";
        await released; // the second part waits until the client can read the first
        yield "second";
      }
      const port = await serveEndpoint(answering(parts()));
      const text = await new Promise<string>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/api/graphql", headers }, (res) => {
          // Decoded as it arrives: the second part is released only once the first can be read.
          const decoded = res.headers["content-encoding"] === "gzip" ? res.pipe(createGunzip()) : res;
          let text = "";
          decoded.on("data", (chunk: Buffer) => {
            text += chunk.toString();
            if (text === "first;") release();
          });
          decoded.on("end", () => resolve(text));
        });
        req.on("error", reject);
        req.end();
      });
      expect(text).toBe("first;second");
    }
  });

  it("answers an endpoint that throws with a bare 500, and hands the error to onError", async () => {
    const errors: unknown[] = [];
    const port = await serve(
      nodeGraphqlHandler(
        async () => {
          throw new Error("boom");
        },
        { headers: { "X-Frame-Options": "DENY" }, onError: (error) => errors.push(error) },
      ),
    );
    const answer = await send(port, {});
    expect(answer.status).toBe(500);
    expect(answer.body.length).toBe(0);
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(errors).toEqual([new Error("boom")]);
  });

  it("answers a request whose Host header is no host, reading its path from localhost", async () => {
    const port = await serveEndpoint(async (request) => ({ status: 200, headers: {}, body: request.url }));
    const answer = await send(port, { path: "/api/graphql?q=1", headers: { host: "[not a host" } });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe("http://localhost/api/graphql?q=1");
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br", true],
    ["br;q=1.0, GZIP;q=0.5", true],
    ["*", true],
    ["gzip;q=0", false],
    ["gzip; q=0.0, identity", false],
    ["deflate, br", false],
    ["x-gzip-ish", false],
    // An explicit gzip entry outranks "*" (RFC 9110, 12.5.3): these clients refuse gzip.
    ["gzip;q=0, *", false],
    ["*, gzip;q=0", false],
    ["*;q=0", false],
    ["", false],
    [undefined, false],
  ])("%j: %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
