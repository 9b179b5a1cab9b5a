import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { constants, createGzip, gzip } from "node:zlib";
import Negotiator from "negotiator";
import { readCappedNode } from "~/server/read-capped";
import type { GraphqlHttpAnswer, GraphqlHttpRequest } from "./http-handler";

const gzipped = promisify(gzip);
/** Answers shorter than this go uncompressed, as Next's compression leaves them. */
const GZIP_MIN_BYTES = 1_024;

/**
 * Serves the GraphQL endpoint (http-handler.ts) on Node's own request and response, for src/main.ts,
 * doing what Next does around its route: `headers` on every answer (next.config.ts's), and gzip when the
 * client accepts it. An endpoint that throws is answered with a bare 500, as Next answers it, after
 * `onError` has it. No Web Request or Response is built: that was a third of the endpoint's own CPU
 * for a small query (docs/architecture.md, "API cost").
 */
export function nodeGraphqlHandler(
  endpoint: (request: GraphqlHttpRequest) => Promise<GraphqlHttpAnswer>,
  { headers, onError }: { headers: Record<string, string>; onError: (error: unknown) => void },
): (req: IncomingMessage, res: ServerResponse) => void {
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let result: GraphqlHttpAnswer;
    try {
      result = await endpoint({
        method: req.method ?? "GET",
        url: urlOf(req),
        headers: headersOf(req),
        text: (max) => readCappedNode(req, max),
      });
    } catch (error) {
      onError(error);
      result = { status: 500, headers: {}, body: "" };
    }
    res.statusCode = result.status;
    for (const [name, value] of Object.entries({ ...headers, ...result.headers })) res.setHeader(name, value);
    // Both the gzipped and the plain answer depend on Accept-Encoding (RFC 9110, 12.5.5), as Next says.
    res.appendHeader("vary", "Accept-Encoding");
    const gzip = acceptsGzip(req.headers["accept-encoding"]);
    if (typeof result.body === "string") {
      if (!gzip || Buffer.byteLength(result.body) < GZIP_MIN_BYTES) {
        res.end(result.body);
        return;
      }
      const body = await gzipped(result.body);
      setGzipHeaders(res);
      res.end(body);
      return;
    }
    try {
      const parts = Readable.from(result.body);
      if (!gzip) await pipeline(parts, res);
      else {
        setGzipHeaders(res);
        // Each part is flushed as it comes, so an incremental answer is not held back by the compressor.
        await pipeline(parts, createGzip({ flush: constants.Z_SYNC_FLUSH }), res);
      }
    } catch (error) {
      // A client that hangs up mid-answer closes the pipeline early: theirs, not an error of ours.
      if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") onError(error);
    }
  };
  // Every failure above ends in onError, so nothing is left to await.
  return (req, res) => void answer(req, res).catch(onError);
}

function setGzipHeaders(res: ServerResponse): void {
  res.removeHeader("content-length"); // the endpoint's, if it ever sets one, counts the uncompressed body
  res.setHeader("content-encoding", "gzip");
}

/**
 * The request's headers as this process's request hooks left them (server/client-address.ts drops
 * proxy headers from untrusted peers there), not the raw ones the client sent.
 */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else for (const each of value ?? []) headers.append(name, each);
  }
  return headers;
}

/** The request's absolute URL; a Host header that is no host gives way to "localhost" (only the path and query are read). */
export function urlOf(req: IncomingMessage): string {
  const path = req.url ?? "/";
  try {
    return new URL(path, `http://${req.headers.host ?? "localhost"}`).href;
  } catch {
    return new URL(path, "http://localhost").href;
  }
}

/**
 * Whether an Accept-Encoding header gives gzip a quality above zero: its own entry's, else that of "*"
 * (RFC 9110, 12.5.3), as negotiator (what Express and Next's compression use) reads it.
 */
export function acceptsGzip(header: string | undefined): boolean {
  return new Negotiator({ headers: { "accept-encoding": header } }).encodings(["gzip"]).includes("gzip");
}
