import type { DomainEvent, EventBus } from "@patronus/core/events";

/** What a browser hears of a site deletion: enough to drop the row and say who did it. */
export interface SiteDeletedMessage {
  site_id: string;
  site_name: string;
  actor: string;
  endpoints: number;
  paths: number;
  path_metrics: number;
  at: number;
}

/** What a browser hears of a policy change: which policy, how, and who; it refetches what it shows. */
export interface PoliciesChangedMessage {
  policy_id: number;
  change: "created" | "updated" | "deleted";
  actor: string;
  at: number;
}

/** What a browser hears of a site, endpoint or path change (a site's deletion is `site_deleted`). */
export interface NetworkChangedMessage {
  entity: "site" | "endpoint" | "path";
  id: string | number;
  change: "created" | "updated" | "deleted";
  actor: string;
  at: number;
}

type BrowserMessage =
  | { name: "site_deleted"; data: SiteDeletedMessage }
  | { name: "policies_changed"; data: PoliciesChangedMessage }
  | { name: "network_changed"; data: NetworkChangedMessage };

/**
 * The domain events open dashboards are told of, by SSE event name; the rest (metrics batches) stay on the
 * server. Audit ids and the path ids caches use are left out: a browser refetches what it shows.
 */
function toBrowser(event: DomainEvent): BrowserMessage | undefined {
  switch (event.type) {
    case "site_deleted": {
      const { site_id, site_name, actor, endpoints, paths, path_metrics, at } = event;
      return { name: "site_deleted", data: { site_id, site_name, actor, endpoints, paths, path_metrics, at } };
    }
    case "policies_changed": {
      const { policy_id, change, actor, at } = event;
      return { name: "policies_changed", data: { policy_id, change, actor, at } };
    }
    case "network_changed": {
      const { entity, id, change, actor, at } = event;
      return { name: "network_changed", data: { entity, id, change, actor, at } };
    }
    default:
      return undefined;
  }
}

const encoder = new TextEncoder();

/** A check that throws (the database busy or gone) ends the stream; the browser reconnects and is judged afresh. */
function allowed(stillValid: () => boolean): boolean {
  try {
    return stillValid();
  } catch {
    return false;
  }
}

/** Ends each open stream; see `closeEventStreams`. */
const openStreams = new Set<() => void>();

/**
 * Ends every open event stream (browsers reconnect after the retry delay). For shutdown: the HTTP
 * server waits for open connections before it exits, and an event stream never ends by itself.
 * Returns how many were open.
 */
export function closeEventStreams(): number {
  const count = openStreams.size;
  for (const close of [...openStreams]) close();
  return count;
}

/**
 * A text/event-stream response that carries `bus`'s browser-facing events until the client goes away
 * (`signal` aborts or the stream is cancelled). A comment line every `heartbeatMs` keeps proxies from
 * closing an idle connection. Before each heartbeat and each event, `stillValid` is asked whether the
 * viewer may still listen (not deleted, sessions not ended, token not revoked), and the stream ends when
 * not: a revoked viewer is sent no further event, and an idle stream ends within one heartbeat. Asking
 * per event is cheap: only edits made by people reach a browser, and the check is one indexed lookup. Nothing is replayed: a client that reconnects reloads what it shows.
 */
export function eventStreamResponse(
  bus: EventBus,
  signal: AbortSignal,
  { heartbeatMs = 15_000, stillValid = () => true }: { heartbeatMs?: number; stillValid?: () => boolean } = {},
): Response {
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const unsubscribe = bus.subscribe((event) => {
        const message = toBrowser(event);
        if (!message) return;
        if (!allowed(stillValid)) return close();
        send(`event: ${message.name}\ndata: ${JSON.stringify(message.data)}\n\n`);
      });
      const heartbeat = setInterval(() => (allowed(stillValid) ? send(": keep-alive\n\n") : close()), heartbeatMs);
      let open = true;
      stop = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener("abort", close);
        openStreams.delete(close);
      };
      const close = () => {
        stop();
        controller.close();
      };
      signal.addEventListener("abort", close, { once: true });
      openStreams.add(close);
      // Reconnect after 3 s if the connection drops; the comment flushes the headers to the browser now.
      send("retry: 3000\n: connected\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: Next's gzip would otherwise hold events back until a buffer fills.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
