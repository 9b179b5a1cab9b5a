import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { constants, createGzip } from "node:zlib";

type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Serves a fetch-style handler (a Web Request in, a Response out, as a Next route exports) on a Node
 * request, doing what Next does around a route handler that the handler relies on: `headers` on every
 * answer (next.config.ts's), and gzip when the client accepts it. A handler that throws is answered with
 * a bare 500, as Next answers it, after `onError` has it. src/main.ts uses it; the why is in
 * docs/architecture.md, "API cost".
 */
export function nodeHandlerOf(
  handler: FetchHandler,
  { headers, onError }: { headers: Record<string, string>; onError: (error: unknown) => void },
): (req: IncomingMessage, res: ServerResponse) => void {
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let response: Response;
    try {
      response = await handler(requestOf(req));
    } catch (error) {
      onError(error);
      response = new Response(null, { status: 500 });
    }
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") res.setHeader(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader("set-cookie", cookies);
    if (!response.body || req.method === "HEAD") {
      res.end();
      return;
    }
    const encoded = response.headers.has("content-encoding");
    // Both the gzipped and the plain answer depend on Accept-Encoding (RFC 9110, 12.5.5).
    if (!encoded) res.appendHeader("vary", "Accept-Encoding");
    const gzip = !encoded && acceptsGzip(req.headers["accept-encoding"]);
    if (gzip) {
      res.setHeader("content-encoding", "gzip");
      res.removeHeader("content-length");
    }
    const body = Readable.fromWeb(response.body as WebReadableStream);
    try {
      // Each chunk is flushed as it comes, so a streamed answer is not held back by the compressor.
      if (gzip) await pipeline(body, createGzip({ flush: constants.Z_SYNC_FLUSH }), res);
      else await pipeline(body, res);
    } catch (error) {
      // A client that hangs up mid-answer closes the pipeline early: theirs, not an error of ours.
      if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") onError(error);
    }
  };
  // Every failure above ends in onError, so nothing is left to await.
  return (req, res) => void answer(req, res);
}

/**
 * The Web Request of a Node request; its body streams, as a route handler's does. Its headers are
 * `req.headers`, as this process's request hooks left them (server/client-address.ts drops proxy
 * headers from untrusted peers there), not the raw ones the client sent.
 */
function requestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else for (const each of value ?? []) headers.append(name, each);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(urlOf(req), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    // Required by fetch's Request for a streamed body: the request is sent as it is read.
    duplex: "half",
  } as RequestInit);
}

/** The request's URL; a Host header that is no host gives way to "localhost" (only the path and query are read). */
function urlOf(req: IncomingMessage): URL {
  const path = req.url ?? "/";
  try {
    return new URL(path, `http://${req.headers.host ?? "localhost"}`);
  } catch {
    return new URL(path, "http://localhost");
  }
}

/** Whether an Accept-Encoding header gives gzip a quality above zero: its own entry's, else that of "*" (RFC 9110, 12.5.3). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const quality = new Map<string, number>();
  for (const entry of header.split(",")) {
    const [coding = "", ...params] = entry.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    quality.set(coding.trim(), q === undefined ? 1 : Number(q.slice(2)));
  }
  return (quality.get("gzip") ?? quality.get("*") ?? 0) > 0;
}
