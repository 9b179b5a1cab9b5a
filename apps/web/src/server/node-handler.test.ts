import { once } from "node:events";
import { createServer, request, type IncomingHttpHeaders, type RequestListener } from "node:http";
import { createGunzip, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { acceptsGzip, nodeHandlerOf } from "./node-handler";

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function serve(listener: RequestListener): Promise<number> {
  const server = createServer(listener);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return (server.address() as { port: number }).port;
}

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
    path = "/",
    headers = {},
    body,
  }: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
  onHead?: (headers: IncomingHttpHeaders) => void,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      onHead?.(res.headers);
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const noErrors = (error: unknown) => {
  throw error;
};

describe("nodeHandlerOf", () => {
  it("hands the handler the method, path, query, headers and body as they arrived", async () => {
    const port = await serve(
      nodeHandlerOf(
        async (request) =>
          Response.json({
            method: request.method,
            url: new URL(request.url).pathname + new URL(request.url).search,
            type: request.headers.get("content-type"),
            custom: request.headers.get("x-custom"),
            body: await request.text(),
          }),
        { headers: {}, onError: noErrors },
      ),
    );
    const answer = await send(port, {
      method: "POST",
      path: "/api/graphql?op=1",
      headers: { "content-type": "application/json", "x-custom": "yes" },
      body: '{"query":"{ __typename }"}',
    });
    expect(JSON.parse(answer.body.toString())).toEqual({
      method: "POST",
      url: "/api/graphql?op=1",
      type: "application/json",
      custom: "yes",
      body: '{"query":"{ __typename }"}',
    });
  });

  it("gives the handler the headers as this process's request hooks left them, not as the client sent them", async () => {
    const handler = nodeHandlerOf(
      async (request) => Response.json({ forwarded: request.headers.get("x-forwarded-for") }),
      {
        headers: {},
        onError: noErrors,
      },
    );
    // What server/client-address.ts does to a request from an untrusted peer, before any handler runs.
    const port = await serve((req, res) => {
      delete req.headers["x-forwarded-for"];
      handler(req, res);
    });
    const answer = await send(port, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(JSON.parse(answer.body.toString())).toEqual({ forwarded: null });
  });

  it("adds the given headers to every answer and keeps the handler's own, each cookie on its own line", async () => {
    const port = await serve(
      nodeHandlerOf(
        async () => {
          const headers = new Headers({ "cache-control": "no-store" });
          headers.append("set-cookie", "a=1");
          headers.append("set-cookie", "b=2");
          return new Response("teapot", { status: 418, headers });
        },
        { headers: { "X-Frame-Options": "DENY", "Content-Security-Policy": "default-src 'none'" }, onError: noErrors },
      ),
    );
    const answer = await send(port, {});
    expect(answer.status).toBe(418);
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(answer.body.toString()).toBe("teapot");
  });

  it("gzips the answer for a client that accepts gzip, and only then", async () => {
    const text = "policy ".repeat(1_000);
    const port = await serve(nodeHandlerOf(async () => new Response(text), { headers: {}, onError: noErrors }));
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
    const port = await serve(nodeHandlerOf(async () => new Response("policy"), { headers: {}, onError: noErrors }));
    const plain = await send(port, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");
  });

  it("sends each chunk of a streamed answer as it comes, gzipped or not", async () => {
    const plainAndGzip: Record<string, string>[] = [{}, { "accept-encoding": "gzip" }];
    for (const headers of plainAndGzip) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const port = await serve(
        nodeHandlerOf(
          async () =>
            new Response(
              new ReadableStream<Uint8Array>({
                async start(controller) {
                  controller.enqueue(new TextEncoder().encode("first;"));
                  await released; // the second chunk waits until the client has the first
                  controller.enqueue(new TextEncoder().encode("second"));
                  controller.close();
                },
              }),
            ),
          { headers: {}, onError: noErrors },
        ),
      );
      const text = await new Promise<string>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, headers }, (res) => {
          // Decoded as it arrives: the second chunk is released only once the first can be read.
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

  it("answers a handler that throws with a bare 500, and hands the error to onError", async () => {
    const errors: unknown[] = [];
    const port = await serve(
      nodeHandlerOf(
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

  it("answers a request whose Host header is no host", async () => {
    const port = await serve(
      nodeHandlerOf(async (request) => new Response(new URL(request.url).pathname), { headers: {}, onError: noErrors }),
    );
    const answer = await send(port, { path: "/api/graphql", headers: { host: "[not a host" } });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe("/api/graphql");
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
