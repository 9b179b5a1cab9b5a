import { randomUUID } from "node:crypto";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { enterRequest, type Logger } from "@patronus/core/log";
import { isTrusted } from "./client-address";

export const REQUEST_ID_HEADER = "x-request-id";

/** What a proxy's own id may look like (UUIDs, hex, ULIDs...); anything else is replaced. */
const PROXY_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request this process receives an id before any handler runs: the trusted proxy's
 * X-Request-Id when it sent one (so its access log and ours join), else a new UUID. The id goes back in
 * the response's X-Request-Id and onto every log line written while the request is handled; a request
 * that ends in a server error is logged with its method, path, status and duration.
 */
export function assignRequestIds(trusted: BlockList, logger: Logger, now = () => performance.now()): () => void {
  const onRequest = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const given = request.headers[REQUEST_ID_HEADER];
    const fromProxy =
      typeof given === "string" && PROXY_ID.test(given) && isTrusted(trusted, request.socket.remoteAddress ?? "");
    const id = fromProxy ? given : randomUUID();
    request.headers[REQUEST_ID_HEADER] = id;
    response.setHeader(REQUEST_ID_HEADER, id);
    enterRequest(id);
    const startedAt = now();
    response.once("finish", () => {
      // Said outright: "finish" may fire outside the request's async context.
      const fields = {
        request_id: id,
        method: request.method,
        path: (request.url ?? "").split("?")[0],
        status: response.statusCode,
        duration_ms: Math.round(now() - startedAt),
      };
      if (response.statusCode >= 500) logger.warn("request failed", fields);
      else logger.debug("request", fields);
    });
  };
  subscribe("http.server.request.start", onRequest);
  return () => unsubscribe("http.server.request.start", onRequest);
}
