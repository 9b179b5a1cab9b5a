import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** What the control interface can do; the collector runtime implements it. */
export interface ControlHandlers {
  stats(): unknown;
  policyStats(policyId: number): unknown;
  topFlows(policyId: number, limit: number): unknown;
  status(): unknown;
  reset(policyId: number | undefined): unknown;
  cleanup(timeoutMs: number | undefined): unknown;
  cacheStats(): unknown;
  clearCaches(): unknown;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * JSON over HTTP, bound to loopback only, every request authenticated by the shared secret. The web
 * app is its one client (core's createCollectorClient).
 */
export async function startControlServer(
  { port, secret }: { port: number; secret: string },
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
    const given = Buffer.from(req.headers.authorization ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(401, "bad or missing secret");
    const url = new URL(req.url ?? "/", "http://control");
    const body = req.method === "POST" ? await readJson(req) : {};
    const id = (text: string | undefined) => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0) throw new HttpError(400, `"${text}" is not a policy id`);
      return n;
    };
    const route = `${req.method} ${url.pathname.replace(/\/\d+$/, "/:id")}`;
    const param = url.pathname.split("/").at(-1);
    switch (route) {
      case "GET /stats":
        return send(res, 200, handlers.stats());
      case "GET /stats/:id":
        return send(res, 200, handlers.policyStats(id(param)) ?? null);
      case "GET /flows/:id":
        return send(res, 200, handlers.topFlows(id(param), Math.min(Number(url.searchParams.get("limit")) || 10, 1000)));
      case "GET /status":
        return send(res, 200, handlers.status());
      case "POST /reset":
        return send(res, 200, handlers.reset(body.policy_id === undefined ? undefined : id(String(body.policy_id))));
      case "POST /cleanup":
        return send(res, 200, handlers.cleanup(typeof body.timeout_ms === "number" ? body.timeout_ms : undefined));
      case "GET /caches":
        return send(res, 200, handlers.cacheStats());
      case "POST /caches/clear":
        return send(res, 200, handlers.clearCaches());
      default:
        throw new HttpError(404, `no route ${req.method} ${url.pathname}`);
    }
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

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 64 * 1024) throw new HttpError(413, "body too large");
  }
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, "body must be a JSON object");
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
