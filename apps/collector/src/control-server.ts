import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import { metricsAccess } from "@patronus/core/ops";
import {
  controlEndpoints,
  describeIssues,
  MAX_CONTROL_BODY_BYTES,
  type ControlEndpoint,
  type ControlEndpointName,
  type ControlParams,
} from "@patronus/core/traffic/control";
import type { Registry } from "prom-client";
import type { z } from "zod";

/**
 * What the control interface can do; the collector runtime implements it. Each handler gets its
 * endpoint's validated request and returns what the endpoint's response schema describes
 * (core's traffic/control/protocol.ts).
 */
export type ControlHandlers = {
  [Name in ControlEndpointName]: (
    params: ControlParams<Name>,
  ) =>
    | z.input<(typeof controlEndpoints)[Name]["response"]>
    | Promise<z.input<(typeof controlEndpoints)[Name]["response"]>>;
};

/** A refusal a handler throws: its status and message go to the client as `{ error }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Route {
  name: ControlEndpointName;
  endpoint: ControlEndpoint;
  /** The path pattern as a regular expression, one capture group per `:name` segment. */
  pattern: RegExp;
  params: string[];
}

const routes: Route[] = Object.entries(controlEndpoints).map(([name, endpoint]) => {
  const params: string[] = [];
  const source = endpoint.path.replace(/:(\w+)/g, (_, param: string) => {
    params.push(param);
    return "([^/]+)";
  });
  return { name: name as ControlEndpointName, endpoint, pattern: new RegExp(`^${source}$`), params };
});

/**
 * JSON over HTTP, bound to loopback only, every request authenticated by the shared secret and
 * validated against its endpoint's schema. The web app is its one client (core's createCollectorClient).
 */
export async function startControlServer(
  { port, secret, metrics }: { port: number; secret: string; metrics?: { registry: Registry; token?: string } },
  handlers: ControlHandlers,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const expected = Buffer.from(`Bearer ${secret}`);
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      send(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Prometheus has no control secret: /metrics has its own rule (docs/operations.md, "Metrics").
    if (metrics && req.method === "GET" && req.url?.split("?")[0] === "/metrics")
      return serveMetrics(req, res, metrics);
    const given = Buffer.from(req.headers.authorization ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new HttpError(401, "bad or missing secret");
    const url = new URL(req.url ?? "/", "http://control");
    for (const route of routes) {
      const match = route.endpoint.method === req.method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const fields =
        req.method === "POST"
          ? await readJson(req, route.endpoint.maxBodyBytes ?? MAX_CONTROL_BODY_BYTES)
          : fromText(Object.fromEntries(url.searchParams));
      route.params.forEach((param, i) => (fields[param] = fromText({ [param]: decodeSegment(match[i + 1]!) })[param]));
      const request = route.endpoint.request.safeParse(fields);
      if (!request.success) throw new HttpError(400, `bad ${route.name} request: ${describeIssues(request.error)}`);
      return send(res, 200, await answer(route.name, request.data as ControlParams<ControlEndpointName>));
    }
    throw new HttpError(404, `no route ${req.method} ${url.pathname}`);
  }

  function answer<Name extends ControlEndpointName>(name: Name, params: ControlParams<Name>): unknown {
    return (handlers[name] as (params: ControlParams<Name>) => unknown)(params);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${boundPort}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * /metrics alone on an address of the operator's choosing (PATRONUS_METRICS_BIND), for a Prometheus on
 * another host: the control interface never leaves loopback, so this listener answers nothing else.
 * Who may read it is judged as on the control port (metricsAccess: the token, or loopback clients).
 */
export async function startMetricsServer({
  host,
  port,
  registry,
  token,
}: {
  host: string;
  port: number;
  registry: Registry;
  token?: string;
}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const served =
      req.method === "GET" && req.url?.split("?")[0] === "/metrics"
        ? serveMetrics(req, res, { registry, token })
        : Promise.reject(new HttpError(404, `no route ${req.method} ${req.url}`));
    served.catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      send(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  { registry, token }: { registry: Registry; token?: string },
): Promise<void> {
  const access = metricsAccess({ token, authorization: req.headers.authorization, client: req.socket.remoteAddress });
  if (!access.ok) throw new HttpError(access.status, access.error);
  const text = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, `body too large: at most ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, `body too large: at most ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, "body must be a JSON object");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `"${segment}" is not a valid path segment`);
  }
}

/** Path segments and query values arrive as text: numerals become numbers so the schema judges their value, not their type. */
function fromText(fields: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, text]) => [key, /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text]),
  );
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
